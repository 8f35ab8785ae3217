// Kills the server with SIGKILL at random moments while it takes single reports and imports, restarts
// it, and checks that every acknowledged write is there, no import is half-applied and the database
// passes PRAGMA integrity_check. Run: npm run crash-test [-- --kills 50]   (CI runs --kills 10)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { addDays } from "../server/src/domain/dates.ts";
import { DEMO_COMMUNES, type RunningServer, signIn, spawnServer } from "./spawn-server.ts";

const { values } = parseArgs({
  options: { kills: { type: "string", default: "50" }, seed: { type: "string" } },
});
const KILLS = Number(values.kills);
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
    date: addDays("2020-01-01", Math.floor(n / DEMO_COMMUNES.length)),
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
  const date = addDays("2025-01-01", n);
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
  await Promise.allSettled(lanes);
}

function verify(): { present: number; importsWhole: number } {
  const db = new Database(databasePath, { readonly: true });
  try {
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`integrity_check: ${check}`);
    const find = db.prepare<[string, string], { level2: number }>(
      "SELECT level2 FROM reports WHERE unit_id = ? AND date = ?",
    );
    for (const write of acknowledged) {
      const row = find.get(write.unitId, write.date);
      if (!row || row.level2 !== write.level2)
        throw new Error(`acknowledged write lost: ${JSON.stringify(write)} → ${JSON.stringify(row)}`);
    }
    const count = db.prepare<[string], number>("SELECT count(*) FROM reports WHERE date = ?").pluck();
    for (const date of attemptedImports) {
      const rows = count.get(date) as number;
      if (rows !== 0 && rows !== DEMO_COMMUNES.length)
        throw new Error(`import of ${date} half-applied: ${rows} of ${DEMO_COMMUNES.length} rows`);
    }
    return { present: acknowledged.length, importsWhole: attemptedImports.length };
  } finally {
    db.close();
  }
}

const started = performance.now();
let server = await spawnServer({ databasePath });
const password = server.adminPassword;
if (!password) throw new Error("the first start printed no admin password");
try {
  for (let kill = 1; kill <= KILLS; kill++) {
    cookie = await signIn(server.baseUrl, "admin", password);
    let dead = false;
    const running = workload(server, () => dead);
    await new Promise((done) => setTimeout(done, 100 + random() * 400));
    dead = true;
    await server.kill();
    await running;
    server = await spawnServer({ databasePath, port: Number(new URL(server.baseUrl).port) });
    const { present, importsWhole } = verify();
    if (kill % 10 === 0 || kill === KILLS) {
      console.log(
        `kill ${kill}/${KILLS}: ${present} acknowledged writes present, ${importsWhole} imports whole, integrity ok`,
      );
    }
  }
  console.log(
    `| kills | acknowledged writes | imports attempted | lost | half-applied | integrity | time |\n|---|---|---|---|---|---|---|\n` +
      `| ${KILLS} | ${acknowledged.length} | ${attemptedImports.length} | 0 | 0 | ok | ${((performance.now() - started) / 1000).toFixed(0)} s |`,
  );
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
