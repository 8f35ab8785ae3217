/**
 * What one import may hold. A file over any of them is refused with `IMPORT_TOO_LARGE` naming the
 * cap, before it can take the server's memory or time: a commune's week is 15 rows, a country's two
 * years about 700,000, so 200,000 rows is room for any province's file and no more.
 */
export const IMPORT_CAPS = {
  /** Rows of the table, the header and blank rows included. */
  rows: 200_000,
  /** Columns of any row. */
  columns: 50,
  /** Characters in one cell. */
  cellChars: 1_000,
  /** Bytes of an XLSX file once unpacked (all its parts together). */
  unpackedBytes: 64 * 1024 * 1024,
  /** Entries of an XLSX file's shared-string table. */
  sharedStrings: 500_000,
  /** Memory the reading worker may use, in MB, and how long it may take. */
  workerMemoryMb: 192,
  workerSeconds: 30,
} as const;

export type ImportCap = keyof typeof IMPORT_CAPS;

/** A file over one of the caps: the API answers 413 `IMPORT_TOO_LARGE` with the cap and its limit. */
export class ImportTooLarge extends Error {
  constructor(
    readonly cap: ImportCap,
    message: string,
  ) {
    super(message);
  }
}

/** A file that is not a CSV or XLSX file the product can read: the API answers 422 `UNREADABLE_FILE`. */
export class UnreadableFile extends Error {}
