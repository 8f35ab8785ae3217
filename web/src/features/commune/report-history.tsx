import { can } from "@vneid-tracker/server/domain/roles.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import type { SeriesPoint, Unit } from "../../lib/api.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useSession } from "../../lib/session.ts";
import { useDeleteReport } from "./api.ts";

/** Every report of the commune up to the chosen date, newest first; admin and police may delete one entered in error. */
export function ReportHistory({ points, unit }: { points: readonly SeriesPoint[]; unit: Unit }) {
  const { t, f, fill } = useI18n();
  const user = useSession().data ?? null;
  const remove = useDeleteReport();
  const columns: Column<SeriesPoint>[] = [
    { key: "date", header: t.common.date, cell: (p) => f.date(p.date), sortValue: (p) => p.date },
    { key: "population", header: t.commune.population, numeric: true, cell: (p) => f.integer(p.population) },
    { key: "level2", header: t.commune.level2, numeric: true, cell: (p) => f.integer(p.level2) },
    {
      key: "coverage",
      header: t.common.coverageRate,
      numeric: true,
      cell: (p) => f.percent(p.coveragePercent),
    },
    { key: "dual", header: t.commune.dual, numeric: true, cell: (p) => f.integer(p.dual) },
    { key: "linked", header: t.common.linked, numeric: true, cell: (p) => f.integer(p.linked) },
    { key: "linking", header: t.common.linkRate, numeric: true, cell: (p) => f.percent(p.linkingPercent) },
  ];
  if (can(user, "deleteReports")) {
    columns.push({
      key: "actions",
      header: t.common.actions,
      cell: (p) => (
        <button
          type="button"
          disabled={remove.isPending}
          aria-label={fill(t.commune.deleteReportLabel, { date: f.date(p.date) })}
          onClick={() => {
            if (
              window.confirm(fill(t.commune.confirmDeleteReport, { unit: unit.name, date: f.date(p.date) }))
            ) {
              remove.mutate({ unitId: unit.id, date: p.date });
            }
          }}
        >
          {t.commune.deleteReport}
        </button>
      ),
    });
  }
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t.commune.historyTitle}</h2>
      {remove.isError && (
        <p className="form-error" role="alert">
          {errorText(remove.error, t)}
        </p>
      )}
      <DataTable
        caption={t.commune.historyTitle}
        columns={columns}
        rows={points}
        rowKey={(p) => p.date}
        initialSort={{ key: "date", descending: true }}
        cards
      />
    </section>
  );
}
