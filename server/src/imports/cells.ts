import { isIsoDate } from "../domain/dates.ts";

/** A date as YYYY-MM-DD from `2024-02-03`, `03/02/2024` (day first, as in Vietnam) or a spreadsheet date. */
export function parseDate(cell: unknown): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  const text = String(cell ?? "").trim();
  if (isIsoDate(text)) return text;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) {
    const iso = `${match[3]}-${match[2]?.padStart(2, "0")}-${match[1]?.padStart(2, "0")}`;
    if (isIsoDate(iso)) return iso;
  }
  return text;
}
