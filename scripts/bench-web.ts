// What a user of the built web app waits for, on a phone over a rural mobile link: the overview's
// Largest Contentful Paint and the bytes on the wire, on a first visit (empty cache) and a return
// visit (same browser: the installed app shell and the last figures on the device), in headless Chromium at 390 px with the network throttled to 1.6 Mbps down,
// 750 kbps up, 150 ms round trip, and the CPU slowed 4×. Also the first-load JavaScript, gzipped.
// Run after `npm run build` (npm run bench does both).
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
  return { bytes: () => bytes, reset: () => (bytes = 0) };
}

async function visit(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: "networkidle" });
  await page.locator(".kpi-value").first().waitFor();
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          done(entries[entries.length - 1]?.startTime ?? -1);
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const server = await spawnServer();
const browser = await launchBrowser();
try {
  const cold: number[] = [];
  const warm: number[] = [];
  const coldBytes: number[] = [];
  const warmBytes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    const counter = await throttle(page);
    cold.push(await visit(page, `${server.baseUrl}/`));
    coldBytes.push(counter.bytes());
    counter.reset();
    // The return visit: the user leaves the app and opens it again in the same browser: the
    // service worker's app shell and the figures kept on the device (docs/offline.md) paint before
    // the network answers. Once the app is installed and the page has kept its copy for the next
    // visit (lib/kept-paint.ts: when the phone is idle); the first tab is closed, as a phone's is
    // when its user comes back later (left open beside the new one, idle, it measured ~150 ms slower
    // on these two cores: docs/benchmarks.md).
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => localStorage.getItem("kept-paint") !== null, null, { timeout: 15_000 });
    await page.close();
    const again = await context.newPage();
    const againCounter = await throttle(again);
    warm.push(await visit(again, `${server.baseUrl}/`));
    warmBytes.push(againCounter.bytes());
    await context.close();
  }
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `overview on a throttled phone (1.6 Mbps, 150 ms, 4× CPU), median of ${RUNS}: ` +
      `first visit LCP ${median(cold).toFixed(0)} ms, ${kb(median(coldBytes))} transferred; ` +
      `return visit LCP ${median(warm).toFixed(0)} ms, ${kb(median(warmBytes))} transferred ` +
      "(budgets: 2,500 ms and 350 KB; 500 ms)",
  );
} finally {
  await browser.close();
  await server.stop();
}
