import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { WeeklyDocument } from "../domain/weekly-document.ts";
import { UNWRITABLE } from "../validation.ts";

// Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, Times New Roman 13–14 pt, margins top/bottom 20 mm,
// left 30 mm, right 15 mm (1 mm = 56.7 twips).

const MM = 56.7;
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

/** Two columns without borders, as the heading and the signature block are laid out. */
function columns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const cell = (children: Paragraph[], share: number) =>
    new TableCell({
      children,
      width: { size: share, type: WidthType.PERCENTAGE },
      borders: TableBorders.NONE,
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftShare), cell(right, 100 - leftShare)] })],
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
    42,
  );
  const body = doc.sections.flatMap((section) => [
    line(section.title, { bold: true }),
    ...section.lines.map((text) => line(text, { align: AlignmentType.BOTH, indent: true })),
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
          new Paragraph({ spacing: { after: 240 } }),
          signature,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
