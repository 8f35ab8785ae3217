import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";

export interface Table {
  header: string[];
  /** Data rows with their line (CSV) or row (XLSX) number, blank rows left out. */
  rows: { line: number; cells: unknown[] }[];
}

export class UnreadableFile extends Error {}

const isBlank = (cells: readonly unknown[]) =>
  cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === "");

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

/** A CSV file: UTF-8 with or without BOM, comma, semicolon or tab separated (one delimiter per file). */
export function readCsv(text: string): Table {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: csvDelimiter(text.replace(/^\uFEFF/, "")),
      relax_column_count: true,
      skip_empty_lines: false,
      info: false,
    }) as string[][];
  } catch (error) {
    throw new UnreadableFile(`The CSV file could not be read: ${(error as Error).message}`);
  }
  const numbered = records.map((cells, i) => ({ line: i + 1, cells })).filter((r) => !isBlank(r.cells));
  const [first, ...rows] = numbered;
  return { header: (first?.cells ?? []).map(String), rows };
}

/** The first worksheet of an XLSX file (as Excel or LibreOffice Calc write it). */
export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<Table> {
  // Loaded on first use: exceljs is large and most servers never read a workbook.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  const buffer =
    data instanceof ArrayBuffer
      ? Buffer.from(data)
      : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new UnreadableFile(`The XLSX file could not be read: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile("The XLSX file has no worksheet.");
  const numbered: Table["rows"] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: unknown[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellValue(row.getCell(col).value));
    if (!isBlank(cells)) numbered.push({ line, cells });
  });
  const [first, ...rows] = numbered;
  return { header: (first?.cells ?? []).map((c) => String(c ?? "")), rows };
}

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
