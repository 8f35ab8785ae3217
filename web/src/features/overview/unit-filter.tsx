import { weekStart } from "@vneid-tracker/server/domain/reporting-weeks.ts";
import type { Metric } from "@vneid-tracker/server/domain/types.ts";
import { foldText } from "@vneid-tracker/server/domain/unit-names.ts";
import type { ChildOverview } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";

export const UNIT_FILTERS = ["all", "lagging", "belowExpected", "notReported"] as const;
export type UnitFilter = (typeof UNIT_FILTERS)[number];

/**
 * The children a search and a filter keep: the name matched with or without diacritics ("ia grai"
 * finds Xã Ia Grai), and lagging, below the expected rate, or without a report in the week of `date`.
 */
export function filterUnits(
  children: readonly ChildOverview[],
  { query, filter, metric, date }: { query: string; filter: UnitFilter; metric: Metric; date: string },
): ChildOverview[] {
  const words = foldText(query).trim();
  const monday = weekStart(date);
  const kept: Record<UnitFilter, (child: ChildOverview) => boolean> = {
    all: () => true,
    lagging: (child) => child[metric].lagging,
    belowExpected: ({ [metric]: status }) =>
      status.rate !== null && status.expectedRate !== null && status.rate < status.expectedRate,
    notReported: (child) => child.figures.latestReport === null || child.figures.latestReport < monday,
  };
  return children.filter(
    (child) => (!words || foldText(child.unit.name).includes(words)) && kept[filter](child),
  );
}

/** The search box and the filter over the communes, for the ranking and the table below it. */
export function UnitFilterBar({
  query,
  filter,
  onQuery,
  onFilter,
  matched,
  total,
}: {
  query: string;
  filter: UnitFilter;
  onQuery: (query: string) => void;
  onFilter: (filter: UnitFilter) => void;
  matched: number;
  total: number;
}) {
  const { t, fill } = useI18n();
  return (
    <search className="card unit-filter no-print" aria-label={t.common.searchUnits}>
      <label>
        {t.common.searchUnits}
        <input type="search" value={query} onChange={(e) => onQuery(e.target.value)} />
      </label>
      <label>
        {t.common.filterLabel}
        <select value={filter} onChange={(e) => onFilter(e.target.value as UnitFilter)}>
          {UNIT_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t.unitFilters[f]}
            </option>
          ))}
        </select>
      </label>
      <p className="small muted" role="status">
        {fill(t.common.unitsMatched, { matched, total })}
      </p>
    </search>
  );
}
