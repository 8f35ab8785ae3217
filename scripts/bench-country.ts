// The app against the engine at country scale, on SQLite and on PostgreSQL in the same run (the
// country database of each is made on first use, see country-data.ts): each request is timed
// through the app (in process, app.request) and, in the same run, the plain query that computes the
// same figures on that engine; the ratio is the app's overhead over the engine. Then the import of
// 100,000 rows on each engine beside a plain insert of the same rows (bench-import.ts, in a process
// of its own).
// Run: npm run bench (or npx tsx scripts/bench-country.ts [-- --engine sqlite|pg]).

import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createApp } from "../server/src/app.ts";
import { PROJECT_ROOT } from "../server/src/config.ts";
import type { Report } from "../server/src/domain/types.ts";
import { warmUp } from "../server/src/services/warm-up.ts";
import { openDatabase } from "../server/src/store/open.ts";
import { postgresSql } from "../server/src/store/sql/postgres.ts";
import { type Sql, statement } from "../server/src/store/sql/sql.ts";
import { sqliteSql } from "../server/src/store/sql/sqlite.ts";
import { openStore } from "../server/src/store/store.ts";
import { ms, percentiles, RUNS, time } from "./bench-timing.ts";
import { communeId, countryStore, districtId, LAST_WEEK, provinceId } from "./country-data.ts";
import { parseEngine, type ScriptEngine } from "./engine-target.ts";

const { values } = parseArgs({ options: { engine: { type: "string" } } });
const ENGINES: ScriptEngine[] = values.engine ? [parseEngine(values.engine)] : ["sqlite", "pg"];

// The engine's share of each answer: the sums of every commune's latest report on the date.
const LATEST = (ids: string) => `WITH ids(id) AS (SELECT value FROM ${ids}),
  latest AS (SELECT r.unit_id, max(r.date) AS date FROM reports r JOIN ids ON r.unit_id = ids.id WHERE r.date <= @date GROUP BY r.unit_id)`;
const figuresSql = statement(
  (d) => `${LATEST(d.texts("@ids"))}
  SELECT count(*) AS reporting, sum(population), sum(level2), sum(dual), sum(linked)
  FROM reports r JOIN latest l ON r.unit_id = l.unit_id AND r.date = l.date`,
);
const perCommuneSql = statement(
  (d) => `${LATEST(d.texts("@ids"))}
  SELECT r.* FROM reports r JOIN latest l ON r.unit_id = l.unit_id AND r.date = l.date ORDER BY r.unit_id`,
);
const seriesSql = statement("SELECT * FROM reports WHERE unit_id = @unit ORDER BY date");

const APP_CONFIG = {
  homeUnit: "VN",
  webDist: "/nonexistent",
  dataDir: join(PROJECT_ROOT, "data"),
  publicDashboard: true,
  cookieSecure: false,
  trustProxy: 0,
};
const ENGINE_NAMES: Record<ScriptEngine, string> = { sqlite: "SQLite", pg: "PostgreSQL" };

console.log(
  `Country scale: 10,000 communes × 104 weeks; ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(
  "| engine | request | first answer of a new process ms | app, cold p50 / p95 ms | app, asked before p50 / p95 ms | plain query p50 / p95 ms | cold app / plain (p50) |\n|---|---|---|---|---|---|---|",
);
for (const engine of ENGINES) {
  const country = await countryStore(engine);
  const store = country.store;
  const app = createApp({
    store,
    config: APP_CONFIG,
  });
  const raw: Sql =
    engine === "pg" ? postgresSql(country.location, 2) : sqliteSql(openDatabase(country.location));
  const tree = (await store.unitHistory()).treeOn("2026-01-01");
  const idsUnder = (id: string) => raw.dialect.list(tree.reportingUnitsUnder(id).map((u) => u.id));
  const get = (path: string) => async () => {
    const response = await app.request(path);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    await response.arrayBuffer();
  };
  const district = districtId(0);
  const province = provinceId(0);
  const cases: [string, string, () => Promise<unknown>, number?][] = [
    [
      `district overview (${tree.reportingUnitsUnder(district).length} communes)`,
      `/api/overview?unit=${district}&date=${LAST_WEEK}`,
      () => raw.all(figuresSql, { ids: idsUnder(district), date: LAST_WEEK }),
    ],
    [
      `province overview (${tree.reportingUnitsUnder(province).length} communes)`,
      `/api/overview?unit=${province}&date=${LAST_WEEK}`,
      () => raw.all(figuresSql, { ids: idsUnder(province), date: LAST_WEEK }),
    ],
    [
      "country overview (10,000 communes)",
      `/api/overview?unit=VN&date=${LAST_WEEK}`,
      () => raw.all(figuresSql, { ids: idsUnder("VN"), date: LAST_WEEK }),
    ],
    [
      "commune series (104 weeks)",
      `/api/units/${communeId(0)}/series`,
      () => raw.all(seriesSql, { unit: communeId(0) }),
    ],
    [
      "export of all communes on a date (CSV)",
      `/api/exports/reports.csv?unit=VN&date=${LAST_WEEK}`,
      () => raw.all(perCommuneSql, { ids: idsUnder("VN"), date: LAST_WEEK }),
      10,
    ],
  ];
  // First: a process that just started answers once. It computed the figures the overview opens
  // on before it listened (services/warm-up.ts, as src/index.ts does); that time is printed apart.
  const warmUps: number[] = [];
  const firstAnswer = async (path: string) => {
    const fresh = await openStore(country.location);
    const freshApp = createApp({ store: fresh, config: APP_CONFIG });
    const warming = performance.now();
    await warmUp(fresh, APP_CONFIG.homeUnit, APP_CONFIG.dataDir, Date.now);
    warmUps.push(performance.now() - warming);
    const start = performance.now();
    const response = await freshApp.request(path);
    await response.arrayBuffer();
    const took = performance.now() - start;
    await fresh.close();
    return took;
  };
  // Cold: a commune's report was revised just before, as a data-entry clerk would (the answers kept
  // are then stale; what each commune's state is kept for is computed again for that commune only).
  const last = ((await store.reportHistories([communeId(1)])).get(communeId(1)) ?? []).at(-1);
  if (!last) throw new Error("the country database has no report to revise");
  const revised: Report = last;
  const actor = { userId: null, username: "bench", ip: null, at: new Date().toISOString() };
  let toggle = 0;
  const coldTimes = async (run: () => Promise<void>, n: number) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      await store.saveReports([{ ...revised, level2: revised.level2 - (toggle++ % 2) }], actor);
      const start = performance.now();
      await run();
      samples.push(performance.now() - start);
    }
    return percentiles(samples);
  };
  for (const [name, path, viaSql, runs] of cases) {
    const n = runs ?? RUNS;
    const first = await firstAnswer(path);
    const viaApp = get(path);
    await viaApp(); // the process has answered this once: "cold" is the answer after a revision
    const cold = await coldTimes(viaApp, n);
    const warm = await time(viaApp, n);
    const sql = await time(viaSql, n);
    console.log(
      `| ${ENGINE_NAMES[engine]} | ${name} | ${first.toFixed(1)} | ${ms(cold)} | ${ms(warm)} | ${ms(sql)} | ${(cold.p50 / sql.p50).toFixed(1)} |`,
    );
  }
  console.log(
    `| ${ENGINE_NAMES[engine]} | a new process's warm-up before it listens (10,000 communes), p50 of ${warmUps.length} | ${percentiles(warmUps).p50.toFixed(1)} | | | | |`,
  );
  await raw.close();
  await country.close();
}

console.log(
  "\n| engine | import of 100,000 rows | dry run s | write s | of it, the transaction s | plain insert of the same rows s | write / plain | transaction / plain | the same into a table with the reports table's keys s | write / that | peak memory MB |\n|---|---|---|---|---|---|---|---|---|---|---|",
);
// In a process of its own: its peak memory is the import's, not the country's kept above.
for (const engine of ENGINES) {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "bench-import.ts"), "--engine", engine, "--json"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  const r = JSON.parse(output.trim().split("\n").at(-1) as string);
  console.log(
    `| ${ENGINE_NAMES[engine]} | status ${r.status} | ${r.dry.toFixed(2)} | ${r.write.toFixed(2)} | ${r.transaction.toFixed(2)} | ${r.plain.toFixed(2)} | ${(r.write / r.plain).toFixed(1)} | ${(r.transaction / r.plain).toFixed(1)} | ${r.keyed.toFixed(2)} | ${(r.write / r.keyed).toFixed(1)} | ${r.peakMb} |`,
  );
}
