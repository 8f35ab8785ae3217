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
import { generateProvinceDrives, generateProvinceReports } from "./province-demo.ts";

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
// The province demo: the 135 communes of the new Gia Lai (2025 tree, province 52).
const giaLai = catalogue
  .subtree("2025", "52")
  .filter((u) => u.kind === "commune" || u.kind === "ward" || u.kind === "special_zone")
  .map((u) => ({ id: u.code, name: u.name, kind: u.kind }));
const giaLaiNames = new Map(giaLai.map((u) => [u.id, u.name]));
const provinceReports = generateProvinceReports(giaLai);
writeFileSync(join(dataDir, "demo", "gia-lai-2025-reports.csv"), reportsToCsv(provinceReports, giaLaiNames));
const provinceDrives = generateProvinceDrives(provinceReports, giaLaiNames);
writeFileSync(join(dataDir, "demo", "gia-lai-2025-drives.csv"), drivesToCsv(provinceDrives));
console.log(
  `Wrote ${reports.length} + ${reorganised.length} reports, ${villages.length} villages and ${drives.length} drives to data/demo/; ` +
    `${provinceReports.length} reports and ${provinceDrives.length} drives of ${giaLai.length} communes of Gia Lai`,
);
