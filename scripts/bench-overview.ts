// Measures the read API on the demo data: server time in-process (p50/p95 over many requests),
// then a real server started as `npm run serve` would start it: resident memory and HTTP latency.
// Run: npm run bench
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../server/src/app.ts";
import { PROJECT_ROOT } from "../server/src/config.ts";
import { seedIfEmpty } from "../server/src/seed.ts";
import { openStore } from "../server/src/store/store.ts";
import { spawnServer } from "./spawn-server.ts";

const RUNS = 500;
const dir = mkdtempSync(join(tmpdir(), "vneid-bench-"));

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { p50: at(0.5).toFixed(3), p95: at(0.95).toFixed(3), max: at(1).toFixed(3) };
}

async function time(request: () => Promise<Response>) {
  for (let i = 0; i < 50; i++) await request(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const response = await request();
    await response.arrayBuffer();
    samples.push(performance.now() - start);
    if (!response.ok) throw new Error(`status ${response.status}`);
  }
  return percentiles(samples);
}

const paths = {
  "district overview (547, 29/06/2024)": "/api/overview?unit=547&date=2024-06-29",
  "province overview (52)": "/api/overview?unit=52",
  "commune overview (21850)": "/api/overview?unit=21850",
  "district series (547)": "/api/units/547/series",
};

const store = await openStore(join(dir, "bench.db"));
await seedIfEmpty(store, join(PROJECT_ROOT, "data"), { demoData: "tay-son-2024", homeUnit: null });
const app = createApp({
  store,
  config: {
    homeUnit: "547",
    webDist: "/nonexistent",
    dataDir: join(PROJECT_ROOT, "data"),
    publicDashboard: true,
    cookieSecure: false,
    trustProxy: 0,
  },
});
console.log(`In-process server time over ${RUNS} requests, ms (file-backed SQLite, demo data)`);
console.log("| request | p50 | p95 | max |\n|---|---|---|---|");
for (const [name, path] of Object.entries(paths)) {
  const t = await time(async () => app.request(path));
  console.log(`| ${name} | ${t.p50} | ${t.p95} | ${t.max} |`);
}
await store.close();

const server = await spawnServer();
const rssMb = () => {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  return (Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024).toFixed(1);
};
try {
  const afterStart = rssMb();
  const http = await time(() => fetch(`${server.baseUrl}${paths["district overview (547, 29/06/2024)"]}`));
  console.log(`\nReal server (node --import tsx server/src/index.ts), HTTP on loopback, ${RUNS} requests:`);
  console.log(`district overview round trip ms: p50 ${http.p50}, p95 ${http.p95}, max ${http.max}`);
  console.log(`resident memory: ${afterStart} MB after start, ${rssMb()} MB after ${RUNS + 50} requests`);
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
