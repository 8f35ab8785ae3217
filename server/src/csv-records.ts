import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

/**
 * The records of a CSV file of the project's own data (data/, reference catalogues, a file of
 * shares), keyed by its header: cells trimmed, empty lines skipped, a BOM ignored.
 */
export function readCsvRecords(path: string): Record<string, string>[] {
  return parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true, trim: true, bom: true });
}
