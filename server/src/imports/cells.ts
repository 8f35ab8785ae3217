import { isIsoDate } from "../domain/dates.ts";

/**
 * A count as written in a spreadsheet: a number, or text with Vietnamese or English thousand
 * separators ("80.272", "80,272", "80 272"). Anything else is returned as it is, for the
 * validation to name.
 */
export function parseCount(cell: unknown): unknown {
  if (typeof cell === "number") return cell;
  if (typeof cell !== "string") return cell ?? null;
  const text = cell.trim();
  if (text === "") return null;
  if (/^-?\d+$/.test(text)) return Number(text);
  if (/^-?\d{1,3}([.,\s\u00a0]\d{3})+$/.test(text) && new Set(text.replace(/[-\d]/g, "")).size === 1) {
    return Number(text.replace(/[.,\s\u00a0]/g, ""));
  }
  return text;
}

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
