import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, DESKTOP, launchBrowser, openPage, PHONE, screenshot } from "./browser.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const kpiValue = (page: Page, label: string) =>
  page.locator(".kpi", { has: page.getByText(label, { exact: true }) }).locator(".kpi-value");

async function open(path: string, viewport = DESKTOP) {
  const { page, errors } = await openPage(browser, viewport);
  await page.goto(`${baseUrl}${path}`);
  await page.locator(".kpi-value, .big-value, .state").first().waitFor();
  return { page, errors };
}

describe("overview", () => {
  it("shows the directive's 65,68% for 03/02/2024, in Vietnamese", async () => {
    const { page, errors } = await open("/?date=2024-02-03");
    expect(await kpiValue(page, "Tỷ lệ mức 2").textContent()).toBe("65,68%");
    expect(await kpiValue(page, "Tài khoản mức 2 / dân số").textContent()).toBe("80.272 / 122.204");
    expect(await kpiValue(page, "Số ngày còn lại").textContent()).toBe("149 ngày");
    expect(await page.locator(".headline").textContent()).toContain(
      "Còn 149 ngày đến 01/07/2024. Định danh mức 2: cần 282 người/ngày",
    );
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    expect(errors).toEqual([]);
  });

  it("says on 01/06/2024 that the district will not make it, naming the three communes", async () => {
    const { page } = await open("/?date=2024-06-01");
    const headline = (await page.locator(".headline").textContent()) ?? "";
    expect(headline).toContain(
      "12/15 xã đã đạt hoặc kịp tiến độ; 3 xã không kịp 01/07/2024 với tốc độ hiện tại",
    );
    for (const name of ["Xã Bình Tường: 27/08/2024", "Xã Tây Phú: 15/09/2024", "Xã Vĩnh An: 20/04/2032"]) {
      expect(headline).toContain(name);
    }
    expect(headline).toContain("Huyện Tây Sơn đạt 97,71% vào hạn");
    expect(headline).not.toMatch(/kịp hạn/);
    expect(await kpiValue(page, "Xã đạt hoặc kịp tiến độ").first().textContent()).toBe("12 / 15");
    expect(await kpiValue(page, "Dự kiến đạt chỉ tiêu").first().textContent()).toBe("20/04/2032");
  });

  it("switches the lagging panel and where-next to the link rate with the metric", async () => {
    const { page } = await open("/?date=2024-06-01");
    const coverageLine = await page.locator(".lagging-panel li .lagging-rates").first().textContent();
    await page.getByRole("button", { name: "Liên kết tài khoản" }).click();
    await page.waitForURL(/metric=linking/);
    const overview = await page.evaluate(
      async () => await (await fetch("/api/overview?date=2024-06-01")).json(),
    );
    const firstId = overview.laggingOrderByMetric.linking[0];
    const first = overview.children.find((c: { unit: { id: string } }) => c.unit.id === firstId);
    const expected = `${first.linking.percent.replace(".", ",")}%`;
    await expect
      .poll(() => page.locator(".lagging-panel li .lagging-rates").first().textContent())
      .toContain(expected);
    expect(await page.locator(".lagging-panel h2").textContent()).toBe(
      `Xã chậm tiến độ (${overview.laggingOrderByMetric.linking.length})`,
    );
    expect(coverageLine).not.toContain(expected);
    await expect.poll(() => page.locator(".where-next li").first().textContent()).toContain(expected);
  });

  it("says what is wrong with a date in the address instead of a blank page", async () => {
    for (const path of ["/drives?date=abc", "/?date=2024-02-30", "/drives/schedule?from=30/06/2024"]) {
      const { page, errors } = await openPage(browser, PHONE);
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole("heading", { name: "Ngày trên địa chỉ không hợp lệ" }).waitFor();
      expect(await page.locator("main").textContent()).toContain("không phải một ngày");
      expect(errors, path).toEqual([]);
      await page.getByRole("link", { name: "Xem số liệu mới nhất" }).click();
      await page.locator(".kpi-value, .calendar, .state, h1").first().waitFor();
      expect(page.url()).not.toContain("abc");
    }
  });

  it("changes every figure with the week", async () => {
    const { page } = await open("/?date=2024-02-03");
    await page.getByRole("button", { name: "Xem số liệu tuần sau" }).click();
    await page.waitForURL(/date=2024-02-10/);
    await expect.poll(() => kpiValue(page, "Tỷ lệ mức 2").textContent()).not.toBe("65,68%");
    expect(await kpiValue(page, "Tỷ lệ mức 2").textContent()).toMatch(/^68,\d\d%$/);
    expect(await kpiValue(page, "Số ngày còn lại").textContent()).toBe("142 ngày");
  });

  it("opens a lagging commune's page from the lagging panel", async () => {
    const { page } = await open("/?date=2024-06-29");
    const panel = page.locator(".lagging-panel");
    expect(await panel.locator("h2").textContent()).toBe("Xã chậm tiến độ (3)");
    const first = panel.locator("li a").first();
    const name = (await first.textContent())?.trim();
    await first.click();
    await page.waitForURL(/\/units\/\d+\?date=2024-06-29/);
    await page.locator(".big-value").waitFor();
    expect(await page.locator("h1").textContent()).toBe(name);
    expect(await page.locator(".rank").textContent()).toMatch(/^Hạng \d+\/15 trong Huyện Tây Sơn$/);
    expect(await page.locator(".flag-list").first().textContent()).toContain("Chậm so với lộ trình");
  });

  it("marks lagging communes in the ranking with an icon and a word, not colour alone", async () => {
    const { page } = await open("/?date=2024-06-29");
    await expect.poll(() => page.locator(".ranking-row.is-lagging .lagging-mark").count()).toBe(3);
    expect(await page.locator(".ranking-row.is-lagging .lagging-mark").first().textContent()).toBe(
      "Chậm tiến độ",
    );
  });

  it("sorts the communes table by a column", async () => {
    const { page } = await open("/?date=2024-06-29");
    const firstName = () =>
      page.locator(".data-table tbody tr").first().locator("td").first().locator("a").textContent();
    expect(await firstName()).toBe("Xã Vĩnh An"); // lowest coverage first
    await page
      .getByRole("button", { name: /^Tỷ lệ/ })
      .first()
      .click();
    await expect.poll(firstName).not.toBe("Xã Vĩnh An");
    expect(await page.locator("th[aria-sort]").first().getAttribute("aria-sort")).toBe("descending");
  });

  it("switches to the linking view with its own flags", async () => {
    const { page } = await open("/?date=2024-06-29");
    await page.getByRole("button", { name: "Liên kết tài khoản" }).click();
    await page.waitForURL(/metric=linking/);
    await expect
      .poll(() => page.locator("#ranking-title").textContent())
      .toBe("Xếp hạng các xã theo tỷ lệ liên kết");
    expect(await page.locator(".data-table .flag-metric").first().textContent()).toContain("liên kết");
  });

  it("says when the deadline has passed and shows the final standing", async () => {
    const { page } = await open("/?date=2024-07-06");
    expect(await page.locator(".headline").textContent()).toContain("Đã qua hạn 01/07/2024");
    expect(await kpiValue(page, "Số ngày còn lại").textContent()).toBe("0 ngày");
  });

  it("switches to English and keeps the choice", async () => {
    const { page } = await open("/?date=2024-02-03");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("VNeID level-2 rollout · Huyện Tây Sơn");
    expect(await kpiValue(page, "Level-2 coverage").textContent()).toBe("65.68%");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.reload();
    await kpiValue(page, "Level-2 coverage").waitFor();
    expect(await page.getByRole("button", { name: "Chuyển sang tiếng Việt" }).count()).toBe(1);
  });

  it("hides the controls when printed", async () => {
    const { page } = await open("/?date=2024-06-29");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".date-nav button").first().isVisible()).toBe(false);
    expect(await page.locator(".kpi").first().isVisible()).toBe(true);
  });
});

describe("commune page", () => {
  it("shows an unknown unit as an error with a retry", async () => {
    const { page } = await open("/units/999999");
    expect(await page.getByRole("alert").textContent()).toContain("Không có đơn vị với mã này.");
    expect(await page.getByRole("button", { name: "Thử lại" }).count()).toBe(1);
  });

  it("shows an empty state for a commune with no report yet", async () => {
    const { page } = await open("/units/21850?date=2024-01-01");
    expect(await page.locator(".state-empty").textContent()).toBe(
      "Chưa có báo cáo nào của Xã Tây Phú đến ngày 01/01/2024.",
    );
  });
});

describe("accessibility and looks", () => {
  const pages = {
    overview: "/?date=2024-06-29",
    "overview-linking": "/?date=2024-06-29&metric=linking",
    commune: "/units/21850?date=2024-06-29",
    "commune-stale": "/units/21823?date=2024-04-13",
    "not-found": "/no-such-page",
  };

  for (const [name, path] of Object.entries(pages)) {
    it(`passes axe on ${name} and is captured at phone and desktop widths`, async () => {
      for (const [size, viewport] of [
        ["phone", PHONE],
        ["desktop", DESKTOP],
      ] as const) {
        const { page, errors } = await open(path, viewport);
        await page.waitForLoadState("networkidle");
        expect(await axeViolations(page), `${name} at ${size}`).toEqual([]);
        await screenshot(page, `${name}-${size}`);
        expect(errors).toEqual([]);
      }
    });
  }

  it("passes axe with the chart's data table open, in English", async () => {
    const { page } = await open("/units/21850?date=2024-06-29");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("button", { name: "Show the data table" }).click();
    expect(await page.locator(".chart-card table tbody tr").count()).toBe(22);
    expect(await axeViolations(page)).toEqual([]);
  });
});
