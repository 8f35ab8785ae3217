import { Link } from "wouter";
import { useI18n } from "../lib/i18n.tsx";
import { Icon } from "./icon.tsx";
import { useShortList } from "./short-list.tsx";

export interface RankingRow {
  id: string;
  name: string;
  href: string;
  percent: string | null;
  expectedPercent: string | null;
  lagging: boolean;
}

/**
 * Horizontal bars sorted by rate from the lowest — the units furthest behind are the first ten a
 * province sees —, a tick at each unit's expected value, lagging units marked with icon and word.
 */
export function RankingBars({ title, rows }: { title: string; rows: readonly RankingRow[] }) {
  const { t, f } = useI18n();
  const sorted = [...rows].sort((a, b) => Number(a.percent ?? -1) - Number(b.percent ?? -1));
  const { shown, toggle } = useShortList(sorted);
  return (
    <section className="card ranking-card" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{title}</h2>
      <p className="muted small">{t.common.rankingExpectedTick}</p>
      <ol className="ranking">
        {shown.map((row) => (
          <li key={row.id} className={row.lagging ? "ranking-row is-lagging" : "ranking-row"}>
            <span className="ranking-label">
              <Link href={row.href}>{row.name}</Link>
              {row.lagging && (
                <span className="lagging-mark">
                  <Icon name="warning" />
                  {t.common.lagging}
                </span>
              )}
            </span>
            <span className="ranking-bar" aria-hidden="true">
              <span
                className="ranking-fill"
                style={{ width: `${Math.min(100, Number(row.percent ?? 0))}%` }}
              />
              {row.expectedPercent !== null && (
                <span
                  className="ranking-tick"
                  style={{ left: `${Math.min(100, Number(row.expectedPercent))}%` }}
                />
              )}
            </span>
            <span className="ranking-value">
              {f.percent(row.percent)}
              <span className="muted small"> / {f.percent(row.expectedPercent)}</span>
            </span>
          </li>
        ))}
      </ol>
      {rows.length === 0 && <p className="muted">{t.common.noUnitsMatch}</p>}
      {toggle}
    </section>
  );
}
