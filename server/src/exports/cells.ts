import { stringify } from "csv-stringify/sync";

export type Cell = string | number | null;

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Text a spreadsheet may run: =, +, -, @ at the start of the cell or of any line in it (spaces before count too). */
const FORMULA = /(^|[\r\n])[\s]*[=+\-@]|^[\t\r]/;

/**
 * A cell that a spreadsheet will not run: formula-looking text gets a leading apostrophe, also when
 * the formula hides after a line break (numbers, negative ones included, stay numbers).
 */
export function safeCell(value: Cell): Cell {
  if (typeof value !== "string" || NUMBER.test(value) || !FORMULA.test(value)) return value;
  return `'${value}`;
}

/**
 * CSV with a BOM (so Excel reads UTF-8 Vietnamese), every cell made safe, and every cell holding
 * `;`, `,`, a tab or a line break quoted, so that a spreadsheet splitting on `;` (the Vietnamese
 * locale's list separator) or `,` never cuts a cell into a new one that starts with `=`.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${stringify([header.map(safeCell), ...rows.map((row) => row.map(safeCell))], {
    quoted_match: /[;,\t\r\n]/,
  })}`;
}

export interface SheetSpec {
  name: string;
  /** Lines above the table (title, date, totals). */
  preamble?: Cell[][];
  header: string[];
  rows: Cell[][];
  widths?: number[];
}

/** An XLSX workbook, one worksheet per spec, every cell made safe; the header row bold and frozen. */
export async function toXlsx(sheets: readonly SheetSpec[]): Promise<ArrayBuffer> {
  // Loaded on first use: exceljs is large and most requests never write a workbook.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = "VNeID rollout tracker";
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const line of spec.preamble ?? []) sheet.addRow(line.map(safeCell));
    if (spec.preamble?.length) sheet.getRow(1).font = { bold: true, size: 14 };
    const headerRow = sheet.addRow(spec.header.map(safeCell));
    headerRow.font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: headerRow.number }];
    for (const row of spec.rows) sheet.addRow(row.map(safeCell));
    spec.widths?.forEach((width, i) => {
      sheet.getColumn(i + 1).width = width;
    });
  }
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
