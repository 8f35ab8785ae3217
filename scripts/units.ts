// The deployment's units, in the database the server uses (DATABASE_URL, else DATABASE_PATH):
//   npm run units -- import FILE.csv
//     adds or renames units (columns code,name,kind,parent_code), e.g. the villages (thôn, tổ dân
//     phố) used as drive locations; parents must exist (in the database or earlier in the file).
//   npm run units -- reorganise --date 2025-07-01 [--dry-run] [--shares FILE.csv] [--late-reports delete|merge]
//     applies the national merger table (data/catalogue) to the deployment's area, all or nothing:
//     its communes valid the day before end, the new communes begin with their lineage.
//     --dry-run prints the preview only; --shares gives divided communes' shares (old_code,new_code,share).
//     Reports of ending communes dated on or after the change are listed and the change is refused
//     until --late-reports says what to do with them: delete them, or merge them into the new
//     commune's report of the same date (when every commune it was formed from reported that day).
//     Applying the same change again changes nothing; a second change of the same communes is refused.
import { parseArgs } from "node:util";
import { catalogueAt, REORGANISATION_2025 } from "../server/src/catalogue/catalogue.ts";
import { LATE_RESOLUTIONS, type LateResolution } from "../server/src/catalogue/late-reports.ts";
import type { Share } from "../server/src/catalogue/reorganise.ts";
import {
  applyReorganisation,
  previewReorganisation,
  type ReorganisationPreview,
} from "../server/src/catalogue/reorganise-deployment.ts";
import { databaseLocation, loadConfig } from "../server/src/config.ts";
import { readCsvRecords } from "../server/src/csv-records.ts";
import { isIsoDate } from "../server/src/domain/dates.ts";
import { ApiError } from "../server/src/errors.ts";
import { readUnits, unitProblems } from "../server/src/seed.ts";
import { openStore } from "../server/src/store/store.ts";

const USAGE = `usage: npm run units -- import FILE.csv   (columns: code,name,kind,parent_code)
       npm run units -- reorganise [--date ${REORGANISATION_2025}] [--dry-run] [--shares FILE.csv] [--late-reports delete|merge]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    date: { type: "string" },
    "dry-run": { type: "boolean" },
    shares: { type: "string" },
    "late-reports": { type: "string" },
  },
});
const [command, file] = positionals;
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
if (!(command === "import" && file) && command !== "reorganise") fail(USAGE);
const date = values.date ?? REORGANISATION_2025;
if (!isIsoDate(date)) fail(`--date ${JSON.stringify(date)} is not a date written YYYY-MM-DD`);
const lateReports = values["late-reports"] as LateResolution | undefined;
if (lateReports !== undefined && !LATE_RESOLUTIONS.includes(lateReports))
  fail(`--late-reports ${JSON.stringify(lateReports)} must be delete or merge`);

const config = loadConfig();
// Never seeds: a command-line tool works on the database as the server made it (no demo data in a real install).
const store = await openStore(databaseLocation(config));
try {
  if (command === "import") {
    const units = readUnits(file as string);
    const problems = unitProblems(units, (await store.unitHistory()).treeOn(date));
    if (problems.length > 0) fail(`Nothing imported:\n  ${problems.join("\n  ")}`);
    await store.saveUnits(units);
    console.log(`Imported ${units.length} units from ${file}`);
  } else {
    const shares = values.shares ? readShares(values.shares) : [];
    const request = { date, shares, lateReports };
    const catalogue = catalogueAt(config.dataDir);
    const plan = await previewReorganisation(store, catalogue, request);
    if (plan.alreadyApplied) {
      console.log(`The change of units of ${date} is already applied to this deployment: nothing changed.`);
    } else {
      console.log(preview(plan));
      if (plan.problems.length > 0) fail(`Nothing changed:\n  ${plan.problems.join("\n  ")}`);
      if (values["dry-run"]) console.log("Dry run: nothing changed.");
      else {
        const actor = {
          userId: null,
          username: `cli:${process.env.USER ?? "unknown"}`,
          ip: null,
          at: new Date().toISOString(),
        };
        const applied = await applyReorganisation(store, catalogue, request, actor).catch((error) =>
          error instanceof ApiError ? fail(`Nothing changed:\n  ${error.message}`) : Promise.reject(error),
        );
        if (applied.alreadyApplied)
          console.log(`Another process applied the change of ${date} first: nothing changed.`);
        else
          console.log(
            `Applied: ${applied.ending.length} units end and ${applied.beginning.length} begin on ${date}` +
              (applied.late.remove.length > 0
                ? `; late reports: ${applied.late.remove.length} removed, ${applied.late.add.length} merged written.`
                : "."),
          );
      }
    }
  }
} finally {
  await store.close();
}

function readShares(path: string): Share[] {
  return readCsvRecords(path).map((row, i) => {
    const share = Number(row.share);
    if (!row.old_code || !row.new_code || !Number.isFinite(share))
      fail(`${path} row ${i + 2}: expected old_code,new_code,share (a fraction such as 0.4)`);
    return { oldCode: row.old_code as string, newCode: row.new_code as string, share };
  });
}

function preview(plan: ReorganisationPreview): string {
  const lines = [`Reorganisation of ${plan.date}:`];
  lines.push(
    `  ${plan.ending.length} units end: ${plan.ending.map((u) => `${u.name} (${u.id})`).join(", ")}`,
  );
  lines.push(`  ${plan.beginning.length} units begin:`);
  for (const { unit, predecessors, incomplete } of plan.successors) {
    const from = predecessors
      .map(
        (p) =>
          `${p.name} (${p.id})${p.share === 1 ? "" : ` × ${p.share ?? "share unknown"}`}${p.held ? "" : " [outside the area]"}`,
      )
      .join(" + ");
    lines.push(
      `    ${unit.name} (${unit.id}) ← ${from}${incomplete ? "  — history before the change incomplete" : ""}`,
    );
  }
  if (plan.late.reports.length > 0) {
    lines.push(
      `  ${plan.late.reports.length === 1 ? "1 report of an ending commune is" : `${plan.late.reports.length} reports of ending communes are`} dated on or after ${plan.date}:`,
    );
    for (const r of plan.late.reports)
      lines.push(
        `    ${r.unitName} (${r.unitId}) ${r.date}: population ${r.population}, level2 ${r.level2}, dual ${r.dual}, linked ${r.linked} → ${r.successors.map((s) => `${s.name} (${s.id})`).join(" / ")}`,
      );
  }
  return lines.join("\n");
}
