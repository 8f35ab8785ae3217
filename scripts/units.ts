// The deployment's units, in the database the server uses (DATABASE_URL, else DATABASE_PATH):
//   npm run units -- import FILE.csv
//     adds or renames units (columns code,name,kind,parent_code), e.g. the villages (thôn, tổ dân
//     phố) used as drive locations; parents must exist (in the database or earlier in the file).
//   npm run units -- reorganise --date 2025-07-01 [--dry-run] [--shares FILE.csv]
//     applies the national merger table (data/catalogue) to the deployment's area, all or nothing:
//     its communes valid the day before end, the new communes begin with their lineage.
//     --dry-run prints the preview only; --shares gives divided communes' shares (old_code,new_code,share).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { catalogueAt, REORGANISATION_2025 } from "../server/src/catalogue/catalogue.ts";
import {
  planReorganisation,
  type ReorganisationPlan,
  type Share,
} from "../server/src/catalogue/reorganise.ts";
import { databaseLocation, loadConfig } from "../server/src/config.ts";
import { isIsoDate } from "../server/src/domain/dates.ts";
import { applyReorganisation, readUnits, seedIfEmpty, unitProblems } from "../server/src/seed.ts";
import { openStore } from "../server/src/store/store.ts";

const USAGE = `usage: npm run units -- import FILE.csv   (columns: code,name,kind,parent_code)
       npm run units -- reorganise [--date ${REORGANISATION_2025}] [--dry-run] [--shares FILE.csv]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { date: { type: "string" }, "dry-run": { type: "boolean" }, shares: { type: "string" } },
});
const [command, file] = positionals;
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
if (!(command === "import" && file) && command !== "reorganise") fail(USAGE);
const date = values.date ?? REORGANISATION_2025;
if (!isIsoDate(date)) fail(`--date ${JSON.stringify(date)} is not a date written YYYY-MM-DD`);

const config = loadConfig();
const store = await openStore(databaseLocation(config));
try {
  await seedIfEmpty(store, config.dataDir, config);
  if (command === "import") {
    const units = readUnits(file as string);
    const problems = unitProblems(units, (await store.unitHistory()).treeOn(date));
    if (problems.length > 0) fail(`Nothing imported:\n  ${problems.join("\n  ")}`);
    await store.saveUnits(units);
    console.log(`Imported ${units.length} units from ${file}`);
  } else {
    const shares = values.shares ? readShares(values.shares) : [];
    const plan = planReorganisation(await store.unitHistory(), catalogueAt(config.dataDir), date, shares);
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
      await applyReorganisation(store, plan, actor);
      console.log(`Applied: ${plan.ending.length} units end and ${plan.beginning.length} begin on ${date}.`);
    }
  }
} finally {
  await store.close();
}

function readShares(path: string): Share[] {
  const rows: Record<string, string>[] = parse(readFileSync(path, "utf8"), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  });
  return rows.map((row, i) => {
    const share = Number(row.share);
    if (!row.old_code || !row.new_code || !Number.isFinite(share))
      fail(`${path} row ${i + 2}: expected old_code,new_code,share (a fraction such as 0.4)`);
    return { oldCode: row.old_code as string, newCode: row.new_code as string, share };
  });
}

function preview(plan: ReorganisationPlan): string {
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
  return lines.join("\n");
}
