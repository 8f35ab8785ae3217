import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { currentCode } from "../../server/src/auth/second-factor.ts";
import { axeViolations, DESKTOP, launchBrowser, openPage, PHONE, screenshot } from "./browser.ts";

const baseUrl = inject("baseUrl");
const adminPassword = inject("adminPassword");
let browser: Browser;
let admin: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page: admin } = await openPage(browser, DESKTOP));
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

describe("accounts", () => {
  it("refuses a wrong password without saying whether the name exists", async () => {
    const { page } = await openPage(browser);
    await signIn(page, "khong-co-ai", "sai mật khẩu rồi");
    expect(await page.getByRole("alert").textContent()).toBe("Sai tên đăng nhập hoặc mật khẩu.");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "login-desktop");
  });

  it("signs in the first admin with the password printed at first start", async () => {
    await signIn(admin, "admin", adminPassword);
    await admin.waitForURL(`${baseUrl}/`);
    await expect.poll(() => admin.locator(".user-name").textContent()).toBe("admin (Quản trị)");
    expect(await admin.getByRole("link", { name: "Người dùng" }).count()).toBe(1);
    expect(await admin.getByRole("link", { name: "Nhật ký" }).count()).toBe(1);
  });

  it("lets the admin add a commune user, who then signs in with a commune role", async () => {
    await admin.getByRole("link", { name: "Người dùng" }).click();
    await admin.getByRole("heading", { name: "Thêm người dùng" }).waitFor();
    const form = admin.locator("form", { has: admin.getByRole("heading", { name: "Thêm người dùng" }) });
    await form.getByLabel("Tên đăng nhập").fill("tay-phu");
    await form.getByLabel("Vai trò").selectOption("commune");
    await form.getByLabel("Đơn vị phụ trách").selectOption("21850");
    await form.getByLabel("Mật khẩu").fill("12345678");
    await form.getByRole("button", { name: "Thêm" }).click();
    expect(await form.getByRole("alert").textContent()).toBe(
      "Mật khẩu này quá phổ biến, hãy chọn mật khẩu khác.",
    );
    await form.getByLabel("Mật khẩu").fill("đồng lúa Tây Phú");
    await form.getByRole("button", { name: "Thêm" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toBe("Đã thêm tay-phu.");
    await admin.getByRole("cell", { name: "tay-phu", exact: true }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, "users-desktop");

    const { page } = await openPage(browser, PHONE);
    await signIn(page, "tay-phu", "đồng lúa Tây Phú");
    await expect.poll(() => page.locator(".user-name").textContent()).toBe("tay-phu (Cán bộ xã)");
    expect(await page.getByRole("link", { name: "Người dùng" }).count()).toBe(0);
    await page.goto(`${baseUrl}/admin/users`);
    expect(await page.getByRole("alert").textContent()).toBe(
      "Tài khoản của bạn không có quyền xem trang này.",
    );
    // On a phone, signing out is in the menu.
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.locator('.header-tools a[href="/login"]').waitFor({ state: "attached" });
  });

  it("shows the audit log with filters", async () => {
    await admin.getByRole("link", { name: "Nhật ký" }).click();
    await admin.getByRole("heading", { name: "Nhật ký thao tác" }).waitFor();
    await admin.locator(".data-table").waitFor();
    expect(await admin.locator(".data-table tbody").textContent()).toContain("Thêm người dùng");
    await admin.getByRole("textbox", { name: "Người dùng" }).fill("tay-phu");
    await admin.getByRole("button", { name: "Lọc" }).click();
    await expect
      .poll(async () =>
        (await admin.locator(".data-table tbody tr td:nth-child(3)").allTextContents()).join(","),
      )
      .toBe("Đăng xuất,Đăng nhập");
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, "audit-desktop");
  });

  it("lets a user change their own password", async () => {
    await admin.goto(`${baseUrl}/account`);
    await admin.getByLabel("Mật khẩu hiện tại").fill(adminPassword);
    await admin.getByLabel("Mật khẩu mới").fill("quản trị viên huyện Tây Sơn");
    await admin.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect.poll(() => admin.getByRole("status").textContent()).toBe("Đã lưu.");
    expect(await axeViolations(admin)).toEqual([]);
  });

  it("makes accounts from a list; one signs in with its one-time password, sets its own, then a second factor", async () => {
    await admin.goto(`${baseUrl}/admin/users`);
    const list = admin.locator("section", { has: admin.getByRole("heading", { name: "Nhập danh sách" }) });
    await list.getByLabel("Tệp danh sách").setInputFiles({
      name: "tai-khoan.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "tên đăng nhập,vai trò,mã đơn vị,họ và tên,số điện thoại\n" +
          "ca-xa-tay-phu,Công an,21850,Đinh Văn Hùng,0912345678\n" +
          "can-bo-binh-thanh,Cán bộ xã,21823,Võ Thị Lan,\n" +
          "doan-xa-tay-phu,Đoàn Thanh niên,21850,,\n",
      ),
    });
    await list.getByRole("button", { name: "Kiểm tra" }).click();
    await expect.poll(() => list.getByRole("status").textContent()).toBe("3/3 dòng hợp lệ");
    expect(await list.locator("tbody tr").count()).toBe(3);
    await list.getByRole("button", { name: "Tạo 3 tài khoản" }).click();
    const made = admin.locator("section", { has: admin.getByRole("heading", { name: "Nhập danh sách" }) });
    await expect.poll(() => made.getByRole("status").textContent()).toContain("Đã tạo 3 tài khoản");
    const password =
      (await made.locator("tbody tr", { hasText: "ca-xa-tay-phu" }).locator("code").textContent()) ?? "";
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, "accounts-list-made-desktop");

    // The one-time password opens one page: set your own.
    const { page } = await openPage(browser, PHONE);
    await signIn(page, "ca-xa-tay-phu", password);
    await page.getByRole("heading", { name: "Đặt mật khẩu của bạn" }).waitFor();
    await screenshot(page, "set-own-password-phone");
    await page.getByLabel("Mật khẩu được cấp").fill(password);
    await page.getByLabel("Mật khẩu mới").fill("công an xã Tây Phú trực");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await page.getByRole("heading", { name: "Đặt mật khẩu của bạn" }).waitFor({ state: "detached" });

    // A second factor from the account page: the QR code, its key, a code of the app, the recovery codes.
    await page.goto(`${baseUrl}/account`);
    await page.getByRole("button", { name: "Bật xác thực hai lớp" }).click();
    await page.getByAltText("Mã QR để thêm tài khoản vào ứng dụng xác thực").waitFor();
    const secret = (await page.locator(".secret").textContent()) ?? "";
    await page.getByLabel("Mã xác thực (6 số trong ứng dụng)").fill(currentCode(secret, Date.now()));
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.getByRole("heading", { name: "Mã khôi phục" }).waitFor();
    expect(await page.locator(".code-list li").count()).toBe(10);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "recovery-codes-phone");
    await page.getByRole("button", { name: "Tôi đã lưu mã, tiếp tục" }).click();
    await expect.poll(() => page.getByText("Đang bật").count()).toBe(1);

    // Signing in again asks for the app's code after the password (the next step's: each is used once).
    const { page: again } = await openPage(browser, DESKTOP);
    await signIn(again, "ca-xa-tay-phu", "công an xã Tây Phú trực");
    await again
      .getByLabel("Mã xác thực (6 số trong ứng dụng)")
      .fill(currentCode(secret, Date.now() + 30_000));
    // The second step asks only for the code: the password is not shown again.
    expect(await again.getByLabel("Mật khẩu", { exact: true }).count()).toBe(0);
    await screenshot(again, "login-second-step-desktop");
    await again.getByRole("button", { name: "Xác nhận" }).click();
    await expect.poll(() => again.locator(".user-name").textContent()).toBe("ca-xa-tay-phu (Công an)");
  });
});
