import { inflateRawSync } from "node:zlib";
import { IMPORT_CAPS, ImportTooLarge, UnreadableFile } from "./caps.ts";

/**
 * Visits every entry of a zip file, each unpacked into a buffer no larger than what is left of
 * `capBytes` (all entries together), so that a zip bomb is refused after at most that many bytes
 * whatever its headers claim: `tooBig(name)` is thrown then, `unreadable()` for a file that is no zip.
 */
export function forEachZipEntry(
  data: Uint8Array,
  capBytes: number,
  errors: { tooBig: (name: string) => Error; unreadable: () => Error },
  visit: (name: string, content: Buffer) => void,
): void {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const end = findEndOfDirectory(bytes, errors.unreadable);
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let left = capBytes;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw errors.unreadable();
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localHeader = bytes.readUInt32LE(at + 42);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (localHeader + 30 > bytes.length || bytes.readUInt32LE(localHeader) !== 0x04034b50)
      throw errors.unreadable();
    const dataStart =
      localHeader + 30 + bytes.readUInt16LE(localHeader + 26) + bytes.readUInt16LE(localHeader + 28);
    const packed = bytes.subarray(dataStart, dataStart + compressed);
    const content = unpack(method, packed, left, () => errors.tooBig(name), errors.unreadable);
    left -= content.length;
    visit(name, content);
  }
}

/** Whether the bytes begin as a zip file does ("PK\x03\x04"). */
export const isZip = (data: Uint8Array) =>
  data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

/**
 * Unpacks every part of an XLSX (zip) file once, within the unpacked-bytes cap, counting the shared
 * strings and rows on the way: the caps that a streaming reader could only hit after filling memory
 * or disk.
 */
export function checkXlsxSize(data: Uint8Array): void {
  const tooBig = (name: string) =>
    new ImportTooLarge(
      "unpackedBytes",
      `The workbook unpacks to more than ${IMPORT_CAPS.unpackedBytes / 1024 / 1024} MB (at ${name}); a sheet of figures is far smaller.`,
    );
  forEachZipEntry(data, IMPORT_CAPS.unpackedBytes, { tooBig, unreadable }, (name, content) => {
    if (name === "xl/sharedStrings.xml") {
      const strings = countTags(content, "<si>") + countTags(content, "<si ");
      if (strings > IMPORT_CAPS.sharedStrings) {
        throw new ImportTooLarge(
          "sharedStrings",
          `The workbook's shared-string table holds ${strings} entries; at most ${IMPORT_CAPS.sharedStrings} are read.`,
        );
      }
    } else if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      const rows = countTags(content, "<row ") + countTags(content, "<row>");
      if (rows > IMPORT_CAPS.rows) throw tooManyRows(rows);
    }
  });
}

export const tooManyRows = (rows: number | string) =>
  new ImportTooLarge(
    "rows",
    `The file has ${rows} rows; at most ${IMPORT_CAPS.rows} are imported at once: split it (by date or by district).`,
  );

function unpack(
  method: number,
  packed: Buffer,
  left: number,
  over: () => Error,
  unreadable: () => Error,
): Buffer {
  if (method === 0) {
    if (packed.length > left) throw over();
    return packed;
  }
  if (method !== 8) throw unreadable();
  try {
    return inflateRawSync(packed, { maxOutputLength: Math.max(1, left) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError)
      throw over();
    throw unreadable();
  }
}

function findEndOfDirectory(bytes: Buffer, unreadable: () => Error): number {
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment is at most that long).
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw unreadable();
}

function countTags(content: Buffer, tag: string): number {
  const needle = Buffer.from(tag);
  let count = 0;
  for (let at = content.indexOf(needle); at !== -1; at = content.indexOf(needle, at + needle.length)) count++;
  return count;
}

const unreadable = () =>
  new UnreadableFile("The XLSX file could not be read: it is not a valid workbook (zip).");
