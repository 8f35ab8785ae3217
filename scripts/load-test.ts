// Load on the real server over loopback (autocannon): the district overview at 50 connections for
// 30 s, then readers and writers together, after which every acknowledged write must be in the
// database and no client may have seen a busy error. Run: npm run load-test [-- --seconds 30]
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { addDays } from "../server/src/domain/dates.ts";
import { DEMO_COMMUNES, signIn, spawnServer } from "./spawn-server.ts";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "30" } } });
const SECONDS = Number(values.seconds);

const server = await spawnServer();

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const row = (name: string, r: autocannon.Result) =>
  `| ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p97_5} | ${r.latency.p99} | ${r.errors + r.timeouts + r.non2xx} |`;

try {
  const cookie = await signIn(server.baseUrl, "admin", server.adminPassword ?? "");

  console.log(`Load on ${server.baseUrl} (demo data), ${SECONDS} s each`);
  console.log(
    "| run | requests/s | p50 ms | p97.5 ms | p99 ms | errors + non-2xx |\n|---|---|---|---|---|---|",
  );
  const reads = await run({
    url: `${server.baseUrl}/api/overview?unit=547&date=2024-06-29`,
    connections: 50,
    duration: SECONDS,
  });
  console.log(row("district overview, 50 connections", reads));

  // Readers and writers together: every acknowledged write is remembered and checked afterwards.
  const acknowledged: { unitId: string; date: string; level2: number }[] = [];
  const refused: string[] = [];
  let n = 0;
  let writing = true;
  const writer = async () => {
    while (writing) {
      const k = n++;
      const write = {
        unitId: DEMO_COMMUNES[k % DEMO_COMMUNES.length] as string,
        date: addDays("2022-01-01", Math.floor(k / DEMO_COMMUNES.length)),
        level2: 5000 + k,
      };
      const response = await fetch(`${server.baseUrl}/api/reports`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ ...write, population: 20_000, dual: 3000, linked: 1000, confirm: true }),
      });
      if (response.status === 201 || response.status === 200) acknowledged.push(write);
      else refused.push(`${response.status} ${await response.text()}`);
    }
  };
  const writers = Array.from({ length: 4 }, writer);
  const mixed = await run({
    connections: 40,
    duration: Math.max(5, Math.round(SECONDS / 2)),
    requests: [
      { path: "/api/overview?unit=547" },
      { path: "/api/units/21850/series" },
      { path: "/api/drives/suggestions" },
    ],
    url: server.baseUrl,
  });
  writing = false;
  await Promise.all(writers);
  console.log(row("readers (overview, series, suggestions), 40 connections, with 4 writers", mixed));

  const db = new Database(server.databasePath, { readonly: true });
  const find = db.prepare<[string, string], { level2: number }>(
    "SELECT level2 FROM reports WHERE unit_id = ? AND date = ?",
  );
  const lost = acknowledged.filter((w) => find.get(w.unitId, w.date)?.level2 !== w.level2);
  db.close();
  console.log(
    `\nWrites during the mixed run: ${acknowledged.length} acknowledged, ${refused.length} refused, ${lost.length} lost.` +
      (refused.length > 0 ? ` First refusal: ${refused[0]}` : ""),
  );
  if (
    lost.length > 0 ||
    refused.length > 0 ||
    mixed.non2xx + mixed.errors > 0 ||
    reads.non2xx + reads.errors > 0
  ) {
    process.exitCode = 1;
  }
} finally {
  server.stop();
}
