import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createDemoStore, TEST_CONFIG } from "../test/testing.ts";
import { createApp } from "./app.ts";

/** A built web app as `npm run build` leaves it: hashed assets, each with its .br and .gz. */
function builtApp() {
  const dist = mkdtempSync(join(tmpdir(), "vneid-dist-"));
  mkdirSync(join(dist, "assets"));
  const files = {
    "index.html": '<!doctype html><div id="root"></div><script src="/assets/app-Ab12.js"></script>',
    "assets/app-Ab12.js": `console.log(${JSON.stringify("x".repeat(5000))});`,
    "sw.js": "self.addEventListener('install', () => {});",
    "manifest.webmanifest": '{"name":"Tiến độ định danh điện tử mức 2","start_url":"/"}',
  };
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dist, name), content);
    writeFileSync(join(dist, `${name}.br`), brotliCompressSync(content));
    writeFileSync(join(dist, `${name}.gz`), gzipSync(content));
  }
  return dist;
}

describe("what travels to the browser", () => {
  it("sends the precompressed file the browser accepts, hashed assets cached for a year, the page revalidated", async () => {
    const app = createApp({
      store: await createDemoStore(),
      config: { ...TEST_CONFIG, webDist: builtApp() },
    });
    const page = await app.request("/", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(page.headers.get("Content-Encoding")).toBe("br");
    expect(page.headers.get("Cache-Control")).toBe("no-cache");
    // An address of the app (not a file) is the same page, revalidated too.
    const route = await app.request("/units/21850", { headers: { "Accept-Encoding": "gzip" } });
    expect(route.headers.get("Content-Type")).toContain("text/html");
    expect(route.headers.get("Cache-Control")).toBe("no-cache");
    const asset = await app.request("/assets/app-Ab12.js", { headers: { "Accept-Encoding": "gzip" } });
    expect(asset.headers.get("Content-Encoding")).toBe("gzip");
    expect(asset.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect((await asset.arrayBuffer()).byteLength).toBeLessThan(500);
    // The installable app's service worker and manifest are asked again at every visit, so that a
    // new build reaches the phones that installed the app.
    for (const path of ["/sw.js", "/manifest.webmanifest"]) {
      const file = await app.request(path);
      expect(file.status).toBe(200);
      expect(file.headers.get("Cache-Control")).toBe("no-cache");
    }
    expect((await app.request("/manifest.webmanifest")).headers.get("Content-Type")).toContain(
      "manifest+json",
    );
  });

  it("compresses API answers and answers an unchanged public figure with 304", async () => {
    const store = await createDemoStore();
    const app = createApp({ store, config: TEST_CONFIG, checkAnswers: true });
    const first = await app.request("/api/overview?date=2024-06-29", {
      headers: { "Accept-Encoding": "gzip" },
    });
    expect(first.headers.get("Content-Encoding")).toBe("gzip");
    expect(first.headers.get("Cache-Control")).toBe("no-cache");
    const tag = first.headers.get("ETag");
    expect(tag).toBeTruthy();
    const again = await app.request("/api/overview?date=2024-06-29", {
      headers: { "If-None-Match": tag as string },
    });
    expect(again.status).toBe(304);
    // The overview is kept as sent: brotli, gzip or plain, the same answer; its tag names the
    // figures' version, so that another process answers a holder with 304 without making it.
    const plain = await (await app.request("/api/overview?date=2024-06-29")).text();
    const br = await app.request("/api/overview?date=2024-06-29", {
      headers: { "Accept-Encoding": "br, gzip" },
    });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);
    expect(tag).toMatch(new RegExp(`^"${await store.figuresVersion()}-`));
    const other = createApp({ store, config: TEST_CONFIG, checkAnswers: true });
    const fromOther = await other.request("/api/overview?date=2024-06-29", {
      headers: { "If-None-Match": tag as string },
    });
    expect(fromOther.status).toBe(304);
    // New figures, a new tag: the old one gets the new answer.
    await store.insertReports([
      { unitId: "21850", date: "2024-06-28", population: 7564, level2: 6490, dual: 3700, linked: 2440 },
    ]);
    const changed = await app.request("/api/overview?date=2024-06-29", {
      headers: { "If-None-Match": tag as string },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(tag);
    // What is not a public figure is never stored.
    expect((await app.request("/api/auth/me")).headers.get("Cache-Control")).toBe("no-store");
  });

  it("keeps every public answer pages ask for as sent: 304 from any process, a new tag after a write", async () => {
    const store = await createDemoStore();
    const app = createApp({ store, config: TEST_CONFIG, checkAnswers: true });
    const other = createApp({ store, config: TEST_CONFIG, checkAnswers: true });
    const paths = [
      "/api/units?date=2024-06-29",
      "/api/units/547?date=2024-06-29",
      "/api/units/21850/series?date=2024-06-29",
      "/api/campaign",
      "/api/campaigns",
      "/api/area",
      "/api/reporting?from=2024-06-03&to=2024-06-29",
    ];
    const tags = new Map<string, string>();
    for (const path of paths) {
      const first = await app.request(path, { headers: { "Accept-Encoding": "br" } });
      expect(first.status, path).toBe(200);
      expect(first.headers.get("Content-Encoding"), path).toBe("br");
      const plain = await (await app.request(path)).text();
      expect(brotliDecompressSync(Buffer.from(await first.arrayBuffer())).toString(), path).toBe(plain);
      const tag = first.headers.get("ETag") as string;
      expect(tag, path).toMatch(new RegExp(`^"${await store.figuresVersion()}-`));
      expect((await other.request(path, { headers: { "If-None-Match": tag } })).status, path).toBe(304);
      tags.set(path, tag);
    }
    await store.insertReports([
      { unitId: "21850", date: "2024-06-28", population: 7564, level2: 6490, dual: 3700, linked: 2440 },
    ]);
    for (const path of paths) {
      const after = await other.request(path, { headers: { "If-None-Match": tags.get(path) as string } });
      expect(after.status, path).toBe(200);
    }
    const series = (await (await app.request("/api/units/21850/series?date=2024-06-29")).json()) as {
      points: { date: string; level2: number }[];
    };
    expect(series.points.find((p) => p.date === "2024-06-28")).toMatchObject({
      level2: 6490,
    });
  });
});
