// Load on the real server over loopback (autocannon): the district overview at 50 connections, then
// readers and writers together across the server processes, after which every acknowledged write
// must be in the database, and a write through one process must be seen through every other on the
// next read; and the reminders of a week asked through every process at once are each sent once.
// With --engine pg the same overview run on one SQLite process comes first, to compare.
// Run: npm run load-test [-- --engine pg --workers 3 --seconds 30]
import { request } from "node:http";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { addDays } from "../server/src/domain/dates.ts";
import { openStore } from "../server/src/store/store.ts";
import { startReceivers } from "../server/test/reminder-receivers.ts";
import { parseEngine, postgresTarget } from "./engine-target.ts";
import { DEMO_COMMUNES, type RunningServer, signIn, spawnServer } from "./spawn-server.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "30" },
    engine: { type: "string" },
    workers: { type: "string", default: "1" },
  },
});
const SECONDS = Number(values.seconds);
const ENGINE = parseEngine(values.engine);
const WORKERS = Number(values.workers);

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** A request on a connection of its own, so that the supervisor hands it to the next process. */
function fresh(
  server: RunningServer,
  path: string,
  init: { method?: string; cookie?: string; body?: unknown } = {},
): Promise<{ status: number; instance: string; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.baseUrl);
    const req = request(
      url,
      {
        method: init.method ?? "GET",
        agent: false,
        headers: {
          ...(init.cookie ? { cookie: init.cookie } : {}),
          ...(init.body ? { "content-type": "application/json" } : {}),
        },
      },
      (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, instance: String(res.headers["x-instance"]), body }),
        );
      },
    );
    req.on("error", reject);
    req.end(init.body ? JSON.stringify(init.body) : undefined);
  });
}

const row = (name: string, r: autocannon.Result) =>
  `| ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p97_5} | ${r.latency.p99} | ${r.errors + r.timeouts + r.non2xx} |`;
const overviewLoad = (server: RunningServer) =>
  run({ url: `${server.baseUrl}/api/overview?unit=547&date=2024-06-29`, connections: 50, duration: SECONDS });

let failed = false;
const label = `${ENGINE === "pg" ? "PostgreSQL" : "SQLite"}, ${WORKERS} process${WORKERS > 1 ? "es" : ""}`;
console.log(`Load on the demo data over loopback, ${SECONDS} s each`);
console.log(
  "| run | requests/s | p50 ms | p97.5 ms | p99 ms | errors + non-2xx |\n|---|---|---|---|---|---|",
);

if (ENGINE === "pg") {
  const baseline = await spawnServer();
  try {
    const reads = await overviewLoad(baseline);
    console.log(row("district overview, 50 connections (SQLite, 1 process)", reads));
    failed ||= reads.errors + reads.non2xx > 0;
  } finally {
    baseline.stop();
  }
}

const target = ENGINE === "pg" ? await postgresTarget("vneid_load") : null;
// The reminders' webhook goes to a receiver of this script's own, which checks each signature.
const receivers = await startReceivers();
const server = await spawnServer({
  databaseUrl: target?.url,
  workers: WORKERS > 1 ? WORKERS : undefined,
  env: { REMINDER_WEBHOOK_URL: receivers.webhookUrl, REMINDER_WEBHOOK_SECRET: receivers.secret },
});
try {
  const cookie = await signIn(server.baseUrl, "admin", server.adminPassword ?? "");
  // The directive's figure, through every process.
  const directive = new Map<string, string>();
  for (let i = 0; i < 20 * WORKERS && directive.size < WORKERS; i++) {
    const read = await fresh(server, "/api/overview?unit=547&date=2024-02-03");
    directive.set(read.instance, JSON.parse(read.body).coverage.percent);
  }
  console.log(
    `Coverage of Huyện Tây Sơn on 03/02/2024 through each process: ${[...directive.values()].join(", ")}`,
  );
  failed ||= directive.size < WORKERS || [...directive.values()].some((percent) => percent !== "65.68");

  // Reminders asked through every process at once (docs/reminders.md): no commune has reported week
  // 27 of 2024, so each commune's account gets one message, whichever processes decide and send it.
  for (const [i, unitId] of DEMO_COMMUNES.entries()) {
    const made = await fresh(server, "/api/users", {
      method: "POST",
      cookie,
      body: {
        username: `nhac-${unitId}`,
        role: "commune",
        unitId,
        password: "nhắc báo cáo xã đúng hạn 2024",
        phone: `0912 000 ${String(i).padStart(3, "0")}`,
        reminderChannel: "webhook",
      },
    });
    if (made.status !== 201) throw new Error(`account for ${unitId}: ${made.status} ${made.body}`);
  }
  const asked = await Promise.all(
    Array.from({ length: 3 * WORKERS }, () =>
      fresh(server, "/api/reminders", { method: "POST", cookie, body: { week: "2024-W27" } }),
    ),
  );
  for (let waited = 0; receivers.hooks.length < DEMO_COMMUNES.length && waited < 60_000; waited += 200)
    await new Promise((resolve) => setTimeout(resolve, 200));
  // Time for a message sent twice to arrive.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const reminded = receivers.hooks.map((hook) => (hook.body.unit as { id: string }).id);
  const twice = reminded.length - new Set(reminded).size;
  const unsigned = receivers.hooks.filter((hook) => !hook.signed).length;
  console.log(
    `Reminders of week 27/2024 asked ${asked.length} times at once through ${new Set(asked.map((a) => a.instance)).size} processes: ` +
      `${reminded.length} messages for ${DEMO_COMMUNES.length} communes, ${twice} sent twice, ${unsigned} unsigned.`,
  );
  failed ||=
    asked.some((a) => a.status !== 201) ||
    new Set(reminded).size !== DEMO_COMMUNES.length ||
    twice > 0 ||
    unsigned > 0;
  const reads = await overviewLoad(server);
  console.log(row(`district overview, 50 connections (${label})`, reads));

  // Readers and writers together; writers on fresh connections, so spread over every process.
  const acknowledged: { unitId: string; date: string; level2: number }[] = [];
  const refused: string[] = [];
  let n = 0;
  let writing = true;
  const write = async (k: number) => {
    const report = {
      unitId: DEMO_COMMUNES[k % DEMO_COMMUNES.length] as string,
      date: addDays("2024-07-02", Math.floor(k / DEMO_COMMUNES.length)),
      level2: 5000 + k,
    };
    const response = await fresh(server, "/api/reports", {
      method: "POST",
      cookie,
      body: { ...report, population: 20_000, dual: 3000, linked: 1000, confirm: true },
    });
    if (response.status === 201 || response.status === 200) acknowledged.push(report);
    else refused.push(`${response.status} ${response.body}`);
    return { report, instance: response.instance };
  };
  const writers = Array.from({ length: 4 }, async () => {
    while (writing) await write(n++);
  });
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
  console.log(
    row(`readers (overview, series, suggestions), 40 connections, with 4 writers (${label})`, mixed),
  );

  // A write through one process, then a read through each process: every one must show it.
  let stale = 0;
  let crossChecks = 0;
  for (let i = 0; i < 10; i++) {
    const { report } = await write(n++);
    const seen = new Set<string>();
    for (let tries = 0; seen.size < WORKERS && tries < 20 * WORKERS; tries++) {
      const read = await fresh(server, `/api/overview?unit=${report.unitId}&date=${report.date}`);
      if (seen.has(read.instance)) continue;
      seen.add(read.instance);
      crossChecks++;
      if (JSON.parse(read.body).figures.level2 !== report.level2) stale++;
    }
  }

  const store = await openStore(target?.url ?? server.databasePath);
  const stored = new Map(
    (await store.reportsUpTo(DEMO_COMMUNES, "2099-12-31")).map((r) => [`${r.unitId}/${r.date}`, r.level2]),
  );
  await store.close();
  const lost = acknowledged.filter((w) => stored.get(`${w.unitId}/${w.date}`) !== w.level2);
  console.log(
    `\nWrites during the mixed run: ${acknowledged.length} acknowledged, ${refused.length} refused, ${lost.length} lost.` +
      (refused.length > 0 ? ` First refusal: ${refused[0]}` : ""),
  );
  console.log(
    `Reads right after a write, each through a process: ${crossChecks} (${new Set(server.workerPids()).size} processes), ${stale} stale.`,
  );
  failed ||=
    lost.length > 0 ||
    refused.length > 0 ||
    stale > 0 ||
    mixed.non2xx + mixed.errors > 0 ||
    reads.non2xx + reads.errors > 0;
} finally {
  server.stop();
  await receivers.close();
  await target?.remove();
}
if (failed) process.exitCode = 1;
