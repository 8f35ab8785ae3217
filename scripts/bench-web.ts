// What a user of the built web app waits for, on a phone over a rural mobile link: the overview's
// Largest Contentful Paint, when it becomes interactive, and the bytes on the wire, on a first visit
// (empty cache) and a return visit (same browser: the installed app shell and the last figures on
// the device), in headless Chromium at 390 px with the network throttled to 1.6 Mbps down, 750 kbps
// up, 150 ms round trip, and the CPU slowed 4×; for the district demo and a province of 135
// communes. Also the first-load JavaScript, gzipped. Run after `npm run build` (npm run bench does both).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { launchBrowser } from "../web/e2e/browser.ts";
import { spawnServer } from "./spawn-server.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dist = resolve(import.meta.dirname, "../web/dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const firstLoad = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
const jsKb = firstLoad.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length / 1024, 0);
console.log(
  `first-load JavaScript: ${jsKb.toFixed(1)} KB gzipped in ${firstLoad.length} files (budget 300 KB)`,
);

/** A slow phone: the network and CPU throttled through the DevTools protocol. */
async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1_000_000) / 8,
    uploadThroughput: (750 * 1_000) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  return { bytes: () => bytes };
}

/** As Lighthouse's Time to Interactive: the end of the last long task before five quiet seconds. */
const QUIET_MS = 5000;

interface Visit {
  lcp: number;
  interactive: number;
}

async function visit(page: Page, url: string): Promise<Visit> {
  await page.goto(url, { waitUntil: "networkidle" });
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
  const interactive = await page.evaluate(async (quiet) => {
    // Chromium keeps the page's long tasks from its start: the observer gets them all.
    const tasks: [number, number][] = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.startTime + entry.duration]);
    }).observe({ type: "longtask", buffered: true });
    const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    while (performance.now() - Math.max(paint, ...tasks.map(([, end]) => end)) < quiet)
      await new Promise((wait) => setTimeout(wait, 250));
    let ready = paint;
    for (const [start, end] of [...tasks].sort((a, b) => a[0] - b[0])) {
      if (start - ready >= quiet) break;
      ready = Math.max(ready, end);
    }
    return ready;
  }, QUIET_MS);
  return { lcp, interactive };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** First and return visits of one demo's overview, RUNS times, each in a new browser profile. */
async function measure(demo: "tay-son-2024" | "gia-lai-2025") {
  const server = await spawnServer({ env: { DEMO_DATA: demo } });
  const browser = await launchBrowser();
  try {
    const cold: Visit[] = [];
    const warm: Visit[] = [];
    const coldBytes: number[] = [];
    const warmBytes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
      const page = await context.newPage();
      const counter = await throttle(page);
      cold.push(await visit(page, `${server.baseUrl}/`));
      coldBytes.push(counter.bytes());
      // The return visit: the user leaves the app and opens it again in the same browser: the
      // service worker's app shell and the figures kept on the device (docs/offline.md) paint
      // before the network answers. Once the app is installed and the page has kept its copy for
      // the next visit (lib/kept-paint.ts: when the phone is idle); the first tab is closed, as a
      // phone's is when its user comes back later (left open beside the new one, idle, it measured
      // ~150 ms slower on these two cores: docs/benchmarks.md).
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => localStorage.getItem("kept-paint") !== null, null, {
        timeout: 15_000,
      });
      await page.close();
      const again = await context.newPage();
      const againCounter = await throttle(again);
      warm.push(await visit(again, `${server.baseUrl}/`));
      warmBytes.push(againCounter.bytes());
      await context.close();
    }
    const ms = (visits: Visit[], key: keyof Visit) => `${median(visits.map((v) => v[key])).toFixed(0)} ms`;
    const kb = (bytes: number[]) => `${(median(bytes) / 1024).toFixed(0)} KB`;
    console.log(
      `${demo} overview on a throttled phone (1.6 Mbps, 150 ms, 4× CPU), median of ${RUNS}: ` +
        `first visit LCP ${ms(cold, "lcp")}, interactive ${ms(cold, "interactive")}, ${kb(coldBytes)} transferred; ` +
        `return visit LCP ${ms(warm, "lcp")}, interactive ${ms(warm, "interactive")}, ${kb(warmBytes)} transferred`,
    );
  } finally {
    await browser.close();
    server.stop();
  }
}

// The district of the directive, then a province of the 2025 map (135 communes).
await measure("tay-son-2024");
await measure("gia-lai-2025");
console.log(
  "budgets: first visit LCP 2,500 ms, 350 KB; return visit LCP 500 ms; the province interactive 2,500 ms first, 500 ms return",
);
