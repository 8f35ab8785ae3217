// Writes data/demo/reports.csv from the deterministic demo generator (run: npm run demo-data).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../server/src/config.ts";
import { readUnits } from "../server/src/seed.ts";
import {
  drivesToCsv,
  generateDemoDrives,
  generateDemoReports,
  generateDemoVillages,
  reportsToCsv,
  villagesToCsv,
} from "./demo-data.ts";

const dataDir = join(PROJECT_ROOT, "data");
const names = new Map(readUnits(join(dataDir, "units.csv")).map((unit) => [unit.id, unit.name]));
const reports = generateDemoReports();
mkdirSync(join(dataDir, "demo"), { recursive: true });
writeFileSync(join(dataDir, "demo", "reports.csv"), reportsToCsv(reports, names));
const villages = generateDemoVillages();
writeFileSync(join(dataDir, "demo", "villages.csv"), villagesToCsv(villages));
const drives = generateDemoDrives(reports);
writeFileSync(join(dataDir, "demo", "drives.csv"), drivesToCsv(drives));
console.log(
  `Wrote ${reports.length} reports, ${villages.length} villages and ${drives.length} drives to data/demo/`,
);
