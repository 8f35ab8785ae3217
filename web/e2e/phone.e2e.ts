// What the users met on a phone (390 × 844): the header, landing on one's work, drives, wide tables, print.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, DESKTOP, launchBrowser, openPage, PHONE, screenshot, signInPage } from "./browser.ts";

const baseUrl = inject("baseUrl");
const police = inject("police");
const commune = inject("commune");
const youth = inject("youth");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe("on a 390 px phone", () => {
  it("keeps the header to one row with a menu, and no page scrolls sideways", async () => {
    const { page, errors } = await openPage(browser, PHONE);
    await signInPage(page, baseUrl, police);
    for (const path of [
      "/",
      "/units/21850?date=2024-06-29",
      "/drives",
      "/reports/status?date=2024-06-29",
      "/reports/weekly?date=2024-06-29",
      "/reports/new",
      "/reports/import",
    ]) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator("main h1").first().waitFor();
      const header = await page.locator(".app-header").boundingBox();
      expect(header?.height, path).toBeLessThanOrEqual(64);
      expect(await noSidewaysScroll(page), path).toBe(true);
    }
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("link", { name: "Đợt vận động" }).click();
    await page.getByRole("heading", { level: 1, name: "Đợt ra quân vận động" }).waitFor();
    expect(await page.getByRole("button", { name: "Menu" }).getAttribute("aria-expanded")).toBe("false");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("lands a commune account on its commune and a youth team on its drives", async () => {
    const { page } = await openPage(browser, PHONE);
    await signInPage(page, baseUrl, commune);
    await page.getByRole("heading", { level: 1, name: "Xã Tây Phú" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/units/21850");
    await page.getByRole("button", { name: "Menu" }).click();
    expect(await page.getByRole("link", { name: "Xã của tôi" }).getAttribute("href")).toBe("/units/21850");
    await screenshot(page, "commune-landing-phone");
    const { page: youthPage } = await openPage(browser, PHONE);
    await signInPage(youthPage, baseUrl, youth);
    await youthPage.waitForURL(/\/drives$/);
  });

  it("brings the drive form into view with the top suggestion, asks before cancelling, lists past drives without results", async () => {
    const { page } = await openPage(browser, PHONE);
    await signInPage(page, baseUrl, police);
    await page.goto(`${baseUrl}/drives`);
    await page.locator("#overdue-title").waitFor();
    expect(await page.locator("#overdue-title").textContent()).toBe("3 đợt đã qua chưa ghi kết quả");
    // The form's commune is the first suggestion, not the first commune of the list.
    const suggested = await page.locator(".where-next li").first().textContent();
    const chosen = await page.locator("#drive-unit option:checked").textContent();
    expect(suggested).toContain(chosen as string);
    await page
      .getByRole("link", { name: /Lên kế hoạch ở đây/ })
      .nth(1)
      .click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("drive-unit");
    const form = await page.locator("#drive-form").boundingBox();
    expect(form && form.y >= -1 && form.y < PHONE.height).toBe(true);
    // Cancelling asks first; dismissing keeps the drive planned.
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      return dialog.dismiss();
    });
    await page
      .locator("section[aria-labelledby=overdue-title]")
      .getByRole("button", { name: "Hủy đợt" })
      .first()
      .click();
    await expect.poll(() => asked).toContain("Hủy đợt vận động ngày 30/06/2024");
    expect(await page.locator("#overdue-title").textContent()).toBe("3 đợt đã qua chưa ghi kết quả");
    expect(await noSidewaysScroll(page)).toBe(true);
    await screenshot(page, "drives-phone");
  });

  it("shows the report history and the import preview as cards, every value under its column's name", async () => {
    const { page } = await openPage(browser, PHONE);
    await signInPage(page, baseUrl, police);
    await page.goto(`${baseUrl}/units/21850?date=2024-06-29`);
    const cell = page.locator("#history-title ~ .table-scroll tbody tr").first().locator("td").nth(1);
    await cell.waitFor();
    expect(await cell.evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"Dân số"');
    const box = await cell.boundingBox();
    expect(box && box.x + box.width <= PHONE.width).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "vneid-phone-"));
    const file = join(dir, "loi.csv");
    writeFileSync(
      file,
      "unit_code,date,population,level2,dual,linked\n21850,2024-07-20,7564,6700,3800,abc\n",
    );
    await page.goto(`${baseUrl}/reports/import`);
    await page.getByLabel("Tệp số liệu (.csv hoặc .xlsx)").setInputFiles(file);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    const row = page.locator(".import-preview tbody tr").first();
    await row.waitFor();
    // The row's errors come first in its card, and inside the screen.
    const problems = await row.locator(".row-problems").boundingBox();
    const first = await row.locator("td").first().boundingBox();
    expect(problems && first && problems.y < first.y).toBe(true);
    expect(problems && problems.x + problems.width <= PHONE.width).toBe(true);
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "import-preview-phone");
  });
});

describe("printing the overview", () => {
  it("puts the whole chart on A4: the deadline, its label and the projection inside the page", async () => {
    // Printed from a desktop window: the chart must take the paper's width, not the window's.
    const { page } = await openPage(browser, DESKTOP);
    await page.goto(`${baseUrl}/?date=2024-04-13`);
    await page.locator(".deadline-label").first().waitFor();
    await page.emulateMedia({ media: "print" });
    await expect
      .poll(async () => (await page.locator(".chart svg").first().boundingBox())?.width)
      .toBeLessThanOrEqual(700);
    const chart = await page.locator(".chart svg").first().boundingBox();
    const label = page.locator(".deadline-label").first();
    expect(await label.textContent()).toBe("Hạn 01/07");
    const labelBox = await label.boundingBox();
    expect(chart && labelBox && labelBox.x + labelBox.width <= chart.x + chart.width + 1).toBe(true);
    expect(await page.locator(".end-label-projection").count()).toBe(1);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  });
});
