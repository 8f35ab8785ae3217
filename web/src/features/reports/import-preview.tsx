import { ProblemList } from "../../components/problem-list.tsx";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import type { ImportRow } from "./api.ts";

/**
 * The file's rows as the server answered them: at most 200, errors first, then warnings, then the
 * others; `total` says how many rows the file has.
 */
export function ImportPreview({ rows, total }: { rows: readonly ImportRow[]; total: number }) {
  const { t, f, fill } = useI18n();
  // A whole count the Vietnamese way; anything else as the file has it ("7.564" from a decimal cell
  // was shown rounded to "8" beside the error that names 7.564).
  const count = (value: unknown) =>
    typeof value === "number" && Number.isSafeInteger(value) ? f.integer(value) : String(value ?? "");
  return (
    <>
      {total > rows.length && (
        <p className="small muted">{fill(t.reports.showingRows, { shown: rows.length, rows: total })}</p>
      )}
      <ScrollRegion label={fill(t.reports.previewTitle, { rows: total })}>
        <table className="data-table import-preview cards-on-phone">
          <thead>
            <tr>
              <th scope="col">{t.reports.colRow}</th>
              <th scope="col">{t.common.commune}</th>
              <th scope="col">{t.fields.date}</th>
              <th scope="col" className="numeric">
                {t.fields.population}
              </th>
              <th scope="col" className="numeric">
                {t.fields.level2}
              </th>
              <th scope="col" className="numeric">
                {t.fields.dual}
              </th>
              <th scope="col" className="numeric">
                {t.fields.linked}
              </th>
              <th scope="col">{t.reports.changeValue}</th>
              <th scope="col">{t.reports.colProblems}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.row}
                className={
                  row.errors.length > 0 ? "row-error" : row.warnings.length > 0 ? "row-warning" : undefined
                }
              >
                <td className="numeric" data-label={t.reports.colRow}>
                  {row.row}
                </td>
                <td data-label={t.common.commune}>{row.values.unitName ?? row.values.unitId ?? ""}</td>
                <td data-label={t.fields.date}>
                  {/^\d{4}-\d{2}-\d{2}$/.test(row.values.date) ? f.date(row.values.date) : row.values.date}
                </td>
                <td className="numeric" data-label={t.fields.population}>
                  {count(row.values.population)}
                </td>
                <td className="numeric" data-label={t.fields.level2}>
                  {count(row.values.level2)}
                </td>
                <td className="numeric" data-label={t.fields.dual}>
                  {count(row.values.dual)}
                </td>
                <td className="numeric" data-label={t.fields.linked}>
                  {count(row.values.linked)}
                </td>
                <td data-label={t.reports.changeValue}>{row.change ? t.changeKinds[row.change] : ""}</td>
                <td className="row-problems" data-label={t.reports.colProblems}>
                  <ProblemList
                    title={t.common.errorsTitle}
                    problems={row.errors}
                    tone="error"
                    announce={false}
                  />
                  <ProblemList
                    title={t.reports.warningsTitle}
                    problems={row.warnings}
                    tone="warning"
                    announce={false}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
