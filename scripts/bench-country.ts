// The app against the engine at country scale (data/country.db, made on first use): each request is
// timed through the app (in process, app.request) and, in the same run, the plain SQLite query that
// computes the same figures through better-sqlite3; the ratio is the app's overhead over the engine.
// Run: npm run bench (or npx tsx scripts/bench-country.ts).
import { cpus, totalmem } from "node:os";
import Database from "better-sqlite3";
import { createApp } from "../server/src/app.ts";
import type { Report } from "../server/src/domain/types.ts";
import { COUNTRY_DB, communeId, countryStore, districtId, LAST_WEEK, provinceId } from "./country-data.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const store = await countryStore();
const app = createApp({
  store,
  config: {
    homeUnit: "VN",
    webDist: "/nonexistent",
    publicDashboard: true,
    cookieSecure: false,
    trustProxy: 0,
  },
});
const raw = new Database(COUNTRY_DB, { readonly: true });
const tree = await store.unitTree();
const idsUnder = (id: string) => JSON.stringify(tree.reportingUnitsUnder(id).map((u) => u.id));

// The engine's share of each answer: the sums of every commune's latest report on the date.
const figuresSql = raw.prepare(`
  WITH ids(id) AS (SELECT value FROM json_each(?)),
  latest AS (SELECT r.unit_id, max(r.date) AS date FROM reports r JOIN ids ON r.unit_id = ids.id WHERE r.date <= ? GROUP BY r.unit_id)
  SELECT count(*) AS reporting, sum(population), sum(level2), sum(dual), sum(linked)
  FROM reports r JOIN latest l ON r.unit_id = l.unit_id AND r.date = l.date`);
const perCommuneSql = raw.prepare(`
  WITH ids(id) AS (SELECT value FROM json_each(?)),
  latest AS (SELECT r.unit_id, max(r.date) AS date FROM reports r JOIN ids ON r.unit_id = ids.id WHERE r.date <= ? GROUP BY r.unit_id)
  SELECT r.* FROM reports r JOIN latest l ON r.unit_id = l.unit_id AND r.date = l.date ORDER BY r.unit_id`);
const seriesSql = raw.prepare("SELECT * FROM reports WHERE unit_id = ? ORDER BY date");

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { p50: at(0.5), p95: at(0.95) };
}

async function time(run: () => unknown | Promise<unknown>, runs = RUNS) {
  await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

const get = (path: string) => async () => {
  const response = await app.request(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  await response.arrayBuffer();
};

const district = districtId(0);
const province = provinceId(0);
const cases: [string, () => Promise<void>, () => unknown, number?][] = [
  [
    `district overview (${tree.reportingUnitsUnder(district).length} communes)`,
    get(`/api/overview?unit=${district}&date=${LAST_WEEK}`),
    () => figuresSql.get(idsUnder(district), LAST_WEEK),
  ],
  [
    `province overview (${tree.reportingUnitsUnder(province).length} communes)`,
    get(`/api/overview?unit=${province}&date=${LAST_WEEK}`),
    () => figuresSql.get(idsUnder(province), LAST_WEEK),
  ],
  [
    "country overview (10,000 communes)",
    get(`/api/overview?unit=VN&date=${LAST_WEEK}`),
    () => figuresSql.get(idsUnder("VN"), LAST_WEEK),
    10,
  ],
  ["commune series (104 weeks)", get(`/api/units/${communeId(0)}/series`), () => seriesSql.all(communeId(0))],
  [
    "export of all communes on a date (CSV)",
    get(`/api/exports/reports.csv?unit=VN&date=${LAST_WEEK}`),
    () => perCommuneSql.all(idsUnder("VN"), LAST_WEEK),
    10,
  ],
];

console.log(
  `Country scale: ${await store.reportCount()} reports; ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(
  "| request | app, cold p50 / p95 ms | app, asked before p50 / p95 ms | SQLite p50 / p95 ms | cold app / SQLite (p50) |\n|---|---|---|---|---|",
);
// Cold: a commune's report was revised just before, as a data-entry clerk would (every answer that
// depends on reports is then computed afresh).
const last = ((await store.reportHistories([communeId(1)])).get(communeId(1)) ?? []).at(-1);
if (!last) throw new Error("the country database has no report to revise");
const revised: Report = last;
const actor = { userId: null, username: "bench", ip: null, at: new Date().toISOString() };
let toggle = 0;
async function coldTimes(run: () => Promise<void>, n: number) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    await store.saveReports([{ ...revised, level2: revised.level2 - (toggle++ % 2) }], actor);
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}
const ms = (p: { p50: number; p95: number }) => `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)}`;
for (const [name, viaApp, viaSql, runs] of cases) {
  const n = runs ?? RUNS;
  const cold = await coldTimes(viaApp, n);
  const warm = await time(viaApp, n);
  const sql = await time(viaSql, n);
  console.log(`| ${name} | ${ms(cold)} | ${ms(warm)} | ${ms(sql)} | ${(cold.p50 / sql.p50).toFixed(1)} |`);
}
raw.close();
await store.close();
