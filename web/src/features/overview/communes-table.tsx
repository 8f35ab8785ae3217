import type { Metric } from "@vneid-tracker/server/domain/types.ts";
import { Link } from "wouter";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { FlagList } from "../../components/flag-badge.tsx";
import { SHORT_LIST } from "../../components/short-list.tsx";
import type { ChildOverview } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";

/** Every child (commune, or province of the country) with the numbers behind its standing; each column sorts. */
export function CommunesTable({
  rows,
  level,
  metric,
  linkToUnit,
}: {
  /** The children shown (a search or a filter keeps some). */
  rows: readonly ChildOverview[];
  /** What the children are, for the words (tree.ts levelOfChildren). */
  level: "province" | "district" | "commune";
  metric: Metric;
  linkToUnit: (id: string) => string;
}) {
  const { t, f, fill } = useI18n();
  const s = (row: ChildOverview) => row[metric];
  const orDash = (value: number | null, show: (n: number) => string) => (value === null ? "—" : show(value));
  const columns: Column<ChildOverview>[] = [
    {
      key: "unit",
      header: fill(t.common.colUnit, { level }),
      cell: (row) => {
        const flags = row.flags.filter((flag) => flag.metric === metric || flag.metric === null);
        // The flags' sentences on demand: the row says how many it has, a tap shows them.
        return (
          <>
            <Link href={linkToUnit(row.unit.id)}>{row.unit.name}</Link>
            {flags.length > 0 && (
              <details className="row-flags">
                <summary>{fill(t.common.flagsCount, { count: flags.length })}</summary>
                <FlagList flags={flags} />
              </details>
            )}
          </>
        );
      },
      sortValue: (row) => row.unit.name,
    },
    {
      key: "rate",
      header: t.common.colRate,
      numeric: true,
      cell: (row) => f.percent(s(row).percent),
      sortValue: (row) => s(row).rate,
    },
    {
      key: "change",
      header: t.common.colChange,
      numeric: true,
      cell: (row) => orDash(s(row).weekChange?.points ?? null, f.points),
      sortValue: (row) => s(row).weekChange?.points ?? null,
    },
    {
      key: "expected",
      header: t.common.colExpected,
      numeric: true,
      cell: (row) => f.percent(s(row).expectedPercent),
      sortValue: (row) => s(row).expectedRate,
    },
    {
      key: "gap",
      header: t.overview.colGap,
      numeric: true,
      cell: (row) =>
        orDash(s(row).gapToExpected, (gap) =>
          gap < 0 ? fill(t.overview.aheadBy, { gap: f.integer(-gap) }) : f.integer(gap),
        ),
      sortValue: (row) => s(row).gapToExpected,
    },
    {
      key: "pace",
      header: t.overview.colPace,
      numeric: true,
      cell: (row) => orDash(s(row).pacePerDay, f.perDay),
      sortValue: (row) => s(row).pacePerDay,
    },
    {
      key: "required",
      header: t.common.colRequired,
      numeric: true,
      cell: (row) => orDash(s(row).requiredPerDay, f.perDay),
      sortValue: (row) => s(row).requiredPerDay,
    },
    {
      key: "eta",
      header: t.overview.colEta,
      numeric: true,
      cell: (row) => (s(row).eta === null ? "—" : f.date(s(row).eta as string)),
      sortValue: (row) => s(row).eta,
    },
    {
      key: "last",
      header: t.overview.colLastReport,
      numeric: true,
      cell: (row) => (row.figures.latestReport === null ? "—" : f.date(row.figures.latestReport)),
      sortValue: (row) => row.figures.latestReport,
    },
  ];
  return (
    <section className="card communes-card" aria-labelledby="communes-title">
      <h2 id="communes-title">{fill(t.overview.tableTitle, { level })}</h2>
      <DataTable
        caption={fill(t.overview.tableCaption, { level })}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.unit.id}
        initialSort={{ key: "rate", descending: false }}
        limit={SHORT_LIST}
      />
      {rows.length === 0 && <p className="muted">{t.common.noUnitsMatch}</p>}
    </section>
  );
}
