// Files built to hurt an importer, for the tests and `npm run attack-test`: each one small on the
// wire and huge, long or many once read.
import { crc32, deflateRawSync } from "node:zlib";

const HEADER = "unit_code,date,population,level2,dual,linked";

/** A CSV of `rows` data rows (the same valid row again and again). */
export function manyRowsCsv(rows: number): Buffer {
  return Buffer.from(`${HEADER}\n${"21850,2024-07-06,7564,6512,3710,2461\n".repeat(rows)}`);
}

/** A CSV of `lines` lines of one cell each: millions of records from a few megabytes. */
export function oneCellLinesCsv(lines: number): Buffer {
  return Buffer.from(`${HEADER}\n${"1\n".repeat(lines)}`);
}

/** A CSV with one cell of `chars` characters. */
export function longCellCsv(chars: number): Buffer {
  return Buffer.from(`${HEADER}\n21850,2024-07-06,7564,6512,3710,"${"9".repeat(chars)}"\n`);
}

/** A zip of the given parts, deflated, with true sizes and checksums (or `claimed` sizes to lie). */
export function zipOf(parts: { name: string; content: Buffer; claimed?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, content, claimed } of parts) {
    const packed = deflateRawSync(content, { level: 9 });
    const nameBytes = Buffer.from(name);
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0, at + 2); // flags
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt32LE(0, at + 6); // time and date
      header.writeUInt32LE(crc32(content), at + 10);
      header.writeUInt32LE(packed.length, at + 14);
      header.writeUInt32LE(claimed ?? content.length, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

/** An XLSX workbook with the given sheet rows (XML of `<row>` elements) and shared strings. */
export function workbookOf(
  rowsXml: string | Buffer,
  sharedStrings: string[] | Buffer = [],
  claimed?: number,
): Buffer {
  const sheet = Buffer.concat([
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
    ),
    Buffer.isBuffer(rowsXml) ? rowsXml : Buffer.from(rowsXml),
    Buffer.from("</sheetData></worksheet>"),
  ]);
  const strings = Buffer.isBuffer(sharedStrings)
    ? sharedStrings
    : Buffer.from(sharedStrings.map((s) => `<si><t>${s}</t></si>`).join(""));
  const table = Buffer.concat([
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`,
    ),
    strings,
    Buffer.from("</sst>"),
  ]);
  return zipOf([
    { name: "[Content_Types].xml", content: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", content: Buffer.from(ROOT_RELS) },
    { name: "xl/workbook.xml", content: Buffer.from(WORKBOOK) },
    { name: "xl/_rels/workbook.xml.rels", content: Buffer.from(WORKBOOK_RELS) },
    { name: "xl/sharedStrings.xml", content: table },
    { name: "xl/worksheets/sheet1.xml", content: sheet, claimed },
  ]);
}

/** A workbook whose sheet unpacks to `megabytes` MB of one blank cell repeated (a zip bomb), claiming 1 KB. */
export function zipBomb(megabytes: number): Buffer {
  const filler = Buffer.alloc(megabytes * 1024 * 1024, " ");
  return workbookOf(filler, [], 1024);
}

/** A workbook with `count` shared strings, most of them never used. */
export function sharedStringsBomb(count: number): Buffer {
  return workbookOf(
    `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`,
    Buffer.from("<si><t>x</t></si>".repeat(count)),
  );
}

/** A workbook with `rows` rows of one number each. */
export function manyRowsXlsx(rows: number): Buffer {
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
  return workbookOf(parts.join(""));
}
