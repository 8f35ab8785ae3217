import { stringify } from "csv-stringify/sync";

export type Cell = string | number | null;

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Where a spreadsheet may start a formula: at the start of the cell, and after any separator or
 * line break inside it, since a program that splits on `;` where the file used `,` (or the other
 * way round) starts a new cell there. Spaces before the sign count too.
 */
const FORMULA_START = /(^|[\r\n;,\t])([ \t]*)([=+\-@])/g;

/**
 * A cell that a spreadsheet will not run: an apostrophe goes before every formula sign that could
 * start a cell, however the file is split; a leading tab or carriage return gets one too. Numbers,
 * negative ones included, stay numbers.
 */
export function safeCell(value: Cell): Cell {
  if (typeof value !== "string" || NUMBER.test(value)) return value;
  const escaped = value.replace(FORMULA_START, "$1$2'$3");
  return /^[\t\r]/.test(escaped) ? `'${escaped}` : escaped;
}

/**
 * CSV with a BOM (so Excel reads UTF-8 Vietnamese), every cell made safe, and every cell holding
 * `;`, `,`, a tab or a line break quoted, so that a spreadsheet splitting on `;` (the Vietnamese
 * locale's list separator) or `,` never cuts a cell into a new one that starts with `=`.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${csvRows([header, ...rows])}`;
}

/** CSV lines of `rows`, made safe and quoted as toCsv does (for a file written in parts). */
export function csvRows(rows: readonly (readonly Cell[])[]): string {
  return stringify(
    rows.map((row) => row.map(safeCell)),
    { quoted_match: /[;,\t\r\n]/ },
  );
}

/**
 * How a column's cells show in a workbook: real dates (dd/mm/yyyy), counts, percents (under a
 * header that says "%", or with the sign, as a document's table writes them), decimals.
 */
export type ColumnFormat = "date" | "integer" | "percent" | "percentSign" | "decimal";

/**
 * One column of a table, everything about it in one place: adding a column is adding one of these.
 * A column may be in the CSV (machine names and values), in the workbook (the reader's words), or both.
 */
export interface Column<L> {
  /** The CSV's name of the column; absent: only the workbook has it. */
  key?: string;
  /** The CSV's value (ISO dates, codes, numbers as numbers). */
  value?: (line: L) => Cell;
  /** The workbook's header, in the reader's language; absent: only the CSV has it. */
  label?: string;
  /** The workbook's value (default: the CSV's). */
  shown?: (line: L) => Cell;
  format?: ColumnFormat;
  width?: number;
  /** The workbook's total row, from every line (no column with one: no total row). */
  total?: (lines: readonly L[]) => Cell;
}

/** A table's CSV: the columns with a `key`, in order. */
export function csvOf<L>(columns: readonly Column<L>[], lines: readonly L[]): string {
  const kept = columns.filter((c) => c.key !== undefined);
  return toCsv(
    kept.map((c) => c.key as string),
    lines.map((line) => kept.map((c) => c.value?.(line) ?? null)),
  );
}

/** A table's worksheet: the columns with a `label`, in order, and a total row when a column has one. */
export function sheetOf<L>(
  name: string,
  columns: readonly Column<L>[],
  lines: readonly L[],
  preamble?: Cell[][],
): SheetSpec {
  const kept = columns.filter((c) => c.label !== undefined);
  return {
    name,
    preamble,
    columns: kept.map((c) => ({ header: c.label as string, width: c.width, format: c.format })),
    rows: lines.map((line) => kept.map((c) => (c.shown ?? c.value)?.(line) ?? null)),
    total: kept.some((c) => c.total) ? kept.map((c) => c.total?.(lines) ?? null) : undefined,
  };
}

/** A worksheet as toXlsx writes it. */
export interface SheetSpec {
  name: string;
  /** Lines above the table (title, date, totals); the first in large bold type unless `title` says which. */
  preamble?: Cell[][];
  /** The preamble's line (0-based) in large bold type, the title; other lines in `bold` are bold. */
  title?: number;
  bold?: number[];
  /** exceljs column definitions: the header, the width, the cells' format (a "date" column's `YYYY-MM-DD` strings become date cells). */
  columns: { header: string; width?: number; format?: ColumnFormat }[];
  rows: Cell[][];
  /** A last row in bold: the totals. */
  total?: Cell[];
  /** Lines below the table (a document's closing); a sheet with them does not freeze its header. */
  after?: Cell[][];
}

const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  date: "dd/mm/yyyy",
  integer: "#,##0",
  percent: "0.00",
  percentSign: '0.00"%"',
  decimal: "#,##0.00",
};
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A font named on every styled row (Arial, or its metric twin, has every Vietnamese letter). */
const FONT = { name: "Arial", size: 11 };

/** An XLSX workbook, one worksheet per spec, every cell made safe; the header row bold and frozen. */
export async function toXlsx(sheets: readonly SheetSpec[]): Promise<ArrayBuffer> {
  // Loaded on first use: exceljs is large and most requests never write a workbook.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = "VNeID rollout tracker";
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const line of spec.preamble ?? []) sheet.addRow(line.map(safeCell));
    for (const line of spec.bold ?? []) sheet.getRow(line + 1).font = { ...FONT, bold: true };
    if (spec.preamble?.length) {
      const title = sheet.getRow((spec.title ?? 0) + 1);
      title.font = { ...FONT, bold: true, size: 14 };
      // Tall enough for a capital's stacked marks (Ầ, Ế): the default height cut them off.
      title.height = 24;
    }
    // exceljs column definitions: the width and the number format of every cell below the header.
    sheet.columns = spec.columns.map((column) => ({
      width: column.width,
      style: column.format ? { numFmt: NUMBER_FORMATS[column.format] } : {},
    }));
    if (spec.columns.length > 0) {
      const headerRow = sheet.addRow(spec.columns.map((column) => safeCell(column.header)));
      headerRow.font = { ...FONT, bold: true };
      if (!spec.after) sheet.views = [{ state: "frozen", ySplit: headerRow.number }];
    }
    const cells = (row: readonly Cell[]) =>
      row.map((cell, i) =>
        spec.columns[i]?.format === "date" && typeof cell === "string" && ISO_DAY.test(cell)
          ? new Date(`${cell}T00:00:00Z`)
          : safeCell(cell),
      );
    for (const row of spec.rows) sheet.addRow(cells(row));
    if (spec.total) sheet.addRow(cells(spec.total)).font = { ...FONT, bold: true };
    for (const line of spec.after ?? []) sheet.addRow(line.map(safeCell));
  }
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
