import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, launchBrowser, openPage, PHONE, screenshot, signedInPage } from "./browser.ts";

const baseUrl = inject("baseUrl");
const police = inject("police");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, baseUrl, police);
});
afterAll(async () => {
  await browser?.close();
});

describe("entering a week's figures", () => {
  it("checks as you type, asks to confirm a drop, and the commune's page shows the saved figures", async () => {
    await page.getByRole("link", { name: "Nhập số liệu" }).click();
    await page.getByLabel("Xã, phường, thị trấn").selectOption("21850");
    await page.getByLabel("Ngày số liệu").fill("2024-07-06");
    await expect
      .poll(() => page.locator(".report-table thead").textContent())
      .toContain("Báo cáo trước (29/06/2024)");
    await page.getByLabel("Dân số").fill("7.564");
    await page.getByLabel("Tài khoản mức 2").fill("6400");
    await page.getByLabel("Có cả hai tài khoản").fill("3710");
    await page.getByLabel("Đã liên kết").fill("2461");
    expect(await page.locator(".problems-warning").textContent()).toContain(
      "Tài khoản mức 2 6.400 thấp hơn báo cáo ngày 29/06/2024 (6.480).",
    );
    expect(await page.getByRole("button", { name: "Lưu báo cáo" }).isDisabled()).toBe(true);
    await page.getByLabel("Có cả hai tài khoản").fill("7000");
    expect(await page.locator(".problems-error").textContent()).toContain(
      "Số người có cả hai tài khoản (7.000) không được lớn hơn số tài khoản mức 2 (6.400).",
    );
    await page.getByLabel("Có cả hai tài khoản").fill("3710");
    await page.getByLabel("Tài khoản mức 2").fill("6512");
    expect(await page.locator(".problems").count()).toBe(0);
    expect(await page.locator(".report-table tbody").textContent()).toContain("+32");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "report-form-desktop");
    await page.getByRole("button", { name: "Lưu báo cáo" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain("Đã lưu báo cáo của Xã Tây Phú ngày 06/07/2024.");
    await page.getByRole("link", { name: "Xem trang của xã" }).click();
    await expect.poll(() => page.locator(".big-value").textContent()).toBe("86,09%"); // 6,512 / 7,564
  });
});

describe("importing a file", () => {
  it("uploads, previews every row, writes them on confirmation, and the dashboard shows them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vneid-upload-"));
    const file = join(dir, "tuan-13-07.csv");
    writeFileSync(
      file,
      "\uFEFFMã đơn vị;Tên đơn vị;Ngày;Dân số;Tài khoản mức 2;Có cả hai tài khoản;Đã liên kết\n" +
        "21850;Xã Tây Phú;13/07/2024;7.564;6.620;3.770;2.510\n" +
        ";Xa Binh Tuong;13/07/2024;9.540;8.530;4.950;3.480\n" +
        "21841;Xã Vĩnh An;13/07/2024;3.160;2.600;1.430;890\n",
    );
    await page.getByRole("link", { name: "Nhập từ tệp" }).click();
    await page.getByLabel("Tệp số liệu (.csv hoặc .xlsx)").setInputFiles(file);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await page.getByRole("heading", { name: "Xem trước: 3 dòng" }).waitFor();
    expect(await page.locator(".import-preview tbody tr").count()).toBe(3);
    expect(await page.locator(".import-preview tbody").textContent()).toContain("Xã Bình Tường");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "import-preview-desktop");
    await page.getByRole("button", { name: "Ghi 3 dòng" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Đã ghi: 3 dòng mới, 0 dòng thay thế, 0 dòng không đổi.");
    await page.goto(`${baseUrl}/units/21835?date=2024-07-13`);
    await expect.poll(() => page.locator(".big-value").textContent()).toBe("89,41%"); // 8,530 / 9,540
  });

  it("lets the police delete a report entered in error, after a confirmation", async () => {
    await page.goto(`${baseUrl}/units/21841?date=2024-07-13`);
    await expect.poll(() => page.locator(".big-value").textContent()).toBe("82,27%"); // 2,600 / 3,160
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Xóa báo cáo ngày 13/07/2024" }).click();
    await expect.poll(() => page.locator(".big-value").textContent()).toBe("80,66%"); // back to 29/06: 2,549 / 3,160
    await expect
      .poll(() => page.getByRole("button", { name: "Xóa báo cáo ngày 13/07/2024" }).count())
      .toBe(0);
  });

  it("shows a file's errors by row and field, in Vietnamese, and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vneid-upload-"));
    const file = join(dir, "loi.csv");
    writeFileSync(
      file,
      "unit_code,date,population,level2,dual,linked\n21850,2024-07-20,7564,6700,3800,abc\n",
    );
    await page.goto(`${baseUrl}/reports/import`);
    await page.getByLabel("Tệp số liệu (.csv hoặc .xlsx)").setInputFiles(file);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await page.locator(".import-preview").waitFor();
    expect(await page.locator(".import-preview .problems-error").textContent()).toContain(
      "Đã liên kết phải là số nguyên, không phải “abc”.",
    );
    expect(await page.getByRole("alert").last().textContent()).toBe(
      "Hãy sửa các dòng có lỗi trong tệp rồi kiểm tra lại. Chưa có dòng nào được ghi.",
    );
    expect(await page.getByRole("button", { name: /^Ghi/ }).count()).toBe(0);
  });
});

describe("weekly report", () => {
  it("lays out the week for the district chair, prints on A4, and downloads as XLSX", async () => {
    const { page: reader } = await openPage(browser, PHONE);
    await reader.goto(`${baseUrl}/reports/weekly?date=2024-06-29`);
    await reader.getByRole("heading", { name: "BÁO CÁO", exact: true }).waitFor();
    const document = await reader.locator(".official-document").textContent();
    for (const part of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "CÔNG AN HUYỆN TÂY SƠN",
      "Tây Sơn, ngày 29 tháng 6 năm 2024",
      "tuần 26/2024 (từ ngày 24/06/2024 đến ngày 30/06/2024)",
      "I. Kết quả đến ngày 29/06/2024 (số liệu tạm tính, chưa duyệt)",
      "15/15 xã đã báo cáo tuần này",
      "Nơi nhận:",
    ])
      expect(document).toContain(part);
    // The lagging communes in the body's table (the first ten: all 15 lag on linking), every commune
    // in the appendix after the signature.
    const lagging = await reader
      .locator(".document-section .document-table tbody tr td:first-child")
      .allTextContents();
    expect(lagging).toHaveLength(10);
    expect(lagging).toEqual(expect.arrayContaining(["Xã Bình Tường", "Xã Tây Phú", "Xã Vĩnh An"]));
    expect(document).toContain("Còn 5 xã chậm tiến độ khác (xem Phụ lục).");
    expect(await reader.locator(".document-appendix .document-table tbody tr").count()).toBe(15);
    expect(await axeViolations(reader)).toEqual([]);
    await screenshot(reader, "weekly-phone");
    const docx = await reader.request.get(`${baseUrl}/api/exports/weekly.docx?date=2024-06-29`);
    expect(docx.headers()["content-disposition"]).toContain("bao-cao-tuan-547-2024-W26.docx");
    const xlsx = await reader.request.get(`${baseUrl}/api/exports/weekly.xlsx?date=2024-06-29`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-disposition"]).toContain("bao-cao-tuan-547-2024-W26.xlsx");
    const pdf = await reader.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  });
});
