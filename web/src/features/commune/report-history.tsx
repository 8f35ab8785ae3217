import { type Column, DataTable } from "../../components/data-table.tsx";
import type { SeriesPoint } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";

/** Every report of the commune up to the chosen date, newest first. */
export function ReportHistory({ points }: { points: readonly SeriesPoint[] }) {
  const { t, f } = useI18n();
  const columns: Column<SeriesPoint>[] = [
    { key: "date", header: t.date, cell: (p) => f.date(p.date), sortValue: (p) => p.date },
    { key: "population", header: t.population, numeric: true, cell: (p) => f.integer(p.population) },
    { key: "level2", header: t.level2, numeric: true, cell: (p) => f.integer(p.level2) },
    { key: "coverage", header: t.coverageRate, numeric: true, cell: (p) => f.percent(p.coveragePercent) },
    { key: "dual", header: t.dual, numeric: true, cell: (p) => f.integer(p.dual) },
    { key: "linked", header: t.linked, numeric: true, cell: (p) => f.integer(p.linked) },
    { key: "linking", header: t.linkRate, numeric: true, cell: (p) => f.percent(p.linkingPercent) },
  ];
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t.historyTitle}</h2>
      <DataTable
        caption={t.historyTitle}
        columns={columns}
        rows={points}
        rowKey={(p) => p.date}
        initialSort={{ key: "date", descending: true }}
      />
    </section>
  );
}
