import { type FormEvent, useState } from "react";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type BulkCreated, useBulkAccounts } from "./api.ts";

/**
 * Người dùng → Nhập danh sách: a CSV or XLSX of accounts is checked row by row, then made all at
 * once; the one-time passwords are shown this once, to print or download.
 */
export function BulkAccounts() {
  const { t, fill } = useI18n();
  const bulk = useBulkAccounts();
  const [file, setFile] = useState<File | null>(null);
  const answer = bulk.data;
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (file) bulk.mutate({ file, dryRun: true });
  };
  if (answer && !answer.dryRun) return <CreatedList created={answer} onAgain={() => bulk.reset()} />;
  const preview = answer?.dryRun ? answer : null;
  return (
    <section className="card" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t.admin.bulkTitle}</h2>
      <p className="small muted">{t.admin.bulkIntro}</p>
      <form className="form inline-form" onSubmit={check}>
        <label>
          {t.admin.bulkFile}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              bulk.reset();
            }}
          />
        </label>
        <button type="submit" disabled={!file || bulk.isPending}>
          {t.admin.bulkCheck}
        </button>
      </form>
      {bulk.isError && (
        <p className="form-error" role="alert">
          {errorText(bulk.error, t)}
        </p>
      )}
      {preview && (
        <>
          <p role="status">
            {fill(t.admin.bulkPreview, { valid: preview.valid, total: preview.rows.length })}
            {preview.invalid > 0 && ` ${fill(t.admin.bulkInvalid, { count: preview.invalid })}`}
          </p>
          <ScrollRegion label={t.admin.bulkTitle}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.admin.bulkRow}</th>
                  <th scope="col">{t.common.username}</th>
                  <th scope="col">{t.admin.role}</th>
                  <th scope="col">{t.admin.boundUnit}</th>
                  <th scope="col">{t.admin.fullName}</th>
                  <th scope="col">{t.admin.phone}</th>
                  <th scope="col">{t.contacts.email}</th>
                  <th scope="col">{t.contacts.channel}</th>
                  <th scope="col">{t.admin.bulkErrors}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.row} className={row.errors.length > 0 ? "row-error" : undefined}>
                    <td>{row.row}</td>
                    <td>{row.username}</td>
                    <td>{(t.roles as Record<string, string>)[row.role] ?? row.role}</td>
                    <td>{row.unitId ? `${row.unitName ?? ""} (${row.unitId})` : t.admin.noCommune}</td>
                    <td>{row.fullName}</td>
                    <td>{row.phone}</td>
                    <td>{row.email}</td>
                    <td>{row.reminderChannel ? t.reminderChannels[row.reminderChannel] : ""}</td>
                    <td>
                      {row.errors.map((error) => (
                        <div key={error.field}>
                          {error.field}: {error.message}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <button
            type="button"
            className="primary"
            disabled={preview.invalid > 0 || !file || bulk.isPending}
            onClick={() => file && bulk.mutate({ file, dryRun: false })}
          >
            {fill(t.admin.bulkCreate, { count: preview.rows.length })}
          </button>
        </>
      )}
    </section>
  );
}

/** The accounts made, with their one-time passwords: printable (only this list prints) and downloadable. */
function CreatedList({ created, onAgain }: { created: BulkCreated; onAgain: () => void }) {
  const { t, fill } = useI18n();
  const download = () => {
    const header = [
      t.common.username,
      t.admin.bulkPassword,
      t.admin.role,
      t.admin.boundUnit,
      t.admin.fullName,
      t.admin.phone,
    ];
    const lines = created.accounts.map((a) => [
      a.username,
      a.password,
      (t.roles as Record<string, string>)[a.role] ?? a.role,
      a.unitId ? `${a.unitName ?? ""} (${a.unitId})` : "",
      a.fullName ?? "",
      a.phone ?? "",
    ]);
    const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
    const csv = `\uFEFF${[header, ...lines].map((line) => line.map(quote).join(",")).join("\r\n")}\r\n`;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    link.download = "tai-khoan-moi.csv";
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <section className="card print-only-this" aria-labelledby="bulk-created">
      <h2 id="bulk-created">{t.admin.bulkTitle}</h2>
      <p role="status">{fill(t.admin.bulkCreated, { count: created.created })}</p>
      <div className="button-row no-print">
        <button type="button" onClick={() => window.print()}>
          {t.admin.bulkPrint}
        </button>
        <button type="button" onClick={download}>
          {t.admin.bulkDownload}
        </button>
        <button type="button" onClick={onAgain}>
          {t.admin.bulkTitle}
        </button>
      </div>
      <table className="data-table one-time-list">
        <thead>
          <tr>
            <th scope="col">{t.common.username}</th>
            <th scope="col">{t.admin.bulkPassword}</th>
            <th scope="col">{t.admin.boundUnit}</th>
            <th scope="col">{t.admin.fullName}</th>
          </tr>
        </thead>
        <tbody>
          {created.accounts.map((account) => (
            <tr key={account.id}>
              <td>{account.username}</td>
              <td>
                <code>{account.password}</code>
              </td>
              <td>{account.unitId ? `${account.unitName ?? ""} (${account.unitId})` : t.admin.noCommune}</td>
              <td>{account.fullName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
