// Imports 100,000 report rows (10,000 communes × 10 weeks) through the real endpoint, in process,
// on a file-backed database; prints the time of the dry run and of the write, and the peak resident
// memory. Run: npm run bench (or npx tsx scripts/bench-import.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../server/src/app.ts";
import { hashPassword } from "../server/src/auth/passwords.ts";
import { addDays } from "../server/src/domain/dates.ts";
import type { Unit } from "../server/src/domain/types.ts";
import { openStore } from "../server/src/store/store.ts";

const COMMUNES = 10_000;
const WEEKS = 10;
const dir = mkdtempSync(join(tmpdir(), "vneid-import-"));
const store = await openStore(join(dir, "bench.db"));
const units: Unit[] = [{ id: "90", name: "Tỉnh Thử Nghiệm", kind: "province", parentId: null }];
for (let d = 0; d < 100; d++)
  units.push({ id: `9${String(d).padStart(3, "0")}`, name: `Huyện ${d}`, kind: "district", parentId: "90" });
for (let c = 0; c < COMMUNES; c++) {
  units.push({
    id: String(100_000 + c),
    name: `Xã Thử ${c}`,
    kind: "commune",
    parentId: `9${String(c % 100).padStart(3, "0")}`,
  });
}
await store.saveUnits(units);
const actor = { userId: null, username: "bench", ip: null, at: new Date().toISOString() };
await store.createUser(
  { username: "bench", role: "admin", unitId: null, passwordHash: await hashPassword("benchmark-only") },
  actor,
);

const lines = ["mã đơn vị,ngày,dân số,tài khoản mức 2,có cả hai tài khoản,đã liên kết"];
for (let w = 0; w < WEEKS; w++) {
  const date = addDays("2024-02-03", 7 * w);
  for (let c = 0; c < COMMUNES; c++) {
    const level2 = 5000 + 150 * w + (c % 37);
    lines.push(
      `${100_000 + c},${date},8000,${level2},${Math.floor(level2 * 0.6)},${Math.floor(level2 * 0.3) + 10 * w}`,
    );
  }
}
const csv = `${lines.join("\n")}\n`;

const app = createApp({
  store,
  config: {
    homeUnit: "90",
    webDist: "/nonexistent",
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
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(
  `Import of ${COMMUNES * WEEKS} rows (${(csv.length / 1e6).toFixed(1)} MB CSV), in process, file-backed SQLite:`,
);
console.log(`  dry run: ${(dry.ms / 1000).toFixed(2)} s (status ${dry.status})`);
console.log(
  `  write:   ${(real.ms / 1000).toFixed(2)} s (status ${real.status}) ${JSON.stringify(real.summary)}`,
);
console.log(
  `  peak resident memory: ${(peakRss / 1024 / 1024).toFixed(0)} MB (budget 500 MB); budget 5 s for the write`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });
