// Measures what a user of the built web app waits for: the gzipped JavaScript of the first load and
// the Largest Contentful Paint of the overview in headless Chromium (Performance API), on the demo data.
// Run after `npm run build` (npm run bench does both).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "../web/e2e/browser.ts";
import { spawnServer } from "./spawn-server.ts";

const RUNS = 7;
const dist = resolve(import.meta.dirname, "../web/dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const firstLoad = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
const gzipKb = (file: string) => gzipSync(readFileSync(join(dist, file))).length / 1024;
const jsKb = firstLoad.reduce((sum, file) => sum + gzipKb(file), 0);
const allJs = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js")).length;
console.log(
  `first-load JavaScript: ${jsKb.toFixed(1)} KB gzipped in ${firstLoad.length} of ${allJs} files (budget 300 KB)`,
);

const server = await spawnServer();
const browser = await launchBrowser();
try {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`, { waitUntil: "networkidle" });
    await page.locator(".kpi-value").first().waitFor();
    const lcp = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            done(entries[entries.length - 1]?.startTime ?? -1);
          }).observe({ type: "largest-contentful-paint", buffered: true });
        }),
    );
    samples.push(lcp);
    await context.close();
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] as number;
  console.log(
    `overview Largest Contentful Paint over ${RUNS} cold loads: median ${median.toFixed(0)} ms, ` +
      `max ${(samples.at(-1) as number).toFixed(0)} ms (budget 1,500 ms)`,
  );
} finally {
  await browser.close();
  server.stop();
}
