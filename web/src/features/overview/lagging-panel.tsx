import { Link } from "wouter";
import { Icon } from "../../components/icon.tsx";
import type { UnitOverview } from "../../lib/api.ts";
import { fill, useI18n } from "../../lib/i18n.tsx";

/** The lagging communes, most accounts behind the trajectory first, each with the reason in numbers. */
export function LaggingPanel({
  overview,
  linkToUnit,
}: {
  overview: UnitOverview;
  linkToUnit: (id: string) => string;
}) {
  const { t, f } = useI18n();
  const lagging = overview.laggingOrder.flatMap((id) =>
    overview.children.filter((child) => child.unit.id === id),
  );
  return (
    <section className="card lagging-panel" aria-labelledby="lagging-title">
      <h2 id="lagging-title">{fill(t.laggingTitle, { count: lagging.length })}</h2>
      {lagging.length === 0 ? (
        <p className="muted">{t.laggingNone}</p>
      ) : (
        <ul>
          {lagging.map(({ unit, coverage }) => (
            <li key={unit.id}>
              <Link href={linkToUnit(unit.id)} className="lagging-name">
                <Icon name="warning" />
                {unit.name}
              </Link>
              <span className="lagging-rates">
                {fill(t.laggingLine, {
                  percent: f.percent(coverage.percent),
                  expected: f.percent(coverage.expectedPercent),
                })}
              </span>
              <span className="small">
                {fill(t.laggingNeeds, {
                  gap: f.integer(Math.max(0, coverage.gapToExpected ?? 0)),
                  required: coverage.requiredPerDay === null ? "—" : f.decimal(coverage.requiredPerDay),
                  pace: coverage.pacePerDay === null ? t.paceUnknown : f.decimal(coverage.pacePerDay),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
