// Kills the server with SIGKILL at random moments while it takes single reports and imports, restarts
// it, and checks that every acknowledged write is there, no import is half-applied and (SQLite) the
// database passes PRAGMA integrity_check. With --engine pg: three server processes under the
// supervisor on one PostgreSQL database; each round either kills a server process with SIGKILL (the
// supervisor starts it again) or stops PostgreSQL with `pg_ctl stop -m immediate` and starts it
// again, --kills of each. Run: npm run crash-test [-- --kills 50] [-- --engine pg --kills 20]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { addDays } from "../server/src/domain/dates.ts";
import { openStore } from "../server/src/store/store.ts";
import { parseEngine, postgresTarget } from "./engine-target.ts";
import { DEMO_COMMUNES, type RunningServer, signIn, spawnServer, untilHealthy } from "./spawn-server.ts";

const { values } = parseArgs({
  options: { kills: { type: "string", default: "50" }, seed: { type: "string" }, engine: { type: "string" } },
});
const KILLS = Number(values.kills);
const ENGINE = parseEngine(values.engine);
const WORKERS = 3;
let seed = Number(values.seed ?? Date.now() % 1_000_000);
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

interface Write {
  unitId: string;
  date: string;
  level2: number;
}

const dir = mkdtempSync(join(tmpdir(), "vneid-crash-"));
const databasePath = join(dir, "crash.db");
const acknowledged: Write[] = [];
const attemptedImports: string[] = [];
let singles = 0;
let imports = 0;
let cookie = "";

async function singleWrite(server: RunningServer, n: number) {
  const write = {
    unitId: DEMO_COMMUNES[n % DEMO_COMMUNES.length] as string,
    // 800 days after the deadline, then round again (the last acknowledged value of each is checked).
    date: addDays("2024-07-02", Math.floor(n / DEMO_COMMUNES.length) % 800),
    level2: 6000 + n,
  };
  const response = await fetch(`${server.baseUrl}/api/reports`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: server.baseUrl },
    body: JSON.stringify({ ...write, population: 20_000, dual: 3000, linked: 1000, confirm: true }),
  });
  if (response.status === 201 || response.status === 200) acknowledged.push(write);
  else throw new Error(`write refused: ${response.status} ${await response.text()}`);
}

async function importWeek(server: RunningServer, n: number) {
  const date = addDays("2026-01-01", n % 300);
  attemptedImports.push(date);
  const csv = [
    "unit_code,date,population,level2,dual,linked",
    ...DEMO_COMMUNES.map((u, i) => `${u},${date},20000,${7000 + i},3000,1000`),
  ].join("\n");
  const form = new FormData();
  form.set("file", new File([csv], "week.csv"));
  const response = await fetch(`${server.baseUrl}/api/imports?confirm=true`, {
    method: "POST",
    headers: { cookie, origin: server.baseUrl },
    body: form,
  });
  if (response.status !== 200) throw new Error(`import refused: ${response.status} ${await response.text()}`);
  for (const [i, unitId] of DEMO_COMMUNES.entries()) acknowledged.push({ unitId, date, level2: 7000 + i });
}

/** Keeps writing until the server dies under it; errors from the dying server are expected. */
async function workload(server: RunningServer, until: () => boolean) {
  const lanes = Array.from({ length: 4 }, async (_, lane) => {
    while (!until()) {
      try {
        if (lane === 0 && random() < 0.3) await importWeek(server, imports++);
        else await singleWrite(server, singles++);
      } catch (error) {
        if (!until()) throw error;
      }
    }
  });
  // A refusal while the server is up is a failure of the test, not noise.
  await Promise.all(lanes);
}

async function verify(): Promise<{ present: number; importsWhole: number }> {
  if (ENGINE === "sqlite") {
    const db = new Database(databasePath, { readonly: true });
    const check = db.pragma("integrity_check", { simple: true });
    db.close();
    if (check !== "ok") throw new Error(`integrity_check: ${check}`);
  }
  const store = await openStore(target?.url ?? databasePath);
  const reports = await store.reportsUpTo(DEMO_COMMUNES, "2099-12-31");
  await store.close();
  const stored = new Map(reports.map((r) => [`${r.unitId}/${r.date}`, r.level2]));
  const latest = new Map(acknowledged.map((w) => [`${w.unitId}/${w.date}`, w]));
  for (const write of latest.values()) {
    const level2 = stored.get(`${write.unitId}/${write.date}`);
    if (level2 !== write.level2)
      throw new Error(`acknowledged write lost: ${JSON.stringify(write)} → level2 ${level2}`);
  }
  for (const date of attemptedImports) {
    const rows = reports.filter((r) => r.date === date).length;
    if (rows !== 0 && rows !== DEMO_COMMUNES.length)
      throw new Error(`import of ${date} half-applied: ${rows} of ${DEMO_COMMUNES.length} rows`);
  }
  return { present: acknowledged.length, importsWhole: attemptedImports.length };
}

const target = ENGINE === "pg" ? await postgresTarget("vneid_crash") : null;
const started = performance.now();
const spawn = (port?: number) =>
  target
    ? spawnServer({ databaseUrl: target.url, workers: WORKERS, port })
    : spawnServer({ databasePath, port });
let server = await spawn();
const password = server.adminPassword;
if (!password) throw new Error("the first start printed no admin password");
const rounds = ENGINE === "pg" ? 2 * KILLS : KILLS;
const done = { workers: 0, database: 0 };
try {
  for (let round = 1; round <= rounds; round++) {
    cookie = await signIn(server.baseUrl, "admin", password);
    let dead = false;
    const running = workload(server, () => dead);
    await new Promise((done) => setTimeout(done, 100 + random() * 400));
    dead = true;
    if (!target) {
      await server.kill();
      await running;
      server = await spawn(Number(new URL(server.baseUrl).port));
      done.workers++;
    } else if (round % 2 === 1) {
      const pids = server.workerPids();
      const listened = server.listening();
      const alive = pids.filter((pid) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      });
      process.kill(alive[Math.floor(random() * alive.length)] as number, "SIGKILL");
      await running;
      // Until the new process listens: one starting while the database is down would exit and be retried.
      for (let i = 0; server.listening() === listened; i++) {
        if (i > 300) throw new Error("the supervisor did not start the killed process again");
        await new Promise((done) => setTimeout(done, 100));
      }
      done.workers++;
    } else {
      target.cluster?.crash();
      await running;
      target.cluster?.start();
      done.database++;
    }
    await untilHealthy(server.baseUrl);
    const { present, importsWhole } = await verify();
    if (round % 10 === 0 || round === rounds) {
      console.log(
        `round ${round}/${rounds}: ${present} acknowledged writes present, ${importsWhole} imports whole`,
      );
    }
  }
  console.log(
    `| engine | server kills | database stops | acknowledged writes | imports attempted | lost | half-applied | time |\n|---|---|---|---|---|---|---|---|\n` +
      `| ${ENGINE === "pg" ? `PostgreSQL, ${WORKERS} processes` : "SQLite"} | ${done.workers} | ${done.database} | ${acknowledged.length} | ${attemptedImports.length} | 0 | 0 | ${((performance.now() - started) / 1000).toFixed(0)} s |`,
  );
} finally {
  server.stop();
  await target?.remove();
  rmSync(dir, { recursive: true, force: true });
}
