import type { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import { IMPORT_CAPS } from "../imports/caps.ts";
import {
  longCellCsv,
  manyRowsCsv,
  manyRowsXlsx,
  oneCellLinesCsv,
  sharedStringsBomb,
  workbookOf,
  zipBomb,
} from "../imports/hostile-files.ts";
import type { Store } from "../store/store.ts";
import { createClock, createDemoApp, createUser, json, signIn, upload } from "../testing.ts";
import { ANSWERED_ROWS } from "./imports.ts";

let app: Hono;
let store: Store;
let police: string;

beforeEach(async () => {
  const clock = createClock(Date.parse("2024-07-10T03:00:00Z"));
  ({ app, store } = await createDemoApp({ now: clock.now }));
  await createUser(store, { username: "police", role: "police" });
  police = await signIn(app, "police");
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
