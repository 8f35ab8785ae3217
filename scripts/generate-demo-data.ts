// Writes data/demo/ (reports of 2024 and of 2025, villages, drives) from the deterministic demo generator (run: npm run demo-data).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { catalogueAt } from "../server/src/catalogue/catalogue.ts";
import { PROJECT_ROOT } from "../server/src/config.ts";
import { readUnits } from "../server/src/seed.ts";
import {
  drivesToCsv,
  generateDemoDrives,
  generateDemoReports,
  generateDemoVillages,
  generateReorganisedReports,
  reportsToCsv,
  villagesToCsv,
  withRecordingTimes,
} from "./demo-data.ts";

const dataDir = join(PROJECT_ROOT, "data");
const names = new Map(readUnits(join(dataDir, "units.csv")).map((unit) => [unit.id, unit.name]));
const reports = generateDemoReports();
mkdirSync(join(dataDir, "demo"), { recursive: true });
writeFileSync(join(dataDir, "demo", "reports.csv"), reportsToCsv(withRecordingTimes(reports), names));
const catalogue = catalogueAt(dataDir);
const reorganised = generateReorganisedReports(reports);
const newNames = new Map(reorganised.map((r) => [r.unitId, catalogue.get("2025", r.unitId)?.name ?? ""]));
writeFileSync(
  join(dataDir, "demo", "reports-2025.csv"),
  reportsToCsv(withRecordingTimes(reorganised), newNames),
);
const villages = generateDemoVillages();
writeFileSync(join(dataDir, "demo", "villages.csv"), villagesToCsv(villages));
const drives = generateDemoDrives(reports);
writeFileSync(join(dataDir, "demo", "drives.csv"), drivesToCsv(drives));
console.log(
  `Wrote ${reports.length} + ${reorganised.length} reports, ${villages.length} villages and ${drives.length} drives to data/demo/`,
);
