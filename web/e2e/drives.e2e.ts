import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, launchBrowser, openPage, PHONE, screenshot, signedInPage } from "./browser.ts";

const baseUrl = inject("baseUrl");
const police = inject("police");
const TEAM = "Đoàn xã, đợt thử nghiệm";
/** A day ahead (in Vietnam), for drives that are planned: a planned drive is never in the past. */
const ahead = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, baseUrl, police);
});
afterAll(async () => {
  await browser?.close();
});

describe("outreach drives", () => {
  let commune = "";
  let communeId = "";

  it("plans a drive in the top suggested commune", async () => {
    await page.getByRole("link", { name: "Đợt vận động" }).click();
    const top = page.locator(".where-next li").first();
    commune = ((await top.locator(".where-name").textContent()) ?? "").trim();
    communeId = ((await top.locator(".where-name").getAttribute("href")) ?? "").split("/").pop() ?? "";
    expect(await top.textContent()).toMatch(/thiếu [\d.]+ người so với lộ trình · còn [\d.]+ người/);
    await top.getByRole("link", { name: "Lên kế hoạch ở đây" }).click();
    const form = page.locator("#drive-form");
    await expect.poll(() => form.getByLabel("Xã, phường, thị trấn").inputValue()).toBe(communeId);
    await form.getByLabel("Thôn, tổ dân phố").selectOption({ index: 1 });
    await form.getByLabel("Ngày").fill(ahead(7));
    await form.getByLabel("Kết thúc").fill("07:00");
    await form.getByLabel("Đội").fill(TEAM);
    await form.getByLabel("Dự kiến đăng ký").fill("80");
    await form.getByRole("button", { name: "Lưu" }).click();
    expect(await form.locator(".problems-error").textContent()).toContain(
      "Giờ kết thúc (07:00) phải sau giờ bắt đầu (07:30).",
    );
    await form.getByLabel("Kết thúc").fill("11:00");
    await form.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toBe("Đã lưu đợt vận động.");
    const planned = await page.evaluate(
      async (day) => (await (await fetch(`/api/drives?from=${day}&to=${day}`)).json()).drives,
      ahead(7),
    );
    expect(planned.find((d: { team: string }) => d.team === TEAM)?.status).toBe("planned");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "drives-desktop");
  });

  it("records a drive that took place on a past day, with its results", async () => {
    await page.goto(`${baseUrl}/drives?date=2024-06-27&view=week`);
    const form = page.locator("#drive-form");
    await form.getByLabel("Xã, phường, thị trấn").selectOption(communeId);
    await form.getByLabel("Ngày").fill("2024-06-27");
    // A past day: the form asks for the results, and the drive is saved as done.
    await expect.poll(() => form.locator(".notice").textContent()).toContain("Ngày này đã qua");
    await form.getByLabel("Đội").fill(TEAM);
    await form.getByLabel("Dự kiến đăng ký").fill("80");
    await form.getByLabel("Đăng ký mức 2").fill("64");
    await form.getByLabel("Liên kết tại chỗ").fill("30");
    await form.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toBe("Đã lưu đợt vận động.");
    await page.goto(`${baseUrl}/drives?date=2024-06-27&view=week`);
    const card = page.locator("section[aria-labelledby=drive-list-title] .drive-list li", { hasText: TEAM });
    await expect.poll(() => card.locator(".status").textContent()).toBe("Đã thực hiện");
    expect(await card.textContent()).toContain("Kết quả: 64/80 đăng ký (80%), 30 liên kết");
    expect(
      await page
        .locator(".calendar .status-done", { hasText: commune.replace(/^(Xã|Thị trấn) /, "") })
        .count(),
    ).toBeGreaterThan(0);
  });

  it("shows the drive on the commune's chart and in the weekly report", async () => {
    await page.goto(`${baseUrl}/units/${communeId}?date=2024-06-29`);
    await page.locator(".chart-summary").waitFor();
    await expect.poll(() => page.locator(".chart-summary").textContent()).toContain(`27/06/2024 (${TEAM})`);
    expect(await page.locator(".drive-list").first().textContent()).toContain(TEAM);
    await page.goto(`${baseUrl}/reports/weekly?date=2024-06-29`);
    await expect.poll(async () => (await page.locator(".weekly").textContent()) ?? "").toContain(TEAM);
  });

  it("reads a planned count typed the Vietnamese way: 1.000 is a thousand", async () => {
    await page.goto(`${baseUrl}/drives`);
    const form = page.locator("#drive-form");
    await form.getByLabel("Ngày").fill(ahead(8));
    await form.getByLabel("Đội").fill("Đoàn xã, đợt nghìn người");
    await form.getByLabel("Dự kiến đăng ký").fill("1.000");
    await form.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toBe("Đã lưu đợt vận động.");
    const drives = await page.evaluate(
      async (day) => (await (await fetch(`/api/drives?from=${day}&to=${day}`)).json()).drives,
      ahead(8),
    );
    const saved = drives.find((d: { team: string }) => d.team === "Đoàn xã, đợt nghìn người");
    expect(saved.planned).toBe(1000);
    // "1,5" is not a count: the form names the field and the value instead of saving 1.
    await form.getByLabel("Dự kiến đăng ký").fill("1,5");
    await form.getByRole("button", { name: "Lưu" }).click();
    expect(await form.locator(".problems-error").textContent()).toContain("“1,5”");
  });

  it("prints the coming week's schedule for the teams", async () => {
    const { page: reader } = await openPage(browser, PHONE);
    await reader.goto(`${baseUrl}/drives/schedule?from=2024-06-30`);
    await reader
      .getByRole("heading", { name: "LỊCH RA QUÂN VẬN ĐỘNG TỪ 30/06/2024 ĐẾN 06/07/2024" })
      .waitFor();
    expect(
      await reader.locator("section", { hasText: "Chủ Nhật, 30/06/2024" }).locator("tbody tr").count(),
    ).toBe(3);
    expect(await axeViolations(reader)).toEqual([]);
    await screenshot(reader, "schedule-phone");
  });
});
