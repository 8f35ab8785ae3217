// In the field without a signal (docs/offline.md): the installed app opens offline with the last
// figures, keeps what is typed, queues a report saved offline and sends it once when the signal returns.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, signIn, spawnServer } from "../../scripts/spawn-server.ts";
import { launchBrowser, PHONE, screenshot, signInPage } from "./browser.ts";

let browser: Browser;
let server: RunningServer;
let admin: string;
const commune = { username: "can-bo-tay-phu", password: "cán bộ xã tây phú" };

beforeAll(async () => {
  browser = await launchBrowser();
  server = await spawnServer();
  admin = await signIn(server.baseUrl, "admin", server.adminPassword as string);
  const created = await api("POST", "/api/users", { ...commune, role: "commune", unitId: "21850" });
  if (created.status !== 201) throw new Error(await created.text());
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

const api = (method: string, path: string, body?: unknown) =>
  fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie: admin, "content-type": "application/json", origin: server.baseUrl },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The audit entries of Xã Tây Phú's reports on `date`: one per report written. */
async function reportsWritten(date: string): Promise<number> {
  const { entries } = (await (await api("GET", "/api/audit?unit=21850&limit=200")).json()) as {
    entries: { action: string; after: unknown }[];
  };
  return entries.filter((e) => e.action.startsWith("report.") && JSON.stringify(e.after).includes(date))
    .length;
}

/** Today in Vietnam: the date a commune officer reports for in the field. */
const today = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

/** A phone signed in as Tây Phú's officer that saw the overview, its commune and the form online. */
async function phoneThatWasOnline(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN" });
  const page = await context.newPage();
  await signInPage(page, server.baseUrl, commune);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.goto(`${server.baseUrl}/`);
  await page.getByRole("heading", { name: /Bảng các xã/ }).waitFor();
  // The answers reach IndexedDB a moment after they arrive (offline-cache.ts).
  await page.waitForTimeout(1000);
  await page.goto(`${server.baseUrl}/reports/new`);
  // The form knows the commune's last report (today's, once one was sent).
  await page
    .locator(".report-table thead")
    .getByText(/\d\d\/\d\d\/\d{4}/)
    .waitFor();
  await page.waitForTimeout(1000);
  return { context, page };
}

async function typeReport(page: Page, level2: string) {
  await page.getByLabel("Dân số").fill("7600");
  await page.getByLabel("Tài khoản mức 2").fill(level2);
  await page.getByLabel("Có cả hai tài khoản").fill("3800");
  await page.getByLabel("Đã liên kết").fill("2500");
}

describe("a commune officer without a signal", () => {
  it("opens the app offline with the last figures, keeps a draft across a reload, and sends a queued report once", async () => {
    const { context, page } = await phoneThatWasOnline();
    await context.setOffline(true);
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("heading", { name: /Bảng các xã/ }).waitFor();
    expect(await page.locator(".stale-notice").textContent()).toMatch(
      /^Đang ngoại tuyến: số liệu đã lưu trên máy lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\.$/,
    );
    expect(await page.locator(".headline").textContent()).toContain("%");
    await screenshot(page, "offline-overview-phone");
    // The app's hashed files came straight from the precache, without the worker's script
    // (web/public/sw-routes.js: static routing).
    const sources = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((entry) => new URL(entry.name).pathname.startsWith("/assets/"))
        .map(
          (entry) =>
            (entry as PerformanceResourceTiming & { workerMatchedSourceType?: string })
              .workerMatchedSourceType,
        ),
    );
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources)).toEqual(new Set(["cache"]));

    await page.goto(`${server.baseUrl}/reports/new`);
    await typeReport(page, "6600");
    await page.waitForTimeout(500);
    await page.reload();
    await expect.poll(() => page.getByLabel("Tài khoản mức 2").inputValue()).toBe("6600");
    expect(await page.getByText("Đã khôi phục số liệu đang nhập dở").count()).toBe(1);
    await page.getByRole("button", { name: "Lưu báo cáo" }).click();
    await expect
      .poll(() => page.locator(".notice").allTextContents())
      .toContainEqual(expect.stringContaining("Chưa gửi: chưa có kết nối."));
    await page.reload();
    await expect.poll(() => page.locator(".queue-badge").textContent()).toBe("Chưa gửi (1)");
    expect(await page.getByLabel("Tài khoản mức 2").inputValue()).toBe("");
    await screenshot(page, "offline-queued-phone");

    // The signal returns: sent within a few seconds (report-queue.ts), written once.
    await context.setOffline(false);
    await expect.poll(() => page.locator(".queue-badge").count(), { timeout: 60_000 }).toBe(0);
    expect(await reportsWritten(today())).toBe(1);
    const series = (await (await api("GET", "/api/units/21850/series")).json()) as {
      points: { date: string; level2: number }[];
    };
    expect(series.points.filter((p) => p.date === today())).toEqual([
      expect.objectContaining({ level2: 6600 }),
    ]);
    await context.close();
  });

  it("paints the last page seen at its address before the app's scripts run, and forgets it at sign-out", async () => {
    // Without the service worker the page's own requests can be held back (Playwright's routes).
    const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN", serviceWorkers: "block" });
    const page = await context.newPage();
    await signInPage(page, server.baseUrl, commune);
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("heading", { name: /Bảng các xã/ }).waitFor();
    const headline = await page.locator("#root .headline").textContent();
    expect(headline).toContain("%");
    // The copy is made once the page has painted all of it (lib/kept-paint.ts).
    await expect.poll(() => page.evaluate(() => localStorage.getItem("kept-paint") !== null)).toBe(true);

    // The app's scripts never arrive: the copy is what the phone shows, the figures as they were.
    await page.route("**/assets/index-*.js", (route) => route.abort());
    await page.goto(`${server.baseUrl}/`);
    expect(await page.locator("#kept-paint .headline").textContent()).toBe(headline);
    expect(await page.locator("#kept-paint .headline").isVisible()).toBe(true);
    expect(await page.locator("#root").isVisible()).toBe(false);
    // Saved seconds ago: not yet said to be old (as components/stale-notice.tsx says it).
    expect(await page.locator("#kept-paint .stale-notice").isVisible()).toBe(false);
    // Another address is another page: nothing is painted for it.
    await page.goto(`${server.baseUrl}/?date=2024-06-01`);
    expect(await page.locator("#kept-paint").count()).toBe(0);

    // With its scripts the app takes over with its own page: the copy goes.
    await page.unroute("**/assets/index-*.js");
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("heading", { name: /Bảng các xã/ }).waitFor();
    expect(await page.locator("#kept-paint").count()).toBe(0);
    expect(await page.locator("#root .headline").textContent()).toBe(headline);

    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem("kept-paint"))).toBeNull();
    await context.close();
  });

  it("sends a report whose answers were lost twice, and it is written once", async () => {
    const { context, page } = await phoneThatWasOnline();
    const before = await reportsWritten(today());
    // The server gets the report, but the answer never reaches the phone: twice.
    let lost = 0;
    await page.route("**/api/reports", async (route) => {
      if (lost < 2) {
        lost++;
        await route.fetch();
        await route.abort("connectionreset");
      } else await route.continue();
    });
    await typeReport(page, "6650");
    await page.getByRole("button", { name: "Lưu báo cáo" }).click();
    await expect.poll(() => page.locator(".queue-badge").textContent()).toBe("Chưa gửi (1)");
    await page.getByRole("button", { name: "Gửi ngay" }).click();
    await expect.poll(() => lost).toBe(2);
    // Sent a third time by the queue itself, with the same key: the server answers as the first time.
    await expect.poll(() => page.locator(".queue-badge").count(), { timeout: 60_000 }).toBe(0);
    expect(await reportsWritten(today())).toBe(before + 1);
    await context.close();
  });

  it("keeps a queued report refused because its week was approved meanwhile, with the reason", async () => {
    const { context, page } = await phoneThatWasOnline();
    await context.setOffline(true);
    await typeReport(page, "6700");
    await page.getByRole("button", { name: "Lưu báo cáo" }).click();
    await expect.poll(() => page.locator(".queue-badge").textContent()).toBe("Chưa gửi (1)");
    const week = (await (
      await api("GET", `/api/reporting?unit=547&from=${today()}&to=${today()}`)
    ).json()) as {
      weeks: { week: string }[];
    };
    const approved = await api("POST", "/api/approvals", { unitId: "547", week: week.weeks[0]?.week });
    expect(approved.status).toBe(201);
    await context.setOffline(false);
    await expect
      .poll(() => page.locator(".queue-list .form-error").textContent(), { timeout: 60_000 })
      .toContain("Máy chủ từ chối:");
    expect(await page.locator(".queue-badge").textContent()).toBe("Chưa gửi (1)");
    await page.reload();
    expect(await page.locator(".queue-list .form-error").textContent()).toContain("Máy chủ từ chối:");
    await screenshot(page, "offline-refused-phone");
    await context.close();
  });
});
