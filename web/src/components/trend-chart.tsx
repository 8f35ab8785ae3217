import type { Metric } from "@vneid-tracker/server/domain/types.ts";
import { useEffect, useId, useState } from "react";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { Campaign, MetricStatus, SeriesPoint } from "../lib/api.ts";
import { useI18n } from "../lib/i18n.tsx";

interface Row {
  x: number;
  date: string;
  actual?: number;
  expected?: number;
  projection?: number;
  actualLabel?: string | null;
  expectedLabel?: string | null;
  projectionLabel?: string | null;
}

const timeOf = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);
const DAY_MS = 86_400_000;

/**
 * The unit's rate over time up to the chosen date, the expected trajectory to the deadline, and a
 * dashed projection at the current pace; with a text summary and the data table one click away.
 */
export function TrendChart({
  title,
  unitName,
  metric,
  points,
  asOf,
  status,
  campaign,
  markers = [],
}: {
  /** Events to mark on the time axis (outreach drives), each with a label for the text summary. */
  markers?: readonly { date: string; label: string }[];
  title: string;
  unitName: string;
  metric: Metric;
  points: readonly SeriesPoint[];
  asOf: string;
  status: MetricStatus;
  campaign: Campaign;
}) {
  const { t, f, fill } = useI18n();
  const printing = usePrinting();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const shown = points.filter((p) => p.date <= asOf);
  const rows = chartRows(shown, metric, status, campaign, asOf);
  const first = shown[0];
  const last = shown.at(-1);
  const percentOf = (p: SeriesPoint) => (metric === "coverage" ? p.coveragePercent : p.linkingPercent);
  const expectedOf = (p: SeriesPoint) =>
    metric === "coverage" ? p.expectedCoveragePercent : p.expectedLinkingPercent;
  const values = rows.flatMap((r) => [r.actual, r.expected, r.projection]).filter((v) => v !== undefined);
  const latest = rows[lastIndex(rows, "actual")];
  const actualAbove = (latest?.actual ?? 0) >= (latest?.expected ?? 0);
  const low = Math.max(0, Math.floor(Math.min(...values, 100) / 10) * 10);
  const start = timeOf(first?.date ?? campaign.start);
  const end = timeOf(campaign.deadline);
  const ticks = [];
  // No date within six weeks of the deadline: its tick's longer name ends at its line.
  for (let x = start; x < end - 42 * DAY_MS; x += 28 * DAY_MS) ticks.push(x);
  ticks.push(end);

  return (
    <section className="card chart-card" aria-labelledby={`${tableId}-title`}>
      <h2 id={`${tableId}-title`}>{title}</h2>
      {first && last && (
        <p className="chart-summary">
          {fill(t.common.trendSummary, {
            metric: t.metricRateName[metric],
            unit: unitName,
            first: f.percent(percentOf(first)),
            firstDate: f.date(first.date),
            last: f.percent(percentOf(last)),
            lastDate: f.date(last.date),
            expected: f.percent(status.expectedPercent),
          })}{" "}
          {/* After the deadline the result is final: nothing is projected. */}
          {status.projection &&
            asOf < campaign.deadline &&
            fill(t.common.trendProjection, {
              percent: f.percent(status.projection.percent),
              date: f.date(status.projection.date),
            })}{" "}
          {fill(t.common.trendDeadline, { deadline: f.date(campaign.deadline) })}
          {markers.some((m) => m.date <= asOf) &&
            ` ${t.common.trendMarkers} ${markers
              .filter((m) => m.date <= asOf)
              // Readers who are not signed in see no team: the date alone, never "19/03/2024 ()".
              .map((m) => (m.label ? `${f.date(m.date)} (${m.label})` : f.date(m.date)))
              .join(", ")}.`}
        </p>
      )}
      <div className="chart" aria-hidden="true">
        {/* On paper the chart takes the page's width, not the screen's (it was cut at mid-May). */}
        <ResponsiveContainer width={printing ? PRINT_WIDTH : "100%"} height={printing ? 170 : 280}>
          <LineChart
            data={rows}
            margin={{ top: 20, right: 16, bottom: 4, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="#e3e6ea" />
            <XAxis
              dataKey="x"
              type="number"
              scale="time"
              domain={[start, end]}
              ticks={ticks}
              // The deadline is named on its own tick, at the axis, ending at its line: clear of the
              // lines' names, of the drive marks and of the chart's edge.
              interval={0}
              tick={(props: { x: number | string; y: number | string; payload: { value: unknown } }) => {
                const value = Number(props.payload.value);
                const deadline = value === end;
                return (
                  <text
                    x={Number(props.x)}
                    y={Number(props.y) + 12}
                    textAnchor={deadline ? "end" : "middle"}
                    fontSize={12}
                    fill={deadline ? "#8a1c1c" : "#4a5159"}
                    className={deadline ? "deadline-label" : undefined}
                  >
                    {deadline
                      ? fill(t.common.deadlineLabel, { deadline: f.shortDate(campaign.deadline) })
                      : f.shortDate(new Date(value).toISOString().slice(0, 10))}
                  </text>
                );
              }}
            />
            <YAxis
              domain={[low, 100]}
              ticks={Array.from({ length: (100 - low) / 10 + 1 }, (_, i) => low + 10 * i)}
              tickFormatter={(v: number) => `${v}%`}
              width={48}
              tick={{ fontSize: 12, fill: "#4a5159" }}
            />
            <Tooltip content={<ChartTooltip />} />
            <ReferenceLine x={end} stroke="#8a1c1c" strokeWidth={2} />
            {markers
              .filter((m) => m.date <= asOf)
              .map((m) => (
                <ReferenceLine
                  key={`${m.date}-${m.label}`}
                  x={timeOf(m.date)}
                  stroke="#6d4300"
                  strokeDasharray="2 3"
                  label={{ value: "▲", position: "insideBottom", fill: "#6d4300", fontSize: 11 }}
                />
              ))}
            {/* Each line differs by style and marker, and is named at its end: readable without colour. */}
            <Line
              name={t.common.trajectory}
              dataKey="expected"
              stroke={STYLES.expected.stroke}
              strokeDasharray={STYLES.expected.dash}
              dot={false}
              connectNulls
              isAnimationActive={false}
              label={endLabel(
                rows,
                "expected",
                t.common.trajectoryShort,
                actualAbove ? "below" : "above",
                lastIndex(rows, "actual"),
              )}
            />
            <Line
              name={t.common.actual}
              dataKey="actual"
              stroke={STYLES.actual.stroke}
              strokeWidth={2.5}
              dot={{ r: 2.5 }}
              connectNulls
              isAnimationActive={false}
              label={endLabel(rows, "actual", t.common.actual, actualAbove ? "above" : "below")}
            />
            <Line
              name={t.common.projection}
              dataKey="projection"
              stroke={STYLES.projection.stroke}
              strokeDasharray={STYLES.projection.dash}
              dot={(props: { cx?: number; cy?: number; index?: number }) =>
                props.index !== undefined &&
                rows[props.index]?.projection !== undefined &&
                props.index === lastIndex(rows, "projection") ? (
                  <Diamond key="projection-end" x={props.cx ?? 0} y={props.cy ?? 0} />
                ) : (
                  <g key={`p${props.index}`} />
                )
              }
              connectNulls
              isAnimationActive={false}
              label={endLabel(rows, "projection", t.common.projectionShort, "above")}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend drives={markers.some((m) => m.date <= asOf)} />
      <button
        type="button"
        className="link-button"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable(!showTable)}
      >
        {showTable ? t.common.hideTable : t.common.showTable}
      </button>
      <div id={tableId} hidden={!showTable}>
        {showTable && (
          <table className="data-table compact">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.common.date}</th>
                <th scope="col" className="numeric">
                  {t.common.actual}
                </th>
                <th scope="col" className="numeric">
                  {t.common.trajectory}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.date}>
                  <td>{f.date(p.date)}</td>
                  <td className="numeric">{f.percent(percentOf(p))}</td>
                  <td className="numeric">{f.percent(expectedOf(p))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

/** The width the chart takes on an A4 page (the printable width at 96 dpi, less the card's padding). */
const PRINT_WIDTH = 640;

const STYLES = {
  actual: { stroke: "#0b5cad", dash: undefined },
  expected: { stroke: "#6b7280", dash: "6 4" },
  projection: { stroke: "#0b5cad", dash: "2 4" },
} as const;

/** True while the page is printed (the print dialog, or a browser emulating print). */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const media = window.matchMedia("print");
    const update = () => setPrinting(media.matches);
    const before = () => setPrinting(true);
    const after = () => setPrinting(media.matches);
    media.addEventListener("change", update);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    update();
    return () => {
      media.removeEventListener("change", update);
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return printing;
}

function lastIndex(rows: readonly Row[], key: "actual" | "expected" | "projection"): number {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]?.[key] !== undefined) return i;
  return -1;
}

/**
 * A line's name written at its last point (the trajectory's under the latest actual figure, where the
 * gap shows, not among the labels at the deadline), so that no legend is needed to tell them apart.
 * The actual line's name and the trajectory's are written on their outer sides (`side`), never in
 * the gap between them, where they fell on each other.
 */
function endLabel(
  rows: readonly Row[],
  key: "actual" | "expected" | "projection",
  name: string,
  side: "above" | "below",
  at?: number,
) {
  const last = at !== undefined && at >= 0 && rows[at]?.[key] !== undefined ? at : lastIndex(rows, key);
  return (props: { x?: number | string; y?: number | string; index?: number }) =>
    props.index === last ? (
      <text
        key={`${key}-label`}
        x={Number(props.x) - 4}
        y={Number(props.y) + (side === "below" ? 14 : -8)}
        textAnchor="end"
        fontSize={12}
        fill={STYLES[key].stroke}
        className={`end-label end-label-${key}`}
      >
        {name}
      </text>
    ) : (
      <g key={`${key}-${props.index}`} />
    );
}

function Diamond({ x, y }: { x: number; y: number }) {
  return (
    <path d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} fill={STYLES.projection.stroke} />
  );
}

/** The chart's key: each line with its style and marker, the deadline and the drive marks. */
function ChartLegend({ drives }: { drives: boolean }) {
  const { t } = useI18n();
  const swatch = (key: keyof typeof STYLES, marker: "circle" | "diamond" | null) => (
    <svg width="34" height="12" aria-hidden="true" focusable="false">
      <line
        x1="1"
        y1="6"
        x2="33"
        y2="6"
        stroke={STYLES[key].stroke}
        strokeWidth={key === "actual" ? 2.5 : 1.5}
        strokeDasharray={STYLES[key].dash}
      />
      {marker === "circle" && <circle cx="17" cy="6" r="3" fill={STYLES[key].stroke} />}
      {marker === "diamond" && <path d="M29 1L34 6L29 11L24 6Z" fill={STYLES[key].stroke} />}
    </svg>
  );
  return (
    <ul className="chart-legend">
      <li>
        {swatch("actual", "circle")} {t.common.actual}
      </li>
      <li>
        {swatch("expected", null)} {t.common.trajectory}
      </li>
      <li>
        {swatch("projection", "diamond")} {t.common.projection}
      </li>
      <li>
        <svg width="12" height="14" aria-hidden="true" focusable="false">
          <line x1="6" y1="0" x2="6" y2="14" stroke="#8a1c1c" strokeWidth="2" />
        </svg>{" "}
        {t.common.deadlineLegend}
      </li>
      {drives && (
        <li>
          <span className="drive-mark" aria-hidden="true">
            ▲
          </span>{" "}
          {t.common.driveMarkLegend}
        </li>
      )}
    </ul>
  );
}

function chartRows(
  points: readonly SeriesPoint[],
  metric: Metric,
  status: MetricStatus,
  campaign: Campaign,
  asOf: string,
): Row[] {
  const byX = new Map<number, Row>();
  const row = (date: string) => {
    const x = timeOf(date);
    const existing = byX.get(x) ?? { x, date };
    byX.set(x, existing);
    return existing;
  };
  for (const p of points) {
    const percent = metric === "coverage" ? p.coveragePercent : p.linkingPercent;
    const expectedRate = metric === "coverage" ? p.expectedCoverageRate : p.expectedLinkingRate;
    const r = row(p.date);
    if (percent !== null) {
      r.actual = Number(percent);
      r.actualLabel = percent;
    }
    if (expectedRate !== null) {
      r.expected = expectedRate * 100;
      r.expectedLabel = metric === "coverage" ? p.expectedCoveragePercent : p.expectedLinkingPercent;
    }
  }
  const deadline = row(campaign.deadline);
  deadline.expected = Number(campaign.targetPercents[metric]);
  deadline.expectedLabel = campaign.targetPercents[metric];
  // After the deadline the result is final: no projection is drawn.
  if (status.projection && status.percent !== null && points.length > 0 && asOf < campaign.deadline) {
    const from = row(points.at(-1)?.date ?? asOf);
    from.projection = Number(status.percent);
    from.projectionLabel = status.percent;
    const to = row(status.projection.date);
    to.projection = Number(status.projection.percent);
    to.projectionLabel = status.projection.percent;
  }
  return [...byX.values()].sort((a, b) => a.x - b.x);
}

function ChartTooltip({ active, payload }: { active?: boolean; payload?: { payload: Row }[] }) {
  const { t, f } = useI18n();
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{f.date(row.date)}</strong>
      {row.actualLabel && (
        <div>
          {t.common.actual}: {f.percent(row.actualLabel)}
        </div>
      )}
      {row.expectedLabel && (
        <div>
          {t.common.trajectory}: {f.percent(row.expectedLabel)}
        </div>
      )}
      {row.projectionLabel && row.actualLabel === undefined && (
        <div>
          {t.common.projection}: {f.percent(row.projectionLabel)}
        </div>
      )}
    </div>
  );
}
