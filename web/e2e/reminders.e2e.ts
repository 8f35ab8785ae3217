// Reminders as the police and a commune meet them (docs/reminders.md), on a server configured with a
// real SMTP server and webhook receiver of the test's own.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, signIn, spawnServer } from "../../scripts/spawn-server.ts";
import { type Receivers, startReceivers } from "../../server/test/reminder-receivers.ts";
import { axeViolations, DESKTOP, launchBrowser, openPage, PHONE, screenshot, signInPage } from "./browser.ts";

let browser: Browser;
let server: RunningServer;
let receivers: Receivers;
const commune = { username: "binh-thanh", password: "nhắc báo cáo đúng hạn 2024" };

beforeAll(async () => {
  browser = await launchBrowser();
  receivers = await startReceivers();
  server = await spawnServer({
    env: {
      SMTP_URL: receivers.smtpUrl,
      MAIL_FROM: "Công an huyện Tây Sơn <nhacviec@example.gov.vn>",
      REMINDER_WEBHOOK_URL: receivers.webhookUrl,
      REMINDER_WEBHOOK_SECRET: receivers.secret,
      PUBLIC_URL: "https://vneid.example.gov.vn",
    },
  });
  const admin = await signIn(server.baseUrl, "admin", server.adminPassword as string);
  const made = await fetch(`${server.baseUrl}/api/users`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: admin, origin: server.baseUrl },
    body: JSON.stringify({ ...commune, role: "commune", unitId: "21823" }),
  });
  if (made.status !== 201) throw new Error(await made.text());
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await receivers?.close();
});

describe("a commune that has not reported week 14 of 2024", () => {
  it("is reminded once by e-mail when the police send the week's reminders, and the link opens its form", async () => {
    const { page: phone, errors: phoneErrors } = await openPage(browser, PHONE);
    await signInPage(phone, server.baseUrl, commune);
    await phone.goto(`${server.baseUrl}/account`);
    await phone.getByText("Khi xã của bạn chưa báo cáo đúng hạn").waitFor();
    await phone.getByLabel("Thư điện tử").fill("binhthanh@example.gov.vn");
    await phone.getByLabel("Nhận nhắc qua").selectOption("email");
    await phone.getByRole("button", { name: "Lưu" }).first().click();
    await phone.getByText("Đã lưu.").waitFor();
    await screenshot(phone, "reminder-contacts-phone");

    const { page: desk, errors: deskErrors } = await openPage(browser, DESKTOP);
    await signInPage(desk, server.baseUrl, { username: "admin", password: server.adminPassword as string });
    // An officer is told what reaches them: the summary of their part, not a commune's reminder.
    await desk.goto(`${server.baseUrl}/account`);
    await desk.getByText("Khi có xã trong phạm vi của bạn chưa báo cáo đúng hạn").waitFor();
    await desk.goto(`${server.baseUrl}/reports/status?date=2024-04-07`);
    await desk.getByRole("heading", { name: "Chưa báo cáo tuần 14/2024 (1)" }).waitFor();
    await desk.getByRole("button", { name: "Gửi nhắc ngay" }).click();
    await desk.getByText("Đã xếp 1 tin nhắc vào hàng gửi.").waitFor();
    await expect.poll(() => receivers.mails.length, { timeout: 30_000 }).toBe(1);
    expect(receivers.mails[0]).toMatchObject({
      to: "binhthanh@example.gov.vn",
      subject: "Nhắc báo cáo tuần 14/2024: Xã Bình Thành",
    });
    const link = /https:\/\/vneid\.example\.gov\.vn(\/reports\/new\?\S+)/.exec(
      receivers.mails[0]?.text ?? "",
    )?.[1];
    expect(link).toBe("/reports/new?unit=21823&date=2024-04-07");

    // The outbox says it was sent; sending again sends nothing new.
    const outbox = desk.getByRole("region", { name: "Tin nhắc tuần 14/2024" });
    await expect.poll(() => outbox.getByText("Đã gửi").count(), { timeout: 30_000 }).toBe(1);
    await desk.getByRole("button", { name: "Gửi nhắc ngay" }).click();
    await desk.getByText("Không có tin nhắc mới; 1 xã đã được nhắc trong đợt này.").waitFor();
    expect(await axeViolations(desk)).toEqual([]);
    await screenshot(desk, "reminders-outbox-desktop");
    expect(receivers.mails).toHaveLength(1);

    // The reminder's link opens the form on the week's Sunday.
    await phone.goto(`${server.baseUrl}${link}`);
    await expect.poll(() => phone.getByLabel("Ngày số liệu").inputValue()).toBe("2024-04-07");
    expect(phoneErrors).toEqual([]);

    // Settings: reminders at the due time, and again on Tuesday morning.
    await desk.goto(`${server.baseUrl}/admin/settings`);
    const section = desk.getByRole("region", { name: "Nhắc báo cáo" });
    await section.getByText("Kênh gửi đã cấu hình: Thư điện tử, Tin nhắn.").waitFor();
    await section.getByLabel("Tự động nhắc khi đến hạn").check();
    await section.getByLabel("Nhắc lại: số ngày sau Chủ nhật (để trống: không nhắc lại)").fill("2");
    await section.getByLabel("Giờ nhắc lại (HH:MM)").fill("08:00");
    await section.getByRole("button", { name: "Lưu" }).click();
    await section.getByText("Đã lưu cài đặt nhắc báo cáo.").waitFor();
    expect(deskErrors).toEqual([]);
  });
});
