import { Fragment, type ReactNode, useState } from "react";
import { useI18n } from "../lib/i18n.tsx";
import { ScrollRegion } from "./scroll-region.tsx";
import { useShortList } from "./short-list.tsx";

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Sortable when given; null values sort last. */
  sortValue?: (row: Row) => number | string | null;
  numeric?: boolean;
}

/** A table whose column headers sort it (click or keyboard), announcing the order through aria-sort. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  rowDetail,
  cards = false,
  limit,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  initialSort?: { key: string; descending: boolean };
  /** A full-width line under the row (e.g. the explanation of its flags); sorts with its row. */
  rowDetail?: (row: Row) => ReactNode;
  /** Below 600 px each row is a card, every value under its column's name (a table too wide for a phone). */
  cards?: boolean;
  /** Shows the first `limit` rows in the order chosen, and "Xem tất cả N" for the rest. */
  limit?: number;
}) {
  const { t, fill } = useI18n();
  const [sort, setSort] = useState(initialSort ?? null);
  const column = columns.find((c) => c.key === sort?.key);
  const sorted = column?.sortValue
    ? [...rows].sort(compareBy(column.sortValue, sort?.descending ?? false))
    : rows;
  const { shown, toggle } = useShortList(sorted, limit ?? Number.POSITIVE_INFINITY);

  return (
    <>
      <ScrollRegion label={caption}>
        <table className={cards ? "data-table cards-on-phone" : "data-table"}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                const ariaSort = active ? (sort?.descending ? "descending" : "ascending") : undefined;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={ariaSort}
                    className={c.numeric ? "numeric" : undefined}
                  >
                    {c.sortValue ? (
                      <button
                        type="button"
                        className="sort-button"
                        title={fill(t.common.sortBy, { column: c.header })}
                        onClick={() =>
                          setSort({ key: c.key, descending: active ? !sort?.descending : c.numeric === true })
                        }
                      >
                        {c.header}
                        <span aria-hidden="true" className="sort-mark">
                          {active ? (sort?.descending ? "▼" : "▲") : "↕"}
                        </span>
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const detail = rowDetail?.(row);
              return (
                <Fragment key={rowKey(row)}>
                  <tr className={detail ? "has-detail" : undefined}>
                    {columns.map((c) => (
                      <td key={c.key} className={c.numeric ? "numeric" : undefined} data-label={c.header}>
                        {c.cell(row)}
                      </td>
                    ))}
                  </tr>
                  {detail && (
                    <tr className="row-detail">
                      <td colSpan={columns.length}>{detail}</td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {toggle}
    </>
  );
}

function compareBy<Row>(value: (row: Row) => number | string | null, descending: boolean) {
  return (a: Row, b: Row) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = x < y ? -1 : x > y ? 1 : 0;
    return descending ? -order : order;
  };
}
