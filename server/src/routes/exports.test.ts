import ExcelJS from "exceljs";
import type { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import { createClock, createDemoApp, createUser, signIn } from "../../test/testing.ts";
import { safeCell } from "../exports/cells.ts";
import type { Store } from "../store/store.ts";
import { HISTORY_LIMIT } from "./exports.ts";

let app: Hono;
let store: Store;

beforeEach(async () => {
  ({ app, store } = await createDemoApp());
});

const csvLines = async (path: string) => (await (await app.request(path)).text()).trim().split("\n");
async function workbook(path: string) {
  const response = await app.request(path);
  expect(response.headers.get("content-type")).toContain("spreadsheetml");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}

describe("exports", () => {
  it("gives every commune's figures on a date as CSV", async () => {
    const lines = await csvLines("/api/exports/reports.csv?date=2024-06-29");
    expect(lines).toHaveLength(16);
    expect(lines[0]).toMatch(
      /^\uFEFF?unit_code,unit_name,date,population,level2,coverage_percent,coverage_change_points,expected_percent/,
    );
    const tayPhu = lines.find((l) => l.startsWith("21850,")) as string;
    expect(tayPhu).toMatch(/^21850,Xã Tây Phú,2024-06-29,7564,6480,85\.66,[\d.]+,99\.38,1038,/);
    expect(tayPhu).toContain(",yes,BEHIND:coverage OFF_PACE:coverage");
  });

  it("gives a commune's revised figures in the next export, its neighbours' as they were (assessments are kept per commune)", async () => {
    const before = await csvLines("/api/exports/reports.csv?date=2024-06-29");
    await store.saveReports(
      [{ unitId: "21850", date: "2024-06-29", population: 7564, level2: 7564, dual: 3710, linked: 3710 }],
      { userId: null, username: "test", ip: null, at: new Date().toISOString() },
    );
    const after = await csvLines("/api/exports/reports.csv?date=2024-06-29");
    expect(after.find((l) => l.startsWith("21850,"))).toMatch(/^21850,Xã Tây Phú,2024-06-29,7564,7564,100,/);
    expect(after.find((l) => l.startsWith("21850,"))).not.toContain("BEHIND:coverage");
    expect(after.filter((l) => !l.startsWith("21850,"))).toEqual(
      before.filter((l) => !l.startsWith("21850,")),
    );
  });

  it("gives the same figures as XLSX for people: Vietnamese headers, date cells, formats, a total row", async () => {
    const book = await workbook("/api/exports/reports.xlsx?date=2024-02-03");
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error("no worksheet");
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining([
        "Mã đơn vị",
        "Tên đơn vị",
        "Ngày báo cáo",
        "Dân số",
        "Tài khoản mức 2",
        "Tỷ lệ mức 2 (%)",
        "Giải thích",
      ]),
    );
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(17); // header, 15 communes, total
    const communes = rows.slice(1, 16);
    expect(communes.reduce((sum, row) => sum + Number(row[5]), 0)).toBe(80_272);
    // A real date cell shown dd/mm/yyyy, counts grouped, percents with two decimals.
    const first = sheet.getRow(2);
    expect(first.getCell(3).value).toEqual(new Date("2024-02-03T00:00:00Z"));
    expect(first.getCell(3).numFmt).toBe("dd/mm/yyyy");
    expect(first.getCell(4).numFmt).toBe("#,##0");
    expect(first.getCell(6).numFmt).toBe("0.00");
    // The total row: the directive's totals and their truncated percent.
    const total = sheet.getRow(17);
    expect(total.getCell(2).value).toBe("Tổng cộng");
    expect(total.getCell(4).value).toBe(122_204);
    expect(total.getCell(5).value).toBe(80_272);
    expect(total.getCell(6).value).toBe(65.68);
    expect(total.font?.bold).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    // Flag names and sentences come from the catalogue, in Vietnamese unless asked otherwise.
    const june = await workbook("/api/exports/reports.xlsx?date=2024-06-29");
    const juneRows = (june.worksheets[0]?.getSheetValues() ?? []) as unknown[][];
    const tayPhu = juneRows.find((row) => row?.[1] === "21850");
    expect(String(tayPhu?.[18])).toContain("Chậm so với lộ trình (mức 2); Không kịp hạn (mức 2)");
    expect(String(tayPhu?.[19])).toContain("Tỷ lệ mức 2");
    const english = await workbook("/api/exports/reports.xlsx?date=2024-06-29&lang=en");
    expect(english.worksheets[0]?.getRow(1).getCell(1).value).toBe("Unit code");
  });

  it("gives the whole history as CSV, streamed, to signed-in users a few times a minute", async () => {
    const clock = createClock();
    ({ app, store } = await createDemoApp({ now: clock.now }));
    expect((await app.request("/api/exports/history.csv")).status).toBe(401);
    await createUser(store, { username: "viewer", role: "viewer" });
    const cookie = await signIn(app, "viewer");
    const history = () => app.request("/api/exports/history.csv", { headers: { cookie } });
    const lines = (await (await history()).text()).trim().split("\n");
    expect(lines).toHaveLength(328);
    expect(lines[0]).toBe("unit_code,unit_name,date,population,level2,dual,linked");
    expect(lines[1]).toBe("21808,Thị trấn Phú Phong,2024-02-03,19870,14810,10425,4371");
    expect(lines.slice(1).map((l) => l.split(",")[2])).toEqual(
      lines
        .slice(1)
        .map((l) => l.split(",")[2])
        .sort(),
    );
    for (let i = 1; i < HISTORY_LIMIT.max; i++) expect((await history()).status).toBe(200);
    const refused = await history();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    clock.advance(HISTORY_LIMIT.windowMs);
    expect((await history()).status).toBe(200);
  });

  it("writes the weekly report as the document says it: the report, then every commune (Phụ lục), figures as numbers", async () => {
    const book = await workbook("/api/exports/weekly.xlsx?date=2024-06-29");
    const [report, appendix] = book.worksheets;
    const lines = (sheet: typeof report) =>
      ((sheet?.getSheetValues() ?? []) as unknown[][]).filter(Boolean).map((row) => row.filter(Boolean));
    const text = lines(report).map((row) => row.join(" | "));
    expect(report?.name).toBe("BÁO CÁO");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(
      text.some(
        (line) =>
          line.startsWith("Tiến độ tạo tài khoản định danh điện tử mức 2") && line.includes("tuần 26/2024"),
      ),
    ).toBe(true);
    expect(text.some((line) => line.includes("Tỷ lệ mức 2: 97,66% (119.356/122.204)"))).toBe(true);
    expect(text).toContain("Nơi nhận:");
    // The lagging communes as the document's table: the figures are numbers with the document's sign.
    let header: ExcelJS.Row | undefined;
    report?.eachRow((row) => {
      if (row.getCell(2).value === "Số đạt / tổng số") header = row;
    });
    expect(header?.getCell(1).value).toBe("Xã, phường");
    // Recipients as Nghị định 30 lists them, no cell escaped.
    expect(text).toContain("– Lưu: VT, CAH.");
    const first = report?.getRow((header?.number ?? 0) + 1);
    expect(typeof first?.getCell(3).value).toBe("number");
    expect(first?.getCell(3).numFmt).toBe('0.00"%"');
    // Every commune after the signature, numbered, in the order of coverage.
    expect(appendix?.name).toBe("PHỤ LỤC");
    const rows = lines(appendix).slice(3);
    expect(rows).toHaveLength(15);
    expect(rows.map((row) => row[0])).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it("escapes cells a spreadsheet would run, in CSV and XLSX", async () => {
    await store.saveUnits([
      { id: "21850", name: '=HYPERLINK("http://x","Xã Tây Phú")', kind: "commune", parentId: "547" },
    ]);
    const lines = await csvLines("/api/exports/reports.csv?date=2024-06-29");
    expect(lines.find((l) => l.startsWith("21850,"))).toContain(`"'=HYPERLINK(""http://x"",""Xã Tây Phú"")"`);
    const book = await workbook("/api/exports/reports.xlsx?date=2024-06-29");
    const names = book.worksheets[0]?.getColumn(2).values as unknown[];
    expect(names).toContain('\'=HYPERLINK("http://x","Xã Tây Phú")');
    expect(safeCell("+1")).toBe("'+1");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("-67")).toBe("-67");
    expect(safeCell(-67)).toBe(-67);
    expect(safeCell("-2+3")).toBe("'-2+3");
  });

  it("gives the drive plan as CSV and XLSX, with what followed the finished drives", async () => {
    // The public sees where and when; the teams and notes are for signed-in users.
    const anonymous = await csvLines("/api/exports/drives.csv?unit=21850");
    expect(anonymous[1]).toMatch(/^1,21850,Xã Tây Phú,2185001,Thôn 1,2024-03-19,07:30,11:00,,40,done,/);
    await createUser(store, { username: "viewer", role: "viewer" });
    const cookie = await signIn(app, "viewer");
    const signedIn = async (path: string) =>
      (await (await app.request(path, { headers: { cookie } })).text()).trim().split("\n");
    const lines = await signedIn("/api/exports/drives.csv?unit=21850");
    expect(lines[0]).toBe(
      "id,unit_code,unit_name,village_code,village_name,date,start_time,end_time,team,planned,status,registrations,linked,notes,pace_before_per_day,pace_after_per_day",
    );
    expect(lines).toHaveLength(9);
    expect(lines[1]).toMatch(
      /^1,21850,Xã Tây Phú,2185001,Thôn 1,2024-03-19,07:30,11:00,Huyện đoàn Tây Sơn,40,done,42,26,,[\d.]+,[\d.]+$/,
    );
    const planned = await signedIn("/api/exports/drives.csv?status=planned");
    expect(planned).toHaveLength(4);
    const book = await workbook("/api/exports/drives.xlsx?from=2024-06-01");
    const sheet = book.worksheets[0];
    // Header, the drives of 04, 11, 18, 22, 25 June and three on the 30th, and the total row.
    expect(sheet?.rowCount).toBe(1 + 8 + 1);
    // The CSV's columns in its order (programs read it by position), named for people.
    expect(sheet?.getRow(1).getCell(2).value).toBe("Xã, phường, thị trấn");
    expect(sheet?.getRow(2).getCell(4).value).toEqual(new Date("2024-06-04T00:00:00Z"));
    expect(sheet?.getRow(2).getCell(4).numFmt).toBe("dd/mm/yyyy");
    expect(sheet?.getRow(10).getCell(2).value).toBe("Tổng cộng");
    // The total row sums the planned people of the eight drives.
    const people = [2, 3, 4, 5, 6, 7, 8, 9].map((row) => Number(sheet?.getRow(row).getCell(8).value));
    expect(people.every((n) => n > 0)).toBe(true);
    expect(sheet?.getRow(10).getCell(8).value).toBe(people.reduce((a, b) => a + b, 0));
    // Statuses in the pages' words (the file said "Hủy" where the pages say "Đã hủy").
    const may = (await workbook("/api/exports/drives.xlsx?from=2024-05-30&to=2024-05-30")).worksheets[0];
    expect(may?.getRow(2).getCell(9).value).toBe("Đã hủy");
  });

  it("gives the weekly report's title a row tall enough for the marks of Vietnamese capitals", async () => {
    const sheet = (await workbook("/api/exports/weekly.xlsx?date=2024-06-29")).worksheets[0];
    const title = [...Array(20).keys()]
      .map((i) => sheet?.getRow(i + 1))
      .find((row) => row?.getCell(1).value === "BÁO CÁO");
    expect(title).toBeDefined();
    expect(title?.font).toMatchObject({ name: "Arial", size: 14 });
    // 14 pt type with a stacked mark above a capital needs more than the default 15 pt row.
    expect(title?.height).toBeGreaterThanOrEqual(20);
  });

  it("lists the week's drives in the weekly report", async () => {
    const book = await workbook("/api/exports/weekly.xlsx?date=2024-06-29");
    const drives = book.worksheets[2];
    expect(drives?.name).toBe("Đợt vận động trong tuần");
    const rows = ((drives?.getSheetValues() ?? []).filter(Boolean) as unknown[][]).slice(1);
    expect(rows.map((r) => [r[1], r[2], r[5]])).toEqual([["25/06/2024", "Xã Tây Phú", "Đã thực hiện"]]);
    // Teams and notes are for signed-in users, as /api/drives has them.
    expect(JSON.stringify(rows)).not.toContain("Đoàn xã Tây Phú");
    await createUser(store, { username: "viewer", role: "viewer" });
    const viewer = await signIn(app, "viewer");
    const signedIn = await app.request("/api/exports/weekly.xlsx?date=2024-06-29", {
      headers: { cookie: viewer },
    });
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load(await signedIn.arrayBuffer());
    expect(JSON.stringify(book2.worksheets[2]?.getSheetValues())).toContain("Đoàn xã Tây Phú");
  });

  it("answers 404 for an unknown unit and 400 for a bad date", async () => {
    expect((await app.request("/api/exports/reports.csv?unit=999")).status).toBe(404);
    expect((await app.request("/api/exports/weekly.xlsx?date=29/06/2024")).status).toBe(400);
  });
});
