// Replays the attacks of the security review against a fresh server on loopback, one after the
// other, and prints one line per attack with its outcome, the slowest /api/health answer during it
// and the server's largest resident memory. Passes when every attack is refused as it should be,
// health always answers within 1 s (or 3 times the wait behind as many harmless requests, when this
// machine is that busy), the server stays under 600 MB and never dies.
//   npm run attack-test [-- --short]   (--short: smaller files, for CI)
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { catalogueAt } from "../server/src/catalogue/catalogue.ts";
import { manyRowsXlsx, oneCellLinesCsv, sharedStringsBomb, zipBomb } from "../server/test/hostile-files.ts";
import { signIn, spawnServer } from "./spawn-server.ts";

const { values } = parseArgs({ options: { short: { type: "boolean", default: false } } });
const short = values.short as boolean;
const HEALTH_LIMIT_MS = 1000;
const RSS_LIMIT_MB = 600;

/**
 * The probe runs in its own thread, so that what this script does to send an attack (building a
 * multipart body) never shows as a slow answer of the server.
 */
const PROBE = `
const { parentPort, workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
let slowest = 0, peakKb = 0, failures = 0, running = true;
parentPort.on("message", () => { running = false; });
(async () => {
  while (running) {
    const started = Date.now();
    const ok = await fetch(workerData.url, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
    slowest = Math.max(slowest, Date.now() - started);
    if (!ok) failures++;
    try {
      const status = readFileSync("/proc/" + workerData.pid + "/status", "utf8");
      peakKb = Math.max(peakKb, Number((/VmRSS:\\s+(\\d+) kB/.exec(status) || [0, 0])[1]));
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  parentPort.postMessage({ slowest, peakMb: peakKb / 1024, failures });
})();
`;

// TRUST_PROXY=1: the attacks choose their address in X-Forwarded-For, as clients behind a proxy would.
const server = await spawnServer({ env: { TRUST_PROXY: "1" } });
process.on("exit", () => server.stop());
const base = server.baseUrl;
const from = (address: string) => ({ "x-forwarded-for": address });
const admin = await signIn(base, "admin", server.adminPassword ?? "");
const COMMUNE_PASSWORD = "ruộng lúa xanh mướt";
await post(
  "/api/users",
  { username: "tay-phu", role: "commune", unitId: "21850", password: COMMUNE_PASSWORD },
  admin,
);
await post("/api/users", { username: "canbo", role: "viewer", password: COMMUNE_PASSWORD }, admin);
const commune = await signIn(base, "tay-phu", COMMUNE_PASSWORD);

const floor = await floodFloor();
const healthLimitMs = Math.max(HEALTH_LIMIT_MS, 3 * floor);
console.log(
  `floor: /api/health at most ${floor} ms behind 300 harmless requests; an attack may make it wait up to ${healthLimitMs} ms`,
);

// Built before any attack starts: building them blocks this process, which would slow the health probe.
const bomb = zipBomb(short ? 70 : 80);
const lines = oneCellLinesCsv(short ? 1_000_000 : 5_000_000);
const rowsXlsx = manyRowsXlsx(short ? 300_000 : 1_000_000);
const strings = sharedStringsBomb(short ? 1_000_000 : 5_000_000);
const BOUNDARY_POINTS = short ? 400_000 : 1_200_000; // the long run: near the 10 MB upload limit, not past it
const TAY_SON = catalogueAt(join(import.meta.dirname, "../data"))
  .children("2024", "547")
  .map((u) => u.code);
const heavyShapes = new TextEncoder().encode(heavyBoundaries(TAY_SON, BOUNDARY_POINTS));
const arrayBomb = new TextEncoder().encode(
  `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"21808"},"geometry":{"type":"Polygon","coordinates":${"[".repeat(500_000)}1,1${"]".repeat(500_000)}}}]}`,
);

let passed = 0;
let failed = 0;
const results: string[] = [];

await attack("two 80 MB zip bombs at once, from a commune account", async () => {
  const answers = await Promise.all([
    upload("bomb1.xlsx", bomb, commune),
    upload("bomb2.xlsx", bomb, commune),
  ]);
  return check(
    answers.every((a) => a.status === 413 && a.code === "IMPORT_TOO_LARGE"),
    `${(bomb.length / 1024).toFixed(0)} KB each → ${answers.map((a) => `${a.status} ${a.code}`).join(", ")}`,
  );
});

await attack(`a CSV of ${short ? "1,000,000" : "5,000,000"} one-cell lines`, async () => {
  const answer = await upload("lines.csv", lines, commune);
  return check(
    answer.status === 413,
    `${(lines.length / 1e6).toFixed(1)} MB → ${answer.status} ${answer.code}`,
  );
});

await attack(`an XLSX of ${short ? "300,000" : "1,000,000"} rows`, async () => {
  const answer = await upload("rows.xlsx", rowsXlsx, commune);
  return check(
    answer.status === 413,
    `${(rowsXlsx.length / 1e6).toFixed(1)} MB → ${answer.status} ${answer.code}`,
  );
});

await attack("5,000,000 shared strings in a small workbook", async () => {
  const answer = await upload("strings.xlsx", strings, commune);
  return check(
    answer.status === 413,
    `${(strings.length / 1e3).toFixed(0)} KB → ${answer.status} ${answer.code}`,
  );
});

await attack("40 guesses of admin's password sent at once from one address", async () => {
  const guesses = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      post(
        "/api/auth/login",
        { username: "admin", password: `guess number ${i}` },
        undefined,
        from("198.51.100.7"),
      ),
    ),
  );
  const checked = guesses.filter((g) => g.status !== 429).length;
  return check(checked <= 5, `${checked} checked, ${40 - checked} refused with 429`);
});

const FLOOD = short ? 100 : 200;
await attack(`${FLOOD} sign-ins at once, then a genuine one`, async () => {
  const flood = Promise.all(
    Array.from({ length: FLOOD }, (_, i) =>
      post(
        "/api/auth/login",
        { username: `user${i}`, password: "wrong password" },
        undefined,
        from(`203.0.113.${i % 250}`),
      ),
    ),
  );
  const started = Date.now();
  const genuine = await post(
    "/api/auth/login",
    { username: "canbo", password: COMMUNE_PASSWORD },
    undefined,
    from("192.0.2.10"),
  );
  const waited = Date.now() - started;
  const answers = await flood;
  const busy = answers.filter((a) => a.code === "SIGN_IN_BUSY").length;
  // Asked to come back in a few seconds while the queue is full, the genuine user then gets in.
  const retry =
    genuine.status === 200
      ? genuine
      : await post(
          "/api/auth/login",
          { username: "canbo", password: COMMUNE_PASSWORD },
          undefined,
          from("192.0.2.10"),
        );
  return check(
    waited < healthLimitMs && retry.status === 200,
    `the genuine sign-in answered ${genuine.status}${genuine.code ? ` ${genuine.code}` : ""} in ${waited} ms, then ${retry.status}; ${busy} of the flood got 429 SIGN_IN_BUSY`,
  );
});

await attack("5 wrong passwords for admin from elsewhere, then the real admin", async () => {
  for (let i = 0; i < 5; i++)
    await post(
      "/api/auth/login",
      { username: "admin", password: `wrong ${i}` },
      undefined,
      from("198.51.100.99"),
    );
  const real = await post(
    "/api/auth/login",
    { username: "admin", password: server.adminPassword },
    undefined,
    from("192.0.2.1"),
  );
  return check(real.status === 200, `the real admin from another address: ${real.status}`);
});

await attack("a client writing its own X-Forwarded-For to dodge the throttle", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const spoof = { "x-forwarded-for": `10.${i}.0.1, 198.51.100.50` };
    statuses.push(
      (await post("/api/auth/login", { username: "canbo", password: `wrong ${i}` }, undefined, spoof)).status,
    );
  }
  const refused = statuses.filter((s) => s === 429).length;
  return check(
    refused >= 3,
    `${refused} of 8 refused (the address taken is the proxy's hop, not the leftmost)`,
  );
});

await attack("drive notes that run as formulas when the CSV is opened with ';'", async () => {
  const notes = ["Thôn 1;=1+1", '=HYPERLINK("http://example.invalid","x")', "ghi chú\n=1+1"];
  const planted: number[] = [];
  for (const note of notes) {
    const answer = await post(
      "/api/drives",
      {
        unitId: "21850",
        villageId: null,
        date: "2024-06-20",
        startTime: null,
        endTime: null,
        team: note,
        planned: 5,
        status: "done",
        registrations: 4,
        linked: 1,
        notes: note,
      },
      admin,
    );
    planted.push(answer.status);
  }
  const csv = await (await fetch(`${base}/api/exports/drives.csv`, { headers: { cookie: admin } })).text();
  const cells = csv.split(/[;,\n\r]/).map((c) => c.replace(/^"/, "").trim());
  const runnable = cells.filter((c) => /^[=+@]/.test(c));
  return check(
    planted.every((s) => s === 201) && runnable.length === 0,
    `${planted.filter((s) => s === 201).length} of 3 drives planted; ${runnable.length} cells start with a formula sign, however the file is split`,
  );
});

await attack("implausible figures: 2^53−1 people, a report of year 100, with confirm", async () => {
  const huge = await post(
    "/api/reports",
    {
      unitId: "21850",
      date: "2024-06-30",
      population: 2 ** 53 - 1,
      level2: 2 ** 53 - 1,
      dual: 0,
      linked: 0,
      confirm: true,
    },
    commune,
  );
  const old = await post(
    "/api/reports",
    {
      unitId: "21850",
      date: "0100-01-01",
      population: 7564,
      level2: 6000,
      dual: 3000,
      linked: 2000,
      confirm: true,
    },
    commune,
  );
  return check(huge.status === 422 && old.status === 422, `${huge.code}, ${old.code}`);
});

await attack("the history export: anonymous, then 5 at once from one account", async () => {
  const anonymous = (await fetch(`${base}/api/exports/history.csv`)).status;
  const answers = await Promise.all(
    Array.from({ length: 5 }, () =>
      fetch(`${base}/api/exports/history.csv`, { headers: { cookie: commune } }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      }),
    ),
  );
  const limited = answers.filter((s) => s === 429).length;
  return check(
    anonymous === 401 && limited === 2,
    `anonymous ${anonymous}; ${limited} of 5 refused with 429`,
  );
});

await attack("a series from 0100-01-01 to 9999-12-31", async () => {
  const status = (await fetch(`${base}/api/units/547/series?from=0100-01-01&to=9999-12-31`)).status;
  return check(status === 400, `${status}`);
});

await attack("300 anonymous wrong sign-ins: audited once, not 300 times", async () => {
  const before = await auditCount("login_throttled");
  await Promise.all(
    Array.from({ length: 300 }, (_, i) =>
      post("/api/auth/login", { username: "admin", password: `x${i}` }, undefined, from("198.51.100.200")),
    ),
  );
  const added = (await auditCount("login_throttled")) - before;
  return check(added <= 2, `${added} throttle entries in the audit log`);
});

await attack("drive teams and notes without signing in", async () => {
  const drives = (await (await fetch(`${base}/api/drives?unit=21850`)).json()).drives as {
    team: string;
    notes: string;
  }[];
  const shown = drives.filter((d) => d.team || d.notes).length;
  return check(shown === 0, `${shown} of ${drives.length} drives show a team or notes`);
});

await attack(
  `boundaries of ${BOUNDARY_POINTS.toLocaleString("en")} points, then 30 anonymous readers at once`,
  async () => {
    const uploaded = await upload(
      "heavy.geojson",
      heavyShapes,
      admin,
      "/api/area/boundaries?date=2024-06-29",
    );
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        fetch(`${base}/api/area/boundaries?date=2024-06-29`, { headers: { "accept-encoding": "gzip" } }).then(
          async (r) => {
            await r.arrayBuffer();
            return r.status;
          },
        ),
      ),
    );
    return check(
      uploaded.status === 201 && answers.every((s) => s === 200),
      `${(heavyShapes.length / 1e6).toFixed(1)} MB → ${uploaded.status}; 30 readers answered ${answers.filter((s) => s === 200).length} × 200 in ${Date.now() - started} ms`,
    );
  },
);

await attack("a nested-array bomb and duplicate codes in a boundaries upload", async () => {
  const bombAnswer = await upload("bomb.geojson", arrayBomb, admin, "/api/area/boundaries?date=2024-06-29");
  const twice = new TextEncoder().encode(heavyBoundaries(["21808", "21808"], 10));
  const duplicate = await upload("twice.geojson", twice, admin, "/api/area/boundaries?date=2024-06-29");
  return check(
    bombAnswer.code === "BOUNDARIES_INVALID" && duplicate.code === "BOUNDARIES_INVALID",
    `${bombAnswer.status} ${bombAnswer.code}, ${duplicate.status} ${duplicate.code}`,
  );
});

// The catalogue is read on first use (about 0.3 s, once per process): asked once before, so that the
// attack measures the searches themselves.
await fetch(`${base}/api/catalogue?q=gia`).then((r) => r.arrayBuffer());
await attack("200 one-letter catalogue searches at once", async () => {
  const answers = await Promise.all(
    Array.from({ length: 200 }, () =>
      fetch(`${base}/api/catalogue?q=a`).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      }),
    ),
  );
  return check(
    answers.every((s) => s === 200),
    `${answers.filter((s) => s === 200).length} of 200 answered`,
  );
});

server.stop();
console.log(results.join("\n"));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

// ---

type Answer = { status: number; code: string | null };

/** Runs `work` while the probe asks /api/health every 100 ms and reads the server's memory. */
async function probed<T>(work: () => Promise<T>) {
  const probe = new Worker(PROBE, { eval: true, workerData: { url: `${base}/api/health`, pid: server.pid } });
  const measured = new Promise<{ slowest: number; peakMb: number; failures: number }>((resolve) =>
    probe.once("message", resolve),
  );
  const result = await work().finally(() => probe.postMessage("stop"));
  const health = await measured;
  await probe.terminate();
  return { result, ...health };
}

/**
 * The slowest /api/health answer behind a flood of harmless requests as large as the largest attack
 * (300 at once), on this machine now: health waits its turn behind a flood whatever the flood is,
 * and on a busy 2-core machine that wait alone can near a second. An attack fails when health is
 * slower than both the second and three times this.
 */
async function floodFloor(): Promise<number> {
  let slowest = 0;
  for (let round = 0; round < 3; round++) {
    const measured = await probed(() =>
      Promise.all(
        Array.from({ length: 300 }, () => fetch(`${base}/api/health`).then((r) => r.arrayBuffer())),
      ),
    );
    slowest = Math.max(slowest, measured.slowest);
  }
  return slowest;
}

async function attack(name: string, run: () => Promise<{ ok: boolean; outcome: string }>) {
  const { result, slowest, peakMb, failures } = await probed(() =>
    run().catch((error: Error) => ({ ok: false, outcome: `threw ${error.message}` })),
  );
  const alive = processAlive();
  const ok = result.ok && alive && failures === 0 && slowest < healthLimitMs && peakMb < RSS_LIMIT_MB;
  if (ok) passed++;
  else failed++;
  const line = `${ok ? "ok  " : "FAIL"} ${name}: ${result.outcome}; /api/health at most ${slowest} ms; resident at most ${peakMb.toFixed(0)} MB${alive ? "" : "; THE SERVER DIED"}`;
  console.log(line);
  results.push(line);
}

function check(ok: boolean, outcome: string) {
  return { ok, outcome };
}

function processAlive(): boolean {
  try {
    process.kill(server.pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function post(
  path: string,
  body: unknown,
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
  return { status: response.status, code: json?.error?.code ?? null };
}

async function upload(
  name: string,
  bytes: Uint8Array,
  cookie: string,
  path = "/api/imports?dryRun=true",
): Promise<Answer> {
  const form = new FormData();
  form.set("file", new File([Uint8Array.from(bytes)], name));
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { origin: base, cookie },
    body: form,
  });
  const json = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
  return { status: response.status, code: json?.error?.code ?? null };
}

async function auditCount(action: string): Promise<number> {
  const response = await fetch(`${base}/api/audit?action=${action}&limit=1000`, {
    headers: { cookie: admin },
  });
  return ((await response.json()) as { entries: unknown[] }).entries.length;
}

/** A GeoJSON file of these codes' squares with `points` positions in all, written as short as they come. */
function heavyBoundaries(codes: readonly string[], points: number): string {
  const each = Math.max(4, Math.floor(points / codes.length));
  const ring = `[${Array.from({ length: each }, (_, i) => `[${(i % 90) + 1},${(i % 45) + 1}]`).join(",")}]`;
  const features = codes.map(
    (code) =>
      `{"type":"Feature","properties":{"code":"${code}"},"geometry":{"type":"Polygon","coordinates":[${ring}]}}`,
  );
  return `{"type":"FeatureCollection","features":[${features.join(",")}]}`;
}
