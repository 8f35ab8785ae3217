import { useState } from "react";
import { RequireAccess } from "../../components/require-access.tsx";
import { ApiRequestError } from "../../lib/api.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type ImportAnswer, type ImportChecked, useImport } from "./api.ts";
import { ImportPreview } from "./import-preview.tsx";

export function ImportPage() {
  return (
    <RequireAccess action="importReports">
      <Import />
    </RequireAccess>
  );
}

/** Choose a file → the server checks it and shows every row → confirm → all rows written, or none. */
function Import() {
  const { t, fill } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportChecked | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const check = useImport();
  const write = useImport();

  const run = (mutation: typeof check, query: string, onDone: (answer: ImportAnswer) => void) => {
    if (!file) return;
    setProgress(0);
    mutation.mutate(
      { file, query, onProgress: setProgress },
      { onSuccess: onDone, onSettled: () => setProgress(null) },
    );
  };
  const problemsOf = (error: unknown) =>
    error instanceof ApiRequestError && error.code === "BAD_HEADER"
      ? `${errorText(error, t)} ${error.message}`
      : errorText(error, t);
  const summary = preview?.summary;
  const blocked = summary ? summary.withErrors > 0 : true;

  return (
    <div className="page">
      <h1 className="page-title">{t.reports.importTitle}</h1>
      <p className="muted">{t.reports.importIntro}</p>
      <p>
        {t.reports.templates}: <a href="/api/imports/template.csv">{t.reports.templateCsv}</a> ·{" "}
        <a href="/api/imports/template.xlsx">{t.reports.templateXlsx}</a>
      </p>
      <form
        className="card form"
        onSubmit={(event) => {
          event.preventDefault();
          setPreview(null);
          write.reset();
          run(check, "dryRun=true", (answer) => setPreview(answer.dryRun ? answer : null));
        }}
      >
        <label>
          {t.reports.chooseFile}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setConfirmed(false);
              check.reset();
              write.reset();
            }}
          />
        </label>
        {progress !== null && (
          <div className="progress">
            <progress
              max={100}
              value={progress}
              aria-label={fill(t.reports.uploading, { percent: progress })}
            />
            <span>
              {progress < 100 ? fill(t.reports.uploading, { percent: progress }) : t.reports.checking}
            </span>
          </div>
        )}
        {check.isError && (
          <p className="form-error" role="alert">
            {problemsOf(check.error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={!file || check.isPending}>
          {t.reports.checkFile}
        </button>
      </form>
      {preview && summary && (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{fill(t.reports.previewTitle, { rows: summary.rows })}</h2>
          <p>
            {fill(t.reports.previewSummary, {
              create: summary.create,
              revise: summary.revise,
              unchanged: summary.unchanged,
              errors: summary.withErrors,
              warnings: summary.withWarnings,
            })}
          </p>
          {preview.ignoredColumns.length > 0 && (
            <p className="small muted">
              {fill(t.reports.ignoredColumns, { columns: preview.ignoredColumns.join(", ") })}
            </p>
          )}
          <ImportPreview rows={preview.rows} total={summary.rows} />
          {blocked ? (
            <p className="form-error" role="alert">
              {t.reports.fixAndRetry}
            </p>
          ) : write.data && !write.data.dryRun ? (
            <p className="form-success" role="status">
              {fill(t.reports.importDone, {
                created: write.data.summary.created,
                revised: write.data.summary.revised,
                unchanged: write.data.summary.unchanged,
              })}
            </p>
          ) : (
            <div className="form">
              {summary.withWarnings > 0 && (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={confirmed}
                    onChange={(e) => setConfirmed(e.target.checked)}
                  />
                  {t.reports.confirmWarnings}
                </label>
              )}
              {write.isError && (
                <p className="form-error" role="alert">
                  {problemsOf(write.error)}
                </p>
              )}
              <button
                type="button"
                className="primary"
                disabled={write.isPending || (summary.withWarnings > 0 && !confirmed)}
                onClick={() => run(write, summary.withWarnings > 0 ? "confirm=true" : "", () => undefined)}
              >
                {fill(t.reports.confirmImport, { rows: summary.rows })}
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
