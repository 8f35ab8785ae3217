// Imports 100,000 report rows (10,000 communes × 10 weeks) through the real endpoint, in process,
// on a file-backed SQLite database or a PostgreSQL one; times the dry run, the write, and a plain
// insert of the same rows into an empty copy of the table on the same engine, the peak resident
// memory, and, of the write, the transaction that writes the rows.
// Run: npm run bench (or npx tsx scripts/bench-import.ts [--engine pg] [--json]).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createApp } from "../server/src/app.ts";
import { hashPassword } from "../server/src/auth/passwords.ts";
import { PROJECT_ROOT } from "../server/src/config.ts";
import { addDays } from "../server/src/domain/dates.ts";
import type { Report, Unit } from "../server/src/domain/types.ts";
import { openDatabase } from "../server/src/store/open.ts";
import { postgresSql } from "../server/src/store/sql/postgres.ts";
import { chunked, type Sql, statement, withCheckPlansKept } from "../server/src/store/sql/sql.ts";
import { sqliteSql } from "../server/src/store/sql/sqlite.ts";
import { openStore } from "../server/src/store/store.ts";
import { parseEngine, postgresTarget, type ScriptEngine } from "./engine-target.ts";

const COMMUNES = 10_000;
const WEEKS = 10;

const COPY = statement("CREATE TABLE plain_reports AS SELECT * FROM reports WHERE false");
const PLAIN = statement(
  (d) => `INSERT INTO plain_reports (unit_id, date, population, level2, dual, linked, recorded_at)
  SELECT value ->> 'unitId', value ->> 'date', CAST(value ->> 'population' AS INTEGER), CAST(value ->> 'level2' AS INTEGER),
    CAST(value ->> 'dual' AS INTEGER), CAST(value ->> 'linked' AS INTEGER), 'now' FROM ${d.objects("@rows")}`,
);

// The same table with the reports table's own key, index, checks and foreign key: what the
// database's integrity costs, apart from the import's own work.
const KEYED_SQLITE = statement(
  "SELECT sql FROM sqlite_master WHERE tbl_name = 'reports' AND sql IS NOT NULL ORDER BY type DESC",
);
const KEYED_POSTGRES = [
  statement("CREATE TABLE plain_reports (LIKE reports INCLUDING ALL)"),
  statement("ALTER TABLE plain_reports ADD FOREIGN KEY (unit_id) REFERENCES units (id)"),
];

/** The plain engine's time for the same rows: one transaction, chunks of 5,000 rows. */
async function plainInsert(sql: Sql, rows: Report[], keyed: boolean): Promise<number> {
  await sql.run(statement("DROP TABLE IF EXISTS plain_reports"));
  if (!keyed) await sql.run(COPY);
  else if (sql.dialect.engine === "postgres") for (const s of KEYED_POSTGRES) await sql.run(s);
  else {
    for (const { sql: ddl } of await sql.all<{ sql: string }>(KEYED_SQLITE))
      await sql.run(statement(ddl.replace(/\breports(_date)?\b/g, "plain_reports$1")));
  }
  const start = performance.now();
  await sql.transaction((tx) =>
    withCheckPlansKept(tx, async () => {
      for (const chunk of chunked(rows)) await tx.run(PLAIN, { rows: JSON.stringify(chunk) });
    }),
  );
  return (performance.now() - start) / 1000;
}

/** The rows of the file, made again for the plain insert: the benchmark holds none while the import runs. */
function reportRows(): Report[] {
  const rows: Report[] = [];
  for (let w = 0; w < WEEKS; w++) {
    const date = addDays("2024-02-03", 7 * w);
    for (let c = 0; c < COMMUNES; c++) {
      const level2 = 5000 + 150 * w + (c % 37);
      rows.push({
        unitId: String(100_000 + c),
        date,
        population: 8000,
        level2,
        dual: Math.floor(level2 * 0.6),
        linked: Math.floor(level2 * 0.3) + 10 * w,
      });
    }
  }
  return rows;
}

async function benchImport(engine: ScriptEngine) {
  const dir = mkdtempSync(join(tmpdir(), "vneid-import-"));
  const target = engine === "pg" ? await postgresTarget("vneid_bench_import") : null;
  const location = target?.url ?? join(dir, "bench.db");
  const store = await openStore(location);
  const units: Unit[] = [{ id: "90", name: "Tỉnh Thử Nghiệm", kind: "province", parentId: null }];
  for (let d = 0; d < 100; d++)
    units.push({
      id: `9${String(d).padStart(3, "0")}`,
      name: `Huyện ${d}`,
      kind: "district",
      parentId: "90",
    });
  for (let c = 0; c < COMMUNES; c++) {
    units.push({
      id: String(100_000 + c),
      name: `Xã Thử ${c}`,
      kind: "commune",
      parentId: `9${String(c % 100).padStart(3, "0")}`,
    });
  }
  await store.saveUnits(units);
  // The transaction that writes the rows (the store's saveReports), timed apart from the request.
  let transaction = 0;
  const saveReports = store.saveReports.bind(store);
  store.saveReports = async (reports, by) => {
    const start = performance.now();
    try {
      return await saveReports(reports, by);
    } finally {
      transaction += (performance.now() - start) / 1000;
    }
  };
  const actor = { userId: null, username: "bench", ip: null, at: new Date().toISOString() };
  await store.createUser(
    { username: "bench", role: "admin", unitId: null, passwordHash: await hashPassword("benchmark-only") },
    actor,
  );
  // A new deployment's admins sign in with a second factor: the benchmark's signs in with a password.
  await store.updateSecuritySettings({ secondFactorRoles: [] }, actor);

  const header = "mã đơn vị,ngày,dân số,tài khoản mức 2,có cả hai tài khoản,đã liên kết";
  const csv = `${[header, ...reportRows().map((r) => `${r.unitId},${r.date},${r.population},${r.level2},${r.dual},${r.linked}`)].join("\n")}\n`;

  const app = createApp({
    store,
    config: {
      homeUnit: "90",
      webDist: "/nonexistent",
      dataDir: join(PROJECT_ROOT, "data"),
      publicDashboard: true,
      cookieSecure: false,
      trustProxy: 0,
    },
  });
  const login = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "bench", password: "benchmark-only" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);

  async function post(query: string) {
    const form = new FormData();
    form.set("file", new File([csv], "tinh.csv", { type: "text/csv" }));
    const start = performance.now();
    const response = await app.request(`/api/imports${query}`, {
      method: "POST",
      headers: { cookie, origin: "http://localhost" },
      body: form,
    });
    const body = (await response.json()) as { summary?: unknown; error?: unknown };
    return { ms: performance.now() - start, status: response.status, summary: body.summary ?? body.error };
  }

  const dry = await post("?dryRun=true");
  const real = await post("");
  // A refused import is not a fast one.
  for (const [what, run] of [
    ["dry run", dry],
    ["write", real],
  ] as const)
    if (run.status !== 200)
      throw new Error(`the ${what} was refused: ${run.status} ${JSON.stringify(run.summary)}`);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  await store.close();
  const raw: Sql = target ? postgresSql(target.url, 1) : sqliteSql(openDatabase(location));
  const plain = await plainInsert(raw, reportRows(), false);
  const keyed = await plainInsert(raw, reportRows(), true);
  await raw.close();
  await target?.remove();
  rmSync(dir, { recursive: true, force: true });
  return {
    status: real.status,
    summary: real.summary,
    dry: dry.ms / 1000,
    write: real.ms / 1000,
    transaction,
    plain,
    keyed,
    peakMb: Math.round(peakRss / 1024 / 1024),
  };
}

const { values } = parseArgs({ options: { engine: { type: "string" }, json: { type: "boolean" } } });
const engine = parseEngine(values.engine);
const r = await benchImport(engine);
if (values.json) console.log(JSON.stringify(r));
else {
  console.log(
    `Import of ${COMMUNES * WEEKS} rows, in process, on ${engine === "pg" ? "PostgreSQL" : "file-backed SQLite"}:`,
  );
  console.log(
    `  dry run: ${r.dry.toFixed(2)} s; write: ${r.write.toFixed(2)} s (status ${r.status}) ${JSON.stringify(r.summary)}`,
  );
  console.log(
    `  plain insert of the same rows: ${r.plain.toFixed(2)} s (write / plain ${(r.write / r.plain).toFixed(1)}, budget 3); into a table with the reports table's keys, checks and foreign key: ${r.keyed.toFixed(2)} s`,
  );
  console.log(
    `  of the write, the transaction that writes the rows: ${r.transaction.toFixed(2)} s (${(r.transaction / r.plain).toFixed(1)} × the plain insert); the rest reads and checks the file`,
  );
  console.log(`  peak resident memory ${r.peakMb} MB (budget 500 MB)`);
}
