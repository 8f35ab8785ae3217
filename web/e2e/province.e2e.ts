// A province on one screen: the Gia Lai demo's 135 communes (DEMO_DATA=gia-lai-2025).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "../../scripts/spawn-server.ts";
import { axeViolations, DESKTOP, launchBrowser, openPage, PHONE, screenshot } from "./browser.ts";

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await spawnServer({ env: { DEMO_DATA: "gia-lai-2025" } });
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

/** The overview once every part below the answer is drawn (the chart, the map, the lists). */
async function overview(page: Page) {
  await page.goto(server.baseUrl);
  await page.getByRole("heading", { name: /Bảng các xã/ }).waitFor();
  await page.locator("svg.commune-map").waitFor();
  return {
    height: await page.evaluate(() => document.documentElement.scrollHeight),
    sideways: await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
  };
}

describe("the overview of a province of 135 communes", () => {
  it("reads in a few screens at 1440 px: the province named, ten of each list, axe clean", async () => {
    const { page, errors } = await openPage(browser, DESKTOP);
    const { height, sideways } = await overview(page);
    expect(height).toBeLessThanOrEqual(5_000);
    expect(sideways).toBe(false);
    expect(await page.locator("h1").textContent()).toContain("Tỉnh Gia Lai");
    expect(await page.locator(".lagging-panel li").count()).toBe(10);
    expect(await page.locator(".ranking li").count()).toBe(10);
    expect(await page.getByRole("button", { name: "Xem tất cả 135" }).count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "province-overview-desktop");
    expect(errors).toEqual([]);
  });

  it("finds Ia Grai typed without diacritics, and shows all 135 on demand", async () => {
    const { page } = await openPage(browser, DESKTOP);
    await overview(page);
    await page.getByLabel("Tìm theo tên").fill("ia grai");
    await expect
      .poll(() => page.locator(".ranking li").allTextContents())
      .toEqual([expect.stringContaining("Xã Ia Grai")]);
    await page.getByLabel("Tìm theo tên").fill("");
    await page.getByLabel("Lọc").selectOption("notReported");
    await expect
      .poll(() => page.locator(".unit-filter [role=status]").textContent())
      .not.toBe("135/135 đơn vị");
    await page.getByLabel("Lọc").selectOption("all");
    const table = page.locator("section", { has: page.getByRole("heading", { name: "Bảng các xã" }) });
    await table.getByRole("button", { name: "Xem tất cả 135" }).click();
    expect(await table.locator("tbody tr").count()).toBe(135);
  });

  it("prints on at most two A4 pages, without links to act on", async () => {
    const { page } = await openPage(browser, DESKTOP);
    await overview(page);
    await page.emulateMedia({ media: "print" });
    for (const action of [/Lên kế hoạch/, /Xem tất cả/, /Tìm theo tên/])
      expect(await page.getByText(action).or(page.getByLabel(action)).first().isVisible()).toBe(false);
    const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
    // Each page of a PDF is an object of /Type /Page (the tree of them is /Pages).
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
  });

  it("stays within 9,000 px on a phone, with no sideways scroll", async () => {
    const { page } = await openPage(browser, PHONE);
    const { height, sideways } = await overview(page);
    expect(height).toBeLessThanOrEqual(9_000);
    expect(sideways).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    // The 135 shapes are asked for once the map nears the screen (dots until then).
    await page.locator(".map-card").scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator(".map-shape").count()).toBe(135);
    await screenshot(page, "province-overview-phone");
  });
});
