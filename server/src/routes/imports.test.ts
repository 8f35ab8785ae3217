import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import {
  longCellCsv,
  manyRowsCsv,
  manyRowsXlsx,
  oneCellLinesCsv,
  sharedStringsBomb,
  workbookOf,
  zipBomb,
} from "../../test/hostile-files.ts";
import { createClock, createDemoApp, createUser, json, signIn, upload } from "../../test/testing.ts";
import { IMPORT_CAPS } from "../imports/caps.ts";
import { ANSWERED_ROWS } from "../imports/plan.ts";
import type { Store } from "../store/store.ts";

let app: Hono;
let store: Store;
let police: string;

beforeEach(async () => {
  const clock = createClock(Date.parse("2024-07-10T03:00:00Z"));
  ({ app, store } = await createDemoApp({ now: clock.now }));
  await createUser(store, { username: "police", role: "police" });
  police = await signIn(app, "police");
});

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "..", "imports", "fixtures", name));
const level2On = async (unit: string, date: string) =>
  (await json(await app.request(`/api/overview?unit=${unit}&date=${date}`))).figures.level2;
const reportAudits = () => store.auditLog({ action: "report", limit: 100 });

describe("POST /api/imports", () => {
  for (const name of [
    "bom-semicolon-vi.csv",
    "libreoffice-calc.xlsx",
    "excel-shaped.xlsx",
    "tab-english-no-diacritics.csv",
  ]) {
    it(`previews ${name} without writing`, async () => {
      const response = await upload(app, "/api/imports?dryRun=true", name, fixture(name), police);
      expect(response.status).toBe(200);
      const body = await json(response);
      expect(body.dryRun).toBe(true);
      expect(body.summary.withErrors).toBe(0);
      expect(body.rows[0]).toMatchObject({
        values: {
          unitId: "21850",
          unitName: "Xã Tây Phú",
          date: "2024-07-06",
          population: 7564,
          level2: 6512,
          dual: 3710,
          linked: 2461,
        },
        errors: [],
        change: "create",
      });
      expect(await level2On("21850", "2024-07-06")).toBe(6480);
      expect(await reportAudits()).toEqual([]);
    });
  }

  it("writes every row of a valid file in one go, one audit entry per change", async () => {
    const response = await upload(app, "/api/imports", "tuan.csv", fixture("bom-semicolon-vi.csv"), police);
    expect(response.status).toBe(200);
    expect((await json(response)).summary).toMatchObject({ rows: 3, created: 3, revised: 0, unchanged: 0 });
    expect(await level2On("21850", "2024-07-06")).toBe(6512);
    expect(await level2On("547", "2024-07-06")).toBe(119_356 - 6480 - 8387 - 2549 + 6512 + 8430 + 2560);
    const audits = await reportAudits();
    expect(audits.map((a) => a.entityId).sort()).toEqual([
      "21835/2024-07-06",
      "21841/2024-07-06",
      "21850/2024-07-06",
    ]);
    // The same file again changes nothing and audits nothing.
    const again = await upload(app, "/api/imports", "tuan.csv", fixture("bom-semicolon-vi.csv"), police);
    expect((await json(again)).summary).toMatchObject({ unchanged: 3, created: 0 });
    expect(await reportAudits()).toHaveLength(3);
  });

  it("audits several dates of one commune as one entry giving each date's figures before and after", async () => {
    await upload(app, "/api/imports", "tuan.csv", fixture("bom-semicolon-vi.csv"), police);
    const csv =
      "unit_code,date,population,level2,dual,linked\n" +
      "21850,2024-07-06,7564,6520,3710,2461\n21850,2024-07-09,7564,6530,3712,2470\n" +
      "21841,2024-07-09,3160,2565,1410,875\n";
    const response = await upload(app, "/api/imports?confirm=true", "hai-ngay.csv", csv, police);
    expect((await json(response)).summary).toMatchObject({ created: 2, revised: 1 });
    const audits = (await reportAudits()).slice(0, 2);
    const byUnit = Object.fromEntries(audits.map((a) => [a.unitId, a]));
    expect(byUnit["21850"]).toMatchObject({
      action: "report.batch",
      entityId: "21850",
      before: { "2024-07-06": { population: 7564, level2: 6512, dual: 3710, linked: 2461 } },
      after: {
        "2024-07-06": { population: 7564, level2: 6520, dual: 3710, linked: 2461 },
        "2024-07-09": { population: 7564, level2: 6530, dual: 3712, linked: 2470 },
      },
    });
    expect(byUnit["21841"]).toMatchObject({
      action: "report.create",
      entityId: "21841/2024-07-09",
      after: { unitId: "21841", date: "2024-07-09", level2: 2565 },
    });
    expect(await reportAudits()).toHaveLength(3 + 2);
  });
  it("writes nothing when the last row is invalid, and says which row and field", async () => {
    const response = await upload(app, "/api/imports", "tuan.csv", fixture("last-row-invalid.csv"), police);
    expect(response.status).toBe(422);
    const { error } = await json(response);
    expect(error.code).toBe("IMPORT_INVALID");
    expect(error.details.rows).toEqual([
      expect.objectContaining({
        row: 4,
        errors: [expect.objectContaining({ field: "dual", code: "DUAL_ABOVE_LEVEL2" })],
      }),
    ]);
    expect(await level2On("21850", "2024-07-06")).toBe(6480);
    expect(await reportAudits()).toEqual([]);
  });

  it("reads a semicolon file's comma-grouped counts whole, wherever they stand", async () => {
    const csv =
      "mã đơn vị;ngày;dân số;tài khoản mức 2;có cả hai tài khoản;đã liên kết\n" +
      "21835;06/07/2024;9,870;8,450;4,900;3,430\n21850;06/07/2024;7564;6512;5,850;2461\n";
    // 9,870 is a population rise of 330 (3.5%) to confirm; it must not be read as 9 or 870.
    const response = await upload(app, "/api/imports?confirm=true", "tuan.csv", csv, police);
    expect(response.status).toBe(200);
    const overview = await json(await app.request("/api/overview?unit=547&date=2024-07-06"));
    const figures = (id: string) =>
      overview.children.find((c: { unit: { id: string } }) => c.unit.id === id).figures;
    expect(figures("21835")).toMatchObject({ population: 9870, level2: 8450, dual: 4900, linked: 3430 });
    expect(figures("21850")).toMatchObject({ population: 7564, dual: 5850 });
  });

  it("refuses a row with more cells than the header, naming the row, and writes nothing", async () => {
    const csv =
      "unit_code,date,population,level2,dual,linked\n" +
      "21835,2024-07-06,9540,8430,4890,3420\n21850,2024-07-06,7564,6512,3710,2,461\n";
    const response = await upload(app, "/api/imports", "a.csv", csv, police);
    expect(response.status).toBe(422);
    const { error } = await json(response);
    expect(error.code).toBe("IMPORT_INVALID");
    expect(error.details.rows).toEqual([
      expect.objectContaining({
        row: 3,
        errors: [
          expect.objectContaining({
            field: "row",
            code: "TOO_MANY_CELLS",
            values: { row: 3, cells: 7, header: 6, extra: '"461"' },
          }),
        ],
      }),
    ]);
    expect(await level2On("21835", "2024-07-06")).not.toBe(8430);
    expect(await reportAudits()).toEqual([]);
  });

  it("refuses a row whose code and name are two different communes", async () => {
    const csv =
      "unit_code,unit_name,date,population,level2,dual,linked\n21850,Xã Bình Tường,2024-07-06,7564,6512,3710,2461\n";
    const response = await upload(app, "/api/imports", "a.csv", csv, police);
    expect(response.status).toBe(422);
    expect((await json(response)).error.details.rows[0].errors).toEqual([
      expect.objectContaining({
        field: "unit_name",
        code: "CODE_NAME_MISMATCH",
        message: 'The code 21850 is Xã Tây Phú, not "Xã Bình Tường": correct the code or the name.',
      }),
    ]);
    // The same name without diacritics or "Xã" is the same commune.
    const same =
      "unit_code,unit_name,date,population,level2,dual,linked\n21850,tay phu,2024-07-06,7564,6512,3710,2461\n";
    expect((await upload(app, "/api/imports?dryRun=true", "b.csv", same, police)).status).toBe(200);
  });

  it("asks for a confirmation of warnings before writing", async () => {
    const csv = "unit_code,date,population,level2,dual,linked\n21850,2024-07-06,7564,6400,3710,2461\n";
    const first = await upload(app, "/api/imports", "a.csv", csv, police);
    expect((await json(first)).error).toMatchObject({
      code: "IMPORT_NEEDS_CONFIRMATION",
      details: { summary: { withWarnings: 1 } },
    });
    expect(await reportAudits()).toEqual([]);
    const confirmed = await upload(app, "/api/imports?confirm=true", "a.csv", csv, police);
    expect(confirmed.status).toBe(200);
    expect(await level2On("21850", "2024-07-06")).toBe(6400);
  });

  it("refuses a wrong header, an unreadable or foreign file and a missing file, naming what is wrong", async () => {
    const header = await json(
      await upload(app, "/api/imports?dryRun=true", "x.csv", fixture("wrong-header.csv"), police),
    );
    expect(header.error).toMatchObject({
      code: "BAD_HEADER",
      details: { missing: ["population", "dual", "linked"] },
    });
    const broken = await upload(app, "/api/imports?dryRun=true", "x.xlsx", "not a workbook", police);
    expect((await json(broken)).error.code).toBe("UNREADABLE_FILE");
    const pdf = await upload(app, "/api/imports?dryRun=true", "x.pdf", "%PDF", police);
    expect(pdf.status).toBe(415);
    const empty = await upload(
      app,
      "/api/imports?dryRun=true",
      "x.csv",
      "unit_code,date,population,level2,dual,linked\n",
      police,
    );
    expect((await json(empty)).error.code).toBe("EMPTY_FILE");
    const form = new FormData();
    const missing = await app.request("/api/imports", {
      method: "POST",
      headers: { cookie: police, origin: "http://localhost" },
      body: form,
    });
    expect((await json(missing)).error).toMatchObject({ code: "FILE_MISSING", details: [{ field: "file" }] });
  });

  it("refuses a commune user's file whole when one row is another commune's", async () => {
    await createUser(store, { username: "tay-phu", role: "commune", unitId: "21850" });
    const cookie = await signIn(app, "tay-phu");
    const own = "unit_code,date,population,level2,dual,linked\n21850,2024-07-06,7564,6512,3710,2461\n";
    expect((await upload(app, "/api/imports", "a.csv", own, cookie)).status).toBe(200);
    const mixed = `${own}21835,2024-07-06,9540,8430,4890,3420\n`;
    const refused = await upload(app, "/api/imports", "b.csv", mixed.replace("6512", "6513"), cookie);
    expect(refused.status).toBe(403);
    expect(await level2On("21850", "2024-07-06")).toBe(6512);
    // Also when that row has an error of its own, and for a dry run: nothing of it is answered.
    const invalid = `${own}21835,2024-07-06,9540,8430,9999,3420\n`;
    const preview = await upload(app, "/api/imports?dryRun=true", "c.csv", invalid, cookie);
    expect(preview.status).toBe(403);
  });

  it("reads back its own history export: every row unchanged", async () => {
    const history = await (
      await app.request("/api/exports/history.csv", { headers: { cookie: police } })
    ).text();
    const response = await upload(app, "/api/imports?dryRun=true", "lich-su.csv", history, police);
    expect((await json(response)).summary).toMatchObject({
      rows: 327,
      withErrors: 0,
      withWarnings: 0,
      unchanged: 327,
    });
  });
});

describe("templates", () => {
  it("lists every commune in CSV and XLSX, ready to fill in and import", async () => {
    const bytes = Buffer.from(await (await app.request("/api/imports/template.csv")).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so Excel reads the Vietnamese right
    const csv = bytes.toString("utf8").slice(1);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("mã đơn vị,tên đơn vị,ngày,dân số,tài khoản mức 2,có cả hai tài khoản,đã liên kết");
    expect(lines).toHaveLength(16);
    expect(lines).toContain("21850,Xã Tây Phú,,,,,");
    const filled = csv.replace(
      "21850,Xã Tây Phú,,,,,",
      "21850,Xã Tây Phú,06/07/2024,7.564,6.512,3.710,2.461",
    );
    const plan = await json(await upload(app, "/api/imports?dryRun=true", "mau.csv", filled, police));
    expect(plan.summary).toMatchObject({ create: 1 });
    expect(plan.summary.withErrors).toBe(14); // the communes left blank

    const xlsx = await (await app.request("/api/imports/template.xlsx")).arrayBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx);
    expect(workbook.worksheets[0]?.getRow(2).values).toEqual([undefined, "21808", "Thị trấn Phú Phong"]);
  });
});

const refusal = async (name: string, bytes: Uint8Array) => {
  const response = await upload(app, "/api/imports?dryRun=true", name, bytes, police);
  return { status: response.status, error: (await json(response)).error };
};

describe("an import's caps", () => {
  it("refuses more rows than the cap, CSV or XLSX, naming the cap", { timeout: 60_000 }, async () => {
    for (const [name, bytes] of [
      ["rows.csv", manyRowsCsv(IMPORT_CAPS.rows + 5)],
      ["lines.csv", oneCellLinesCsv(1_000_000)],
      ["rows.xlsx", manyRowsXlsx(IMPORT_CAPS.rows + 5)],
    ] as const) {
      const { status, error } = await refusal(name, bytes);
      expect(status, name).toBe(413);
      expect(error, name).toMatchObject({
        code: "IMPORT_TOO_LARGE",
        details: { cap: "rows", limit: IMPORT_CAPS.rows },
      });
    }
  });

  it("refuses a zip bomb after unpacking no more than the cap, whatever its headers claim", async () => {
    const bomb = zipBomb(80);
    expect(bomb.length).toBeLessThan(200_000);
    const { status, error } = await refusal("bomb.xlsx", bomb);
    expect(status).toBe(413);
    expect(error).toMatchObject({ details: { cap: "unpackedBytes" } });
    expect(error.message).toContain("64 MB");
  });

  it("refuses a shared-string table bigger than any sheet of figures needs", async () => {
    const { status, error } = await refusal("strings.xlsx", sharedStringsBomb(IMPORT_CAPS.sharedStrings + 1));
    expect(status).toBe(413);
    expect(error).toMatchObject({ details: { cap: "sharedStrings" } });
  });

  it("refuses a cell longer than the cap", async () => {
    const { status, error } = await refusal("long.csv", longCellCsv(IMPORT_CAPS.cellChars + 1));
    expect(status).toBe(413);
    expect(error).toMatchObject({ details: { cap: "cellChars" } });
  });

  it("answers a large file's dry run with its summary and a bounded sample, problem rows first", async () => {
    // Two communes a day from 2024-07-05 back to 2024-01-09: 360 rows, the 301st with an error.
    const rows = Array.from({ length: 360 }, (_, i) => {
      const unit = i % 2 === 0 ? "21850" : "21835";
      return i === 300
        ? `${unit},2024-07-06,7564,6512,9999,2461`
        : `${unit},${day(i >> 1)},7564,6512,3710,2461`;
    });
    const csv = `unit_code,date,population,level2,dual,linked\n${rows.join("\n")}\n`;
    const response = await upload(app, "/api/imports?dryRun=true", "big.csv", csv, police);
    const body = await json(response);
    expect(body.summary.rows).toBe(360);
    expect(body.rows).toHaveLength(ANSWERED_ROWS);
    expect(body.rows[0]).toMatchObject({
      row: 302,
      errors: [expect.objectContaining({ code: "DUAL_ABOVE_LEVEL2" })],
    });
  });

  it("reads a workbook built by hand, and a CSV saved in UTF-16 or Windows-1258", async () => {
    const xlsx = workbookOf(
      `<row r="1">${["unit_code", "date", "population", "level2", "dual", "linked"].map((_, i) => `<c r="${"ABCDEF"[i]}1" t="s"><v>${i}</v></c>`).join("")}</row>` +
        `<row r="2"><c r="A2"><v>21850</v></c><c r="B2" t="s"><v>6</v></c><c r="C2"><v>7564</v></c><c r="D2"><v>6512</v></c><c r="E2"><v>3710</v></c><c r="F2"><v>2461</v></c></row>`,
      ["unit_code", "date", "population", "level2", "dual", "linked", "2024-07-06"],
    );
    const fromXlsx = await json(await upload(app, "/api/imports?dryRun=true", "a.xlsx", xlsx, police));
    expect(fromXlsx.rows[0].values).toMatchObject({ unitId: "21850", date: "2024-07-06", level2: 6512 });

    const text =
      "tên đơn vị;ngày;dân số;tài khoản mức 2;có cả hai tài khoản;đã liên kết\nXã Tây Phú;06/07/2024;7.564;6.512;3.710;2.461\n";
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const fromUtf16 = await json(await upload(app, "/api/imports?dryRun=true", "u16.csv", utf16, police));
    expect(fromUtf16.rows[0].values).toMatchObject({ unitId: "21850", level2: 6512 });
    // Windows-1258 (older Vietnamese Excel): "Xã Tây Phú" is X a + 0xDE (combining tilde), T 0xE2 y, P h 0xFA.
    const cp1258 = Buffer.concat([
      Buffer.from("unit_name;date;population;level2;dual;linked\n"),
      Buffer.from([0x58, 0x61, 0xde, 0x20, 0x54, 0xe2, 0x79, 0x20, 0x50, 0x68, 0xfa]),
      Buffer.from(";06/07/2024;7.564;6.512;3.710;2.461\n"),
    ]);
    const from1258 = await upload(app, "/api/imports?dryRun=true", "cp1258.csv", cp1258, police);
    const body1258 = await json(from1258);
    expect(from1258.status, JSON.stringify(body1258.error)).toBe(200);
    expect(body1258.rows[0].values).toMatchObject({ unitId: "21850", level2: 6512 });
  });
});

/** A day `i` days before 2024-07-05, so that every row is in the past. */
function day(i: number): string {
  const date = new Date(Date.UTC(2024, 6, 5) - i * 86_400_000);
  return date.toISOString().slice(0, 10);
}
