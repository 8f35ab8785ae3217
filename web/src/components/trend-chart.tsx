import { useId, useState } from "react";
import {
  CartesianGrid,
  Legend,
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

type Metric = "coverage" | "linking";

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
  const low = Math.max(0, Math.floor(Math.min(...values, 100) / 10) * 10);
  const start = timeOf(first?.date ?? campaign.start);
  const end = timeOf(campaign.deadline);
  const ticks = [];
  for (let x = start; x < end - 14 * DAY_MS; x += 28 * DAY_MS) ticks.push(x);
  ticks.push(end);

  return (
    <section className="card chart-card" aria-labelledby={`${tableId}-title`}>
      <h2 id={`${tableId}-title`}>{title}</h2>
      {first && last && (
        <p className="chart-summary">
          {fill(t.trendSummary, {
            metric: t.metricRateName[metric],
            unit: unitName,
            first: f.percent(percentOf(first)),
            firstDate: f.date(first.date),
            last: f.percent(percentOf(last)),
            lastDate: f.date(last.date),
            expected: f.percent(status.expectedPercent),
          })}{" "}
          {status.projection &&
            fill(t.trendProjection, {
              percent: f.percent(status.projection.percent),
              date: f.date(status.projection.date),
            })}{" "}
          {fill(t.trendDeadline, { deadline: f.date(campaign.deadline) })}
          {markers.some((m) => m.date <= asOf) &&
            ` ${t.trendMarkers} ${markers
              .filter((m) => m.date <= asOf)
              .map((m) => `${f.date(m.date)} (${m.label})`)
              .join(", ")}.`}
        </p>
      )}
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={280}>
          <LineChart
            data={rows}
            margin={{ top: 12, right: 16, bottom: 4, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="#e3e6ea" />
            <XAxis
              dataKey="x"
              type="number"
              scale="time"
              domain={[start, end]}
              ticks={ticks}
              tickFormatter={(x: number) => f.shortDate(new Date(x).toISOString().slice(0, 10))}
              tick={{ fontSize: 12, fill: "#4a5159" }}
            />
            <YAxis
              domain={[low, 100]}
              ticks={Array.from({ length: (100 - low) / 10 + 1 }, (_, i) => low + 10 * i)}
              tickFormatter={(v: number) => `${v}%`}
              width={48}
              tick={{ fontSize: 12, fill: "#4a5159" }}
            />
            <Tooltip content={<ChartTooltip />} />
            <Legend wrapperStyle={{ fontSize: 13 }} />
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
            <Line
              name={t.trajectory}
              dataKey="expected"
              stroke="#6b7280"
              strokeDasharray="6 4"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              name={t.actual}
              dataKey="actual"
              stroke="#0b5cad"
              strokeWidth={2.5}
              dot={{ r: 2.5 }}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              name={t.projection}
              dataKey="projection"
              stroke="#0b5cad"
              strokeDasharray="2 4"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <button
        type="button"
        className="link-button"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable(!showTable)}
      >
        {showTable ? t.hideTable : t.showTable}
      </button>
      <div id={tableId} hidden={!showTable}>
        {showTable && (
          <table className="data-table compact">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.date}</th>
                <th scope="col" className="numeric">
                  {t.actual}
                </th>
                <th scope="col" className="numeric">
                  {t.trajectory}
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
  if (status.projection && status.percent !== null && points.length > 0) {
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
          {t.actual}: {f.percent(row.actualLabel)}
        </div>
      )}
      {row.expectedLabel && (
        <div>
          {t.trajectory}: {f.percent(row.expectedLabel)}
        </div>
      )}
      {row.projectionLabel && row.actualLabel === undefined && (
        <div>
          {t.projection}: {f.percent(row.projectionLabel)}
        </div>
      )}
    </div>
  );
}
