import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { IMPORT_CAPS, ImportTooLarge, UnreadableFile } from "./caps.ts";
import { checkXlsxSize, tooManyRows } from "./zip-check.ts";

/**
 * A file's table: its header and its data rows, blank rows left out. The rows are kept in columns —
 * their numbers, where each begins, and every cell one after another — so that 100,000 of them cross
 * from the reading thread as a few arrays, not as an object and a list per row.
 */
export interface Table {
  header: string[];
  /** Each data row's line (CSV) or row (XLSX) number. */
  lines: Int32Array;
  /** Where each data row's cells begin in `cells`, and (last) where the last row's end. */
  starts: Int32Array;
  cells: unknown[];
}

/** A row as a file gives it: its line (CSV) or row (XLSX) number and its cells. */
export interface NumberedRow {
  line: number;
  cells: unknown[];
}

/** The cells of data row `i`. */
export const rowCells = (table: Table, i: number): unknown[] =>
  table.cells.slice(table.starts[i], table.starts[i + 1]);

/** Every data row with its number and cells (for small tables: a list of accounts). */
export const tableRows = (table: Table): NumberedRow[] =>
  Array.from(table.lines, (line, i) => ({ line, cells: rowCells(table, i) }));

const isBlank = (cells: readonly unknown[]) =>
  cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === "");

/**
 * The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with its BOM, or, when the bytes are
 * not UTF-8, Windows-1258 (the Vietnamese code page older Excel versions save in).
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("windows-1258").decode(bytes);
    } catch {
      throw new UnreadableFile(
        "The CSV file is neither UTF-8, UTF-16 nor Windows-1258: save it again as “CSV UTF-8”.",
      );
    }
  }
}

/**
 * The delimiter of a CSV file, decided once from its header line: the one of `;`, tab and `,` that
 * occurs most outside quotes (`;` first on a tie, as Vietnamese-locale spreadsheets write it), so a
 * count such as "9,870" in a semicolon file stays one cell.
 */
export function csvDelimiter(text: string): string {
  const counts = new Map([
    [";", 0],
    ["\t", 0],
    [",", 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > (counts.get(best) as number)) best = delimiter;
  return best;
}

/** A CSV file's text, comma, semicolon or tab separated (one delimiter per file), within the caps. */
export function readCsv(text: string): Table {
  const body = text.replace(/^\uFEFF/, "");
  let records: string[][];
  try {
    records = parse(body, {
      delimiter: csvDelimiter(body),
      relax_column_count: true,
      skip_empty_lines: false,
      // One record past the cap is enough to know the file is over it, without reading the rest.
      to: IMPORT_CAPS.rows + 1,
      max_record_size: IMPORT_CAPS.cellChars * IMPORT_CAPS.columns,
    }) as string[][];
  } catch (error) {
    if ((error as { code?: string }).code === "CSV_MAX_RECORD_SIZE") throw cellTooLong("a row");
    throw new UnreadableFile(`The CSV file could not be read: ${(error as Error).message}`);
  }
  if (records.length > IMPORT_CAPS.rows) throw tooManyRows(`more than ${IMPORT_CAPS.rows}`);
  return toTable(records, (i) => i + 1);
}

/** The first worksheet of an XLSX file (as Excel or LibreOffice Calc write it), read as a stream within the caps. */
export async function readXlsx(data: Uint8Array): Promise<Table> {
  checkXlsxSize(data);
  // Loaded on first use: exceljs is large and most servers never read a workbook.
  const { default: Excel } = await import("exceljs");
  const input = Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    worksheets: "emit",
    hyperlinks: "ignore",
    styles: "cache",
    entries: "ignore",
  });
  const rows: unknown[][] = [];
  const numbers: number[] = [];
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const cells: unknown[] = [];
        const count = Math.min(row.cellCount, IMPORT_CAPS.columns + 1);
        for (let col = 1; col <= count; col++) cells.push(cellValue(row.getCell(col).value));
        rows.push(cells);
        numbers.push(row.number);
        if (rows.length > IMPORT_CAPS.rows) throw tooManyRows(`more than ${IMPORT_CAPS.rows}`);
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof ImportTooLarge) throw error;
    throw new UnreadableFile(`The XLSX file could not be read: ${(error as Error).message}`);
  }
  if (sheets === 0) throw new UnreadableFile("The XLSX file has no worksheet.");
  return toTable(rows, (i) => numbers[i] as number);
}

/**
 * Header and data rows in one pass, blank rows left out, each row checked against the column and
 * cell caps; `lineOf(i)` is the line (CSV) or row (XLSX) number of `rows[i]`.
 */
function toTable(rows: readonly (readonly unknown[])[], lineOf: (i: number) => number): Table {
  let header: string[] | null = null;
  const lines: number[] = [];
  const starts: number[] = [];
  const cells: unknown[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as readonly unknown[];
    if (isBlank(row)) continue;
    const line = lineOf(i);
    if (row.length > IMPORT_CAPS.columns) {
      throw new ImportTooLarge(
        "columns",
        `Row ${line} has ${row.length} or more columns; at most ${IMPORT_CAPS.columns} are read.`,
      );
    }
    for (const cell of row) {
      if (typeof cell === "string" && cell.length > IMPORT_CAPS.cellChars) throw cellTooLong(`row ${line}`);
    }
    if (header === null) header = row.map((c) => String(c ?? ""));
    else {
      lines.push(line);
      starts.push(cells.length);
      for (const cell of row) cells.push(cell);
    }
  }
  starts.push(cells.length);
  return { header: header ?? [], lines: Int32Array.from(lines), starts: Int32Array.from(starts), cells };
}

const cellTooLong = (where: string) =>
  new ImportTooLarge(
    "cellChars",
    `A cell in ${where} is longer than ${IMPORT_CAPS.cellChars} characters; figures and names are far shorter.`,
  );

/** A cell's value as a plain number, string or Date: formulas give their result, rich text its text. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("result" in value) return cellValue(value.result as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("text" in value) return value.text;
  if ("error" in value) return value.error;
  return String(value);
}
