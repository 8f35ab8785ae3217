import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { cellText, type DocumentTable, type WeeklyDocument } from "../domain/weekly-document.ts";
import { UNWRITABLE } from "../validation.ts";

// Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, Times New Roman 13–14 pt, margins top/bottom 20 mm,
// left 30 mm, right 15 mm (1 mm = 56.7 twips).

const MM = 56.7;
/** The width between the margins (210 mm − 30 − 15), in twips; columns are set in twips, as Writer reads them. */
const TEXT_WIDTH = Math.round(165 * MM);
const twipsOf = (percent: number) => Math.round((TEXT_WIDTH * percent) / 100);
const SIZE = 28; // half-points: 14 pt
const SMALL = 24; // 12 pt: the issuing bodies, recipients

const run = (
  text: string,
  options: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {},
) =>
  new TextRun({
    // Text saved before control characters were refused must not make the document unopenable.
    text: text.replace(UNWRITABLE, ""),
    bold: options.bold,
    italics: options.italics,
    size: options.size ?? SIZE,
    underline: options.underline ? {} : undefined,
  });

const line = (
  text: string,
  options: Parameters<typeof run>[1] & {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: boolean;
  } = {},
) =>
  new Paragraph({
    alignment: options.align ?? AlignmentType.LEFT,
    indent: options.indent ? { firstLine: Math.round(10 * MM) } : undefined,
    spacing: { after: 60 },
    children: [run(text, options)],
  });

const centred = (text: string, options: Parameters<typeof run>[1] = {}) =>
  line(text, { ...options, align: AlignmentType.CENTER });

/**
 * Two columns without borders, as the heading and the signature block are laid out; one row that is
 * never split across pages ("Nơi nhận" and the signer's title stay together).
 */
function columns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const cell = (children: Paragraph[], share: number) =>
    new TableCell({
      children,
      width: { size: twipsOf(share), type: WidthType.DXA },
      borders: TableBorders.NONE,
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [twipsOf(leftShare), twipsOf(100 - leftShare)],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ cantSplit: true, children: [cell(left, leftShare), cell(right, 100 - leftShare)] }),
    ],
  });
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE };

/** A table of figures with a ruled grid, 11 pt, its header repeated on each page. */
function figuresTable(table: DocumentTable, size = 22): Table {
  const widths = table.widths.map(twipsOf);
  const cell = (text: string, numeric: boolean, at: number, bold = false) =>
    new TableCell({
      borders: GRID,
      width: { size: widths[at] ?? 0, type: WidthType.DXA },
      margins: { left: 60, right: 60 },
      children: [
        new Paragraph({
          alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [run(text, { bold, size })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: table.columns.map((column, i) => cell(column, false, i, true)),
      }),
      ...table.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((value, i) => cell(cellText(value), table.numeric[i] ?? false, i)),
          }),
      ),
    ],
  });
}

/** The weekly report as a Word document (it goes upward as one). */
export async function weeklyDocx(doc: WeeklyDocument): Promise<Buffer> {
  const heading = columns(
    [
      ...(doc.parentBody ? [centred(doc.parentBody, { size: SMALL })] : []),
      centred(doc.issuer, { bold: true, size: SMALL, underline: true }),
      centred(doc.number, { size: SMALL }),
    ],
    [
      centred(doc.nation, { bold: true, size: SMALL }),
      centred(doc.motto, { bold: true, underline: true }),
      centred(doc.placeDate, { italics: true }),
    ],
    // The national heading on one line: the right column is wide enough for it at 12 pt.
    36,
  );
  const prose = (text: string) => line(text, { align: AlignmentType.BOTH, indent: true });
  const body = doc.sections.flatMap((section) => [
    line(section.title, { bold: true }),
    ...section.lines.map(prose),
    ...(section.table ? [figuresTable(section.table)] : []),
    ...(section.after ?? []).map(prose),
  ]);
  const signature = columns(
    [
      line(doc.recipientsTitle, { bold: true, italics: true, size: SMALL }),
      ...doc.recipients.map((r) => line(r, { size: 22 })),
    ],
    [
      centred(doc.signerTitle, { bold: true }),
      centred(doc.signature, { italics: true }),
      new Paragraph({ spacing: { before: 1200 } }),
      centred(doc.signerName, { bold: true }),
    ],
    50,
  );
  const document = new Document({
    creator: "VNeID tracker",
    title: `${doc.heading} ${doc.subject}`,
    styles: { default: { document: { run: { font: "Times New Roman", size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(20 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(30 * MM),
              right: Math.round(15 * MM),
            },
          },
        },
        children: [
          heading,
          new Paragraph({ spacing: { after: 240 } }),
          centred(doc.heading, { bold: true }),
          centred(doc.subject, { bold: true }),
          new Paragraph({ spacing: { after: 120 } }),
          ...body,
          new Paragraph({ spacing: { after: 240 }, keepNext: true }),
          signature,
          // Every commune, after the signature, on its own pages.
          new Paragraph({ children: [new PageBreak()] }),
          centred(doc.appendix.title, { bold: true }),
          centred(doc.appendix.subject, { bold: true }),
          new Paragraph({ spacing: { after: 120 } }),
          figuresTable(doc.appendix.table, 20),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
