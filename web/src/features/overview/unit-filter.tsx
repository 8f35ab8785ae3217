import { UNIT_FILTERS, type UnitFilter } from "@vneid-tracker/server/domain/unit-filter.ts";
import { useI18n } from "../../lib/i18n.tsx";

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
    <search className="card unit-filter no-print">
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
