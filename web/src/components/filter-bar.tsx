import { useI18n } from "../lib/i18n.tsx";

/**
 * A search box and one filter over a long list (the overview's communes, the reporting grid, the
 * accounts), and how many of the list they keep.
 */
export function FilterBar<V extends string>({
  query,
  onQuery,
  filterLabel,
  value,
  onValue,
  options,
  status,
  card = true,
}: {
  query: string;
  onQuery: (query: string) => void;
  filterLabel: string;
  value: V;
  onValue: (value: V) => void;
  options: readonly { value: V; label: string }[];
  /** "12/135 đơn vị": what the search and the filter keep. */
  status: string;
  card?: boolean;
}) {
  const { t } = useI18n();
  return (
    <search className={card ? "card unit-filter no-print" : "unit-filter no-print"}>
      <label>
        {t.common.searchUnits}
        <input type="search" value={query} onChange={(e) => onQuery(e.target.value)} />
      </label>
      <label>
        {filterLabel}
        <select value={value} onChange={(e) => onValue(e.target.value as V)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <p className="small muted" role="status">
        {status}
      </p>
    </search>
  );
}
