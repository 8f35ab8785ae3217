import {
  cellText,
  type DocumentCell,
  type DocumentTable,
  type WeeklyDocument,
} from "../domain/weekly-document.ts";
import type { Cell, SheetSpec } from "./cells.ts";

/** A table's width in characters: its columns' widths in percent, spread over a printed page's width. */
const TABLE_CHARACTERS = 130;

/**
 * The weekly report as a workbook, from the same model as the page and the DOCX: the report as the
 * office signs it on the first sheet (its heading, sections, the lagging table, recipients and
 * signature), every commune on the second (Phụ lục), the week's drives on the third. Figures stay
 * numbers (counts, percents), written as the document writes them.
 */
export function weeklySheets(doc: WeeklyDocument, drives: SheetSpec | null): SheetSpec[] {
  const withTable = doc.sections.findIndex((section) => section.table);
  const upTo = withTable === -1 ? doc.sections : doc.sections.slice(0, withTable + 1);
  const rest = withTable === -1 ? [] : doc.sections.slice(withTable + 1);
  const table = withTable === -1 ? undefined : doc.sections[withTable]?.table;
  const preamble: Cell[][] = [];
  const bold: number[] = [];
  const line = (text: string, style?: "bold") => {
    if (style) bold.push(preamble.length);
    preamble.push([text]);
  };
  if (doc.parentBody) line(doc.parentBody);
  line(doc.issuer, "bold");
  line(doc.number);
  line(doc.nation, "bold");
  line(doc.motto, "bold");
  line(doc.placeDate);
  preamble.push([]);
  const title = preamble.length;
  line(doc.heading);
  line(doc.subject, "bold");
  for (const section of upTo) {
    preamble.push([]);
    line(section.title, "bold");
    for (const text of section.lines) line(text);
  }
  const after: Cell[][] = [...(doc.sections[withTable]?.after ?? []).map((line) => [line])];
  for (const section of rest) after.push([], [section.title], ...section.lines.map((line) => [line]));
  after.push(
    [],
    [doc.recipientsTitle],
    // A cell starting with "-" would be escaped as a formula: the list's dash is an en dash here.
    ...doc.recipients.map((line) => [line.replace(/^- /, "– ")]),
    [],
    [doc.signerTitle],
    [doc.signature],
    [],
    [doc.signerName],
  );
  return [
    {
      name: sheetName(doc.heading),
      preamble,
      title,
      bold,
      ...tableSheet(table),
      after,
    },
    {
      name: sheetName(doc.appendix.title),
      preamble: [[doc.appendix.title], [doc.appendix.subject], []],
      ...tableSheet(doc.appendix.table),
    },
    ...(drives ? [drives] : []),
  ];
}

function tableSheet(table: DocumentTable | undefined): Pick<SheetSpec, "columns" | "rows"> {
  if (!table) return { columns: [], rows: [] };
  const formats = table.columns.map((_, i) => {
    const figure = table.rows.map((row) => row[i]).find((cell) => typeof cell === "object");
    if (typeof figure !== "object") return undefined;
    return figure.format === "percent" ? "percentSign" : "integer";
  });
  return {
    columns: table.columns.map((header, i) => ({
      header,
      width: Math.round(((table.widths[i] ?? 10) * TABLE_CHARACTERS) / 100),
      format: formats[i],
    })),
    rows: table.rows.map((row) => row.map(sheetCell)),
  };
}

const sheetCell = (cell: DocumentCell): Cell =>
  typeof cell === "string" ? cell : (cell.value ?? cellText(cell));

/** A worksheet's name: at most 31 characters, none of : \ / ? * [ ] (Excel's rules). */
const sheetName = (title: string) =>
  title
    .replace(/[:\\/?*[\]]/g, " ")
    .slice(0, 31)
    .trim();
