// Areas of the new tree: first-run setup from the national catalogue, and Tây Sơn across 01/07/2025.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer } from "../../scripts/spawn-server.ts";
import { communesOf, squaresAround } from "../../server/test/testing.ts";
import { axeViolations, DESKTOP, launchBrowser, openPage, PHONE, screenshot, signInPage } from "./browser.ts";

let browser: Browser;
const servers: RunningServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.stop();
});

async function server(demo: string) {
  const started = await spawnServer({ env: { DEMO_DATA: demo } });
  servers.push(started);
  return { ...started, admin: { username: "admin", password: started.adminPassword as string } };
}

describe("a deployment with no area", () => {
  it("is set up from the web: the admin finds Gia Lai without diacritics, creates a campaign, enters a report", async () => {
    const { baseUrl, admin } = await server("false");
    const { page, errors } = await openPage(browser, DESKTOP);
    await page.goto(baseUrl);
    await expect.poll(() => page.locator("main").textContent()).toContain("Chưa chọn địa bàn");
    await signInPage(page, baseUrl, admin);
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "Thiết lập địa bàn" }).waitFor();
    await page.getByLabel("Tìm theo tên hoặc mã").fill("gia lai");
    await page.getByRole("button", { name: "Chọn: Tỉnh Gia Lai" }).first().click();
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("Địa bàn đã chọn: Tỉnh Gia Lai (52)");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "setup-desktop");
    await page.getByLabel("Tên chiến dịch").fill("Gia Lai — định danh mức 2 năm 2026");
    await page.locator("#campaign-start").fill("2026-11-01");
    await page.locator("#campaign-deadline").fill("2027-01-01");
    await page.getByRole("button", { name: "Lưu địa bàn và chiến dịch" }).click();
    await page.getByRole("heading", { level: 1, name: /Tỉnh Gia Lai/ }).waitFor();
    const campaign = await (await fetch(`${baseUrl}/api/campaign`)).json();
    expect(campaign).toMatchObject({
      start: "2026-11-01",
      deadline: "2027-01-01",
      targets: { coverage: 1, linking: 1 },
    });
    // The only campaign is the admin's: a real install does not carry the demo's.
    const campaigns = await (await fetch(`${baseUrl}/api/campaigns`)).json();
    expect(campaigns.campaigns.map((c: { name: string }) => c.name)).toEqual([
      "Gia Lai — định danh mức 2 năm 2026",
    ]);

    await page.getByRole("link", { name: "Nhập số liệu" }).click();
    await page.getByLabel("Xã, phường, thị trấn").selectOption("21808");
    await page.getByLabel("Dân số").fill("38.300");
    await page.getByLabel("Tài khoản mức 2").fill("38.000");
    await page.getByLabel("Có cả hai tài khoản").fill("27.000");
    await page.getByLabel("Đã liên kết").fill("26.500");
    await page.getByRole("button", { name: "Lưu báo cáo" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain("Đã lưu báo cáo của Xã Tây Sơn");

    await page.goto(baseUrl);
    await page.getByRole("heading", { level: 1, name: /Tỉnh Gia Lai/ }).waitFor();
    await expect
      .poll(() => page.locator("section[aria-labelledby=communes-title]").textContent())
      .toContain("Xã Tây Sơn");
    const overview = await (await fetch(`${baseUrl}/api/overview`)).json();
    expect(overview.figures).toMatchObject({
      population: 38_300,
      level2: 38_000,
      reporting: 1,
      expected: 135,
    });
    // Before the area was chosen the app asked for the overview and got the expected 409 NO_AREA.
    expect(errors.filter((e) => !e.includes("409"))).toEqual([]);
  });
});

describe("applying the reorganisation from Settings", () => {
  it("previews which communes feed which, then applies it all at once", async () => {
    const { baseUrl, admin } = await server("true");
    const { page, errors } = await openPage(browser, PHONE);
    await signInPage(page, baseUrl, admin);
    await page.goto(`${baseUrl}/admin/settings`);
    await page.getByRole("heading", { name: "Sắp xếp đơn vị hành chính" }).waitFor();
    // Boundaries for the map, uploaded in Settings: the overview then fills the 15 shapes.
    const dir = mkdtempSync(join(tmpdir(), "vneid-geojson-"));
    const file = join(dir, "tay-son.geojson");
    writeFileSync(file, JSON.stringify(squaresAround(communesOf("547"))));
    await page.locator("#boundaries-date").fill("2024-06-29");
    await page.getByLabel("Tệp GeoJSON").setInputFiles(file);
    // Checked first (nothing saved), then saved.
    const section = page.locator("section", { has: page.getByRole("heading", { name: /Ranh giới bản đồ/ }) });
    await section.getByRole("button", { name: "Kiểm tra" }).click();
    await expect.poll(() => section.getByRole("status").first().textContent()).toContain("Khớp 15 đơn vị");
    await section.getByRole("button", { name: "Lưu ranh giới của 15 đơn vị" }).click();
    await expect
      .poll(() => section.getByRole("status").first().textContent())
      .toContain("Đã nhận ranh giới của 15 đơn vị");
    // The map is screens below the figures on a phone: dots until it nears the screen, and only
    // then are its shapes asked for (a province's are ~200 KB on a rural link).
    const asked: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/area/boundaries")) asked.push(request.url());
    });
    await page.goto(`${baseUrl}/?date=2024-06-29`);
    await expect.poll(() => page.locator(".map-dot").count()).toBe(15);
    await page.waitForLoadState("networkidle");
    expect(asked).toEqual([]);
    await page.locator(".map-card").scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator(".map-shape").count()).toBe(15);
    expect(await page.locator(".map-dot").count()).toBe(0);
    expect(asked).toHaveLength(1);
    await screenshot(page, "map-shapes-phone");
    // A report of Tây Phú dated after the change, entered before it was applied (a late change).
    const late = await page.evaluate(async () => {
      const body = {
        unitId: "21850",
        date: "2025-08-02",
        population: 20500,
        level2: 20400,
        dual: 11800,
        linked: 7500,
        confirm: true,
      };
      const response = await fetch("/api/reports", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return response.status;
    });
    expect(late).toBe(201);
    await page.goto(`${baseUrl}/admin/settings`);
    await page.getByRole("heading", { name: "Sắp xếp đơn vị hành chính" }).waitFor();
    await page.getByRole("button", { name: "Xem trước" }).click();
    const preview = page.locator(".reorganisation-preview");
    await expect
      .poll(() => preview.textContent())
      .toContain("Xã Tây Sơn (21808) ← Thị trấn Phú Phong + Xã Tây Xuân + Xã Bình Nghi");
    expect(await preview.textContent()).toContain("5 đơn vị mới");
    expect(await preview.textContent()).toContain(
      "Xã Tây Phú (21850), ngày 02/08/2025: 20.400/20.500 tài khoản mức 2 → Xã Bình Phú",
    );
    expect(await page.getByRole("button", { name: "Áp dụng" }).isDisabled()).toBe(true);
    await page.getByLabel("Xoá các báo cáo này").check();
    await expect.poll(() => page.getByRole("button", { name: "Áp dụng" }).isDisabled()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "settings-reorganisation-phone");
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Áp dụng" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Đã áp dụng sắp xếp ngày 01/07/2025");
    await page.goto(`${baseUrl}/?date=2025-09-06`);
    await page.getByRole("heading", { level: 1, name: /Huyện Tây Sơn/ }).waitFor();
    await expect.poll(() => page.locator("section[aria-labelledby=communes-title] tbody a").count()).toBe(5);
    expect(errors).toEqual([]);
  });
});

describe("Tây Sơn after the reorganisation (DEMO_DATA=tay-son-2025)", () => {
  it("shows 21808 as the town of Phú Phong in 2024 and as the commune of Tây Sơn in 2025", async () => {
    const { baseUrl } = await server("tay-son-2025");
    for (const [viewport, name] of [
      [DESKTOP, "desktop"],
      [PHONE, "phone"],
    ] as const) {
      const { page, errors } = await openPage(browser, viewport);
      await page.goto(`${baseUrl}/units/21808?date=2024-06-29`);
      await page.getByRole("heading", { name: "Thị trấn Phú Phong", exact: true }).waitFor();
      await page.goto(`${baseUrl}/units/21808?date=2025-09-06`);
      await page.getByRole("heading", { name: "Xã Tây Sơn", exact: true }).waitFor();
      const note = await page.locator("main").textContent();
      expect(note).toContain("Hợp thành từ Thị trấn Phú Phong, Xã Tây Xuân, Xã Bình Nghi (ngày 01/07/2025)");
      // Its series runs on across the change: the table of the chart starts in 2024.
      await page.getByText("Xem bảng số liệu").first().click();
      expect(await page.locator("main").textContent()).toContain("03/02/2024");
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `commune-after-reorganisation-${name}`);

      // The map: 15 dots in 2024, 5 after the reorganisation, each named in the text alternative.
      await page.goto(`${baseUrl}/?date=2024-06-29`);
      await expect.poll(() => page.locator(".map-dot").count()).toBe(15);
      expect(await page.locator("#map-list li").count()).toBe(15);
      expect(await page.locator("#map-list").textContent()).toContain("Thị trấn Phú Phong: 100,00%");
      await page.goto(`${baseUrl}/?date=2025-09-06`);
      await page.getByRole("heading", { level: 1, name: /Huyện Tây Sơn/ }).waitFor();
      expect(await page.locator(".notice").first().textContent()).toContain(
        "Huyện Tây Sơn không còn từ 01/07/2025",
      );
      await expect
        .poll(() => page.locator("section[aria-labelledby=communes-title] tbody a").count())
        .toBe(5);
      await expect.poll(() => page.locator(".map-dot").count()).toBe(5);
      const named = await page.locator("#map-list li").allTextContents();
      expect(named.map((line) => line.split(":")[0])).toEqual([
        "Xã Tây Sơn",
        "Xã Bình Hiệp",
        "Xã Bình Khê",
        "Xã Bình An",
        "Xã Bình Phú",
      ]);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `overview-after-reorganisation-${name}`);
      expect(errors).toEqual([]);
    }
  });
});
