import { Link } from "wouter";
import { useI18n } from "../lib/i18n.tsx";
import type { Suggestion } from "../lib/queries.ts";
import { Icon } from "./icon.tsx";

/** The communes where the next drives matter most, with the numbers that justify it. */
export function WhereNext({
  suggestions,
  limit,
  planHref,
}: {
  suggestions: readonly Suggestion[];
  limit: number;
  /** Where "plan a drive here" leads, when the reader may plan one. */
  planHref?: (unitId: string) => string;
}) {
  const { t, f, fill } = useI18n();
  return (
    <section className="card where-next" aria-labelledby="where-next-title">
      <h2 id="where-next-title">{t.common.whereNext}</h2>
      <p className="small muted">{t.common.whereNextIntro}</p>
      <ol>
        {suggestions.slice(0, limit).map((s) => (
          <li key={s.unit.id}>
            <Link href={`/units/${s.unit.id}`} className={s.lagging ? "where-name is-lagging" : "where-name"}>
              {s.lagging && <Icon name="warning" />}
              {s.unit.name}
            </Link>{" "}
            <span>
              {f.percent(s.percent)} ·{" "}
              {fill(t.common.expectedShort, { percent: f.percent(s.expectedPercent) })}
            </span>
            <span className="small">
              {/* The projected shortfall says more than "still to reach" only when the pace closes some of it. */}
              {s.shortfall < s.remaining &&
                `${fill(t.common.whereNextShortfall, { shortfall: f.integer(s.shortfall) })} · `}
              {fill(t.common.whereNextLine, {
                gap: f.integer(Math.max(0, s.gap)),
                remaining: f.integer(s.remaining),
                required: s.requiredPerDay === null ? "—" : f.perDay(s.requiredPerDay),
              })}
              {s.metric === "coverage" &&
                s.linkingGap !== null &&
                s.linkingGap > 0 &&
                ` · ${fill(t.common.whereNextLinking, { gap: f.integer(s.linkingGap) })}`}
              {" · "}
              {s.daysSinceLastDrive === null
                ? t.common.noDriveYet
                : fill(t.common.lastDriveAgo, { days: s.daysSinceLastDrive })}
            </span>
            {planHref && (
              <Link href={planHref(s.unit.id)} className="small no-print">
                {t.common.planHere}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
