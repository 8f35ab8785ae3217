// The weekly reporting cycle as the police and a commune meet it, on a server of its own (approvals lock weeks).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, signIn, spawnServer } from "../../scripts/spawn-server.ts";
import { axeViolations, DESKTOP, launchBrowser, openPage, PHONE, screenshot, signInPage } from "./browser.ts";

let browser: Browser;
let server: RunningServer;
const PASSWORD = "báo cáo tuần đúng hạn 2024";

async function addUser(username: string, role: string, unitId?: string) {
  const cookie = await signIn(server.baseUrl, "admin", server.adminPassword as string);
  const response = await fetch(`${server.baseUrl}/api/users`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ username, role, unitId, password: PASSWORD }),
  });
  if (response.status !== 201) throw new Error(await response.text());
  return { username, password: PASSWORD };
}

beforeAll(async () => {
  browser = await launchBrowser();
  server = await spawnServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a late report, an approved week, a refused change, a reopened week", () => {
  it("goes as the police and the commune expect", async () => {
    const police = await addUser("cong-an-huyen", "police");
    const commune = await addUser("tay-phu", "commune", "21850");
    const { page: clerk, errors: clerkErrors } = await openPage(browser, PHONE);
    const { page: officer, errors: officerErrors } = await openPage(browser, DESKTOP);
    await signInPage(clerk, server.baseUrl, commune);
    await signInPage(officer, server.baseUrl, police);

    // The commune enters the week of 01–07/07/2024, long after its Monday-noon deadline.
    const enter = async (level2: string) => {
      await clerk.goto(`${server.baseUrl}/reports/new`);
      await clerk.getByLabel("Ngày số liệu").fill("2024-07-06");
      await clerk.getByLabel("Dân số").fill("7.564");
      await clerk.getByLabel("Tài khoản mức 2").fill(level2);
      await clerk.getByLabel("Có cả hai tài khoản").fill("3710");
      await clerk.getByLabel("Đã liên kết").fill("2461");
      await clerk.getByRole("button", { name: "Lưu báo cáo" }).click();
    };
    await enter("6512");
    await expect
      .poll(() => clerk.getByRole("status").textContent())
      .toContain("Đã lưu báo cáo của Xã Tây Phú");

    // The police see it late on the reporting page, and approve the week for the district.
    await officer.goto(`${server.baseUrl}/reports/status?date=2024-07-06`);
    const row = officer.getByRole("row", { name: /Xã Tây Phú/ });
    await expect.poll(() => row.locator("td").first().textContent()).toContain("Trễ hạn");
    expect(await officer.locator("tfoot").textContent()).toContain("1/15 (0 đúng hạn)");
    expect(await officer.locator("#missing-title").textContent()).toBe("Chưa báo cáo tuần 27/2024 (14)");
    expect(await officer.locator("#reminder-text").inputValue()).toContain("CÔNG AN HUYỆN TÂY SƠN");
    expect(await axeViolations(officer)).toEqual([]);
    await screenshot(officer, "reporting-desktop");
    expect(await officer.locator("#reminder-text").inputValue()).toContain("Đề nghị Công an các xã: ");
    await officer.getByRole("button", { name: "Duyệt tuần 27/2024 cho Huyện Tây Sơn" }).click();
    // The page asks first, with the count reported.
    const ask = officer.getByRole("dialog", { name: "Duyệt tuần 27/2024?" });
    await expect.poll(() => ask.textContent()).toContain("Mới 1/15 xã báo cáo tuần này");
    await screenshot(officer, "approve-dialog-desktop");
    await ask.getByRole("button", { name: "Duyệt tuần" }).click();
    await expect
      .poll(() => officer.locator("tfoot").textContent())
      .toContain("Huyện Tây Sơn: đã duyệt bởi cong-an-huyen");

    // The commune's form says the week is locked as soon as its date is chosen, naming the approver.
    await clerk.goto(`${server.baseUrl}/reports/new`);
    await clerk.getByLabel("Ngày số liệu").fill("2024-07-06");
    await expect
      .poll(() => clerk.locator(".report-form .notice").textContent())
      .toContain("Tuần 01/07/2024–07/07/2024 đã được cong-an-huyen duyệt lúc");
    expect(await clerk.getByLabel("Dân số").isDisabled()).toBe(true);
    expect(await clerk.getByRole("button", { name: "Lưu báo cáo" }).isDisabled()).toBe(true);
    await screenshot(clerk, "week-locked-phone");

    // The police reopen the week with a reason; the change goes through.
    await officer.getByRole("button", { name: "Mở lại" }).first().click();
    const reopen = officer.getByRole("dialog", { name: "Mở lại tuần 27/2024?" });
    // Without a reason it stays open and says why.
    await reopen.getByRole("button", { name: "Mở lại" }).click();
    await expect.poll(() => reopen.getByRole("alert").textContent()).toContain("Hãy ghi lý do");
    await reopen.getByLabel("Lý do mở lại tuần 27/2024").fill("Xã Tây Phú báo sai số tài khoản mức 2");
    await reopen.getByRole("button", { name: "Mở lại" }).click();
    await expect.poll(() => officer.locator("tfoot").textContent()).not.toContain("đã duyệt");
    await expect
      .poll(() => officer.locator("tfoot").textContent())
      .toContain("Xã Tây Phú báo sai số tài khoản mức 2");
    // Revising, the form compares with the report it replaces.
    await clerk.goto(`${server.baseUrl}/reports/new`);
    await clerk.getByLabel("Ngày số liệu").fill("2024-07-06");
    await expect
      .poll(() => clerk.locator(".report-table thead").textContent())
      .toContain("Báo cáo đang có (06/07/2024, sẽ được thay)");
    await enter("6530");
    await expect
      .poll(() => clerk.getByRole("status").textContent())
      .toContain("Đã cập nhật báo cáo của Xã Tây Phú");
    expect([...clerkErrors, ...officerErrors].filter((e) => !e.includes("409"))).toEqual([]);
  });
});
