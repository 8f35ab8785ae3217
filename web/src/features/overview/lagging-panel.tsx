import { isReportingUnit, levelOfChildren } from "@vneid-tracker/server/domain/tree.ts";
import type { Metric } from "@vneid-tracker/server/domain/types.ts";
import { Link } from "wouter";
import { Icon } from "../../components/icon.tsx";
import { useShortList } from "../../components/short-list.tsx";
import type { UnitOverview } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";

/** The lagging communes, most accounts behind the trajectory first, each with the reason in numbers. */
export function LaggingPanel({
  overview,
  metric,
  linkToUnit,
}: {
  overview: UnitOverview;
  metric: Metric;
  linkToUnit: (id: string) => string;
}) {
  const { t, f, fill } = useI18n();
  const lagging = overview.laggingOrderByMetric[metric].flatMap((id) =>
    overview.children.filter((child) => child.unit.id === id),
  );
  const { shown, toggle } = useShortList(lagging);
  const level = levelOfChildren(overview.children);
  return (
    <section className="card lagging-panel" aria-labelledby="lagging-title">
      <h2 id="lagging-title">{fill(t.common.laggingTitle, { count: lagging.length, level })}</h2>
      {lagging.length === 0 ? (
        <p className="muted">{fill(t.common.laggingNone, { level })}</p>
      ) : (
        <ul>
          {shown.map(({ unit, [metric]: status }) => (
            <li key={unit.id}>
              <Link href={linkToUnit(unit.id)} className="lagging-name">
                <Icon name="warning" />
                {unit.name}
              </Link>
              <span className="lagging-rates">
                {fill(t.common.laggingLine, {
                  percent: f.percent(status.percent),
                  expected: f.percent(status.expectedPercent),
                })}
              </span>
              <span className="small">
                {/* A province or district lags by its communes that will miss the deadline, even ahead of the trajectory. */}
                {!isReportingUnit(unit) &&
                  status.units.offTrack > 0 &&
                  `${fill(t.overview.laggingUnitsOffTrack, { count: status.units.offTrack })} · `}
                {fill(t.overview.laggingNeeds, {
                  gap: f.integer(Math.max(0, status.gapToExpected ?? 0)),
                  required: status.requiredPerDay === null ? "—" : f.perDay(status.requiredPerDay),
                  pace: status.pacePerDay === null ? t.overview.paceUnknown : f.perDay(status.pacePerDay),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {toggle}
    </section>
  );
}
