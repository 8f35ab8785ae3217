import { readFileSync } from "node:fs";
import Papa from "papaparse";

/**
 * The records of a CSV file of the project's own data (data/, reference catalogues), keyed by its
 * header: cells trimmed, empty lines skipped, a BOM ignored; a malformed file throws naming it.
 */
export function readCsvRecords(path: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, "utf8").replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (name) => name.trim(),
    transform: (value) => value.trim(),
  });
  const [problem] = parsed.errors;
  if (problem) throw new Error(`${path} record ${(problem.row ?? 0) + 1}: ${problem.message}`);
  return parsed.data;
}
