// The 2025 reorganisation at country scale, on SQLite and on PostgreSQL: a deployment of all 10,035
// communes of the real 2024 catalogue with two years of weekly reports (1.04 million rows) is
// reorganised with the real merger table into 3,321 communes; then the country's overview is asked
// on a date after the change (its trajectory starting before it: every commune's history runs
// through its predecessors) beside the plain query of the same figures. Also the catalogue search.
// Run: npx tsx scripts/bench-reorganise.ts [--engine sqlite|pg]   (a few minutes; figures in docs/benchmarks.md)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createApp } from "../server/src/app.ts";
import { catalogueAt, REORGANISATION_2025 } from "../server/src/catalogue/catalogue.ts";
import { applyReorganisation } from "../server/src/catalogue/reorganise-deployment.ts";
import { PROJECT_ROOT } from "../server/src/config.ts";
import { addDays } from "../server/src/domain/dates.ts";
import { isReportingUnit } from "../server/src/domain/tree.ts";
import type { Report, Unit } from "../server/src/domain/types.ts";
import { warmUp } from "../server/src/services/warm-up.ts";
import { openDatabase } from "../server/src/store/open.ts";
import { postgresSql } from "../server/src/store/sql/postgres.ts";
import { type Sql, statement } from "../server/src/store/sql/sql.ts";
import { sqliteSql } from "../server/src/store/sql/sqlite.ts";
import { openStore, type Store } from "../server/src/store/store.ts";
import { ms, percentiles, RUNS, time } from "./bench-timing.ts";
import { parseEngine, postgresTarget, type ScriptEngine } from "./engine-target.ts";

const { values } = parseArgs({ options: { engine: { type: "string" } } });
const ENGINES: ScriptEngine[] = values.engine ? [parseEngine(values.engine)] : ["sqlite", "pg"];
const DATA = join(PROJECT_ROOT, "data");
const loading = performance.now();
const catalogue = catalogueAt(DATA);
const loadMs = performance.now() - loading;
const WEEKS = 104;
const LAST_OLD = "2025-06-28";
const FIRST_OLD = addDays(LAST_OLD, -7 * (WEEKS - 1));
const NEW_WEEKS = 8;
const ASKED = addDays(REORGANISATION_2025, 4 + 7 * (NEW_WEEKS - 1)); // the 8th Saturday after the change
const APP_CONFIG = {
  homeUnit: "VN",
  webDist: "/nonexistent",
  dataDir: DATA,
  publicDashboard: true,
  cookieSecure: false,
  trustProxy: 0,
};
const actor = { userId: null, username: "bench", ip: null, at: new Date().toISOString() };

/** The whole 2024 catalogue under one country. */
function countryOf2024(): Unit[] {
  const units: Unit[] = [{ id: "VN", name: "Việt Nam", kind: "country", parentId: null }];
  for (const province of catalogue.children("2024", null)) {
    for (const u of catalogue.subtree("2024", province.code))
      units.push({ id: u.code, name: u.name, kind: u.kind, parentId: u.parentCode ?? "VN" });
  }
  return units;
}

/** A commune's weekly figures: deterministic, growing towards 100% (no figure ever falls). */
function weekly(unitId: string, date: string, week: number, weeks: number): Report {
  const seed = Number(unitId);
  const population = 3000 + ((seed * 7919) % 12_000);
  const start = 0.4 + ((seed * 104_729) % 400) / 1000;
  const rate = Math.min(1, start + ((1 - start) * week) / weeks);
  const level2 = Math.floor(population * rate);
  const dual = Math.floor(level2 * 0.6);
  return { unitId, date, population, level2, dual, linked: Math.floor(dual * (0.3 + (0.6 * week) / weeks)) };
}

const LATEST = statement(
  (d) => `WITH ids(id) AS (SELECT value FROM ${d.texts("@ids")}),
  latest AS (SELECT r.unit_id, max(r.date) AS date FROM reports r JOIN ids ON r.unit_id = ids.id
    WHERE r.date <= @date AND r.date >= @from GROUP BY r.unit_id)
  SELECT count(*) AS reporting, sum(population), sum(level2), sum(dual), sum(linked)
  FROM reports r JOIN latest l ON r.unit_id = l.unit_id AND r.date = l.date`,
);

async function fill(store: Store, communes: Unit[]) {
  for (let w = 0; w < WEEKS; w++) {
    const date = addDays(FIRST_OLD, 7 * w);
    await store.insertReports(communes.map((u) => weekly(u.id, date, w, WEEKS + NEW_WEEKS)));
  }
}

console.log(`Machine: node ${process.version}. Runs per figure: ${RUNS}.`);
const search = await time(async () => {
  for (const q of ["gia lai", "tay son", "21808", "phu phong", "ha noi", "xa an"])
    catalogue.search(q, "2025");
});
console.log(
  `\nCatalogue: read on first use in ${loadMs.toFixed(0)} ms; a search (6 queries, in process) ${ms({ p50: search.p50 / 6, p95: search.p95 / 6 })} ms`,
);
console.log(
  "\n| engine | units before → after | build of the deployment s | reorganise (plan + apply) s | a new process's warm-up before it listens ms | country overview after, first answer ms | cold p50 / p95 ms | asked before p50 / p95 ms | plain query p50 / p95 ms | cold / plain (p50) |\n|---|---|---|---|---|---|---|---|---|---|",
);
for (const engine of ENGINES) {
  const dir = mkdtempSync(join(tmpdir(), "vneid-reorganise-"));
  const target = engine === "pg" ? await postgresTarget("vneid_bench_reorganise") : null;
  const location = target?.url ?? join(dir, "reorganise.db");
  try {
    let store = await openStore(location);
    const units = countryOf2024();
    const communes = units.filter(isReportingUnit);
    const built = performance.now();
    await store.saveUnits(units);
    await fill(store, communes);
    const buildSeconds = (performance.now() - built) / 1000;
    await store.createCampaign(
      { ...(await store.campaign()), name: "2025", start: "2025-01-04", deadline: "2025-12-31" },
      true,
      actor,
    );

    const started = performance.now();
    const plan = await applyReorganisation(store, catalogue, { date: REORGANISATION_2025 }, actor);
    const reorganiseSeconds = (performance.now() - started) / 1000;

    const newCommunes = plan.successors.map((s) => s.unit);
    for (let w = 0; w < NEW_WEEKS; w++) {
      const date = addDays(REORGANISATION_2025, 4 + 7 * w);
      await store.insertReports(newCommunes.map((u) => weekly(u.id, date, WEEKS + w, WEEKS + NEW_WEEKS)));
    }
    await store.close();

    // A process that has kept nothing answers first; then, as in bench-country, a revision before each cold answer.
    const path = `/api/overview?unit=VN&date=${ASKED}`;
    store = await openStore(location);
    const app = createApp({ store, config: APP_CONFIG });
    // As src/index.ts does before it listens (services/warm-up.ts).
    const warming = performance.now();
    await warmUp(store, APP_CONFIG.homeUnit, APP_CONFIG.dataDir, Date.now);
    const warmUpMs = performance.now() - warming;
    const first = performance.now();
    const response = await app.request(path);
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { figures: { reporting: number } };
    const firstMs = performance.now() - first;
    const ask = async () => {
      const r = await app.request(path);
      if (!r.ok) throw new Error(`${path}: ${r.status}`);
      await r.arrayBuffer();
    };
    const revised = weekly(newCommunes[1]?.id as string, ASKED, WEEKS + NEW_WEEKS - 1, WEEKS + NEW_WEEKS);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await store.saveReports([{ ...revised, level2: revised.level2 - (i % 2) }], actor);
      const start = performance.now();
      await ask();
      samples.push(performance.now() - start);
    }
    const cold = percentiles(samples);
    const warm = await time(ask);
    const raw: Sql = engine === "pg" ? postgresSql(location, 2) : sqliteSql(openDatabase(location));
    const ids = raw.dialect.list(newCommunes.map((u) => u.id));
    const plain = await time(() => raw.all(LATEST, { ids, date: ASKED, from: REORGANISATION_2025 }));
    await raw.close();
    await store.close();
    console.log(
      `| ${engine === "pg" ? "PostgreSQL" : "SQLite"} | ${communes.length.toLocaleString("en")} → ${body.figures.reporting.toLocaleString("en")} communes | ${buildSeconds.toFixed(1)} | ${reorganiseSeconds.toFixed(1)} | ${warmUpMs.toFixed(0)} | ${firstMs.toFixed(0)} | ${ms(cold)} | ${ms(warm)} | ${ms(plain)} | ${(cold.p50 / plain.p50).toFixed(1)} |`,
    );
  } finally {
    await target?.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}
