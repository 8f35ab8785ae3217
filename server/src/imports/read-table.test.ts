import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countValue } from "../domain/counts.ts";
import { UnreadableFile } from "./caps.ts";
import { parseDate } from "./cells.ts";
import { mapHeader } from "./columns.ts";
import { readCsv, readXlsx, rowCells } from "./read-table.ts";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name));
const tayPhu = { line: 2, code: "21850", date: "2024-07-06", counts: [7564, 6512, 3710, 2461] };

describe("reading CSV", () => {
  it("reads a BOM, semicolons, CRLF and blank lines, keeping the file's line numbers", () => {
    const table = readCsv(fixture("bom-semicolon-vi.csv").toString("utf8"));
    expect(table.header[0]).toBe("Mã đơn vị");
    expect([...table.lines]).toEqual([2, 4, 6]);
    expect(rowCells(table, 0)).toEqual([
      "21850",
      "Xã Tây Phú",
      "06/07/2024",
      "7.564",
      "6.512",
      "3.710",
      "2.461",
    ]);
  });

  it("reads tabs", () => {
    const table = readCsv(fixture("tab-english-no-diacritics.csv").toString("utf8"));
    expect(table.header).toEqual(["linked", "date", "unit_name", "level2", "population", "dual"]);
    expect(table.lines).toHaveLength(3);
  });

  it("says what is wrong with a broken file", () => {
    expect(() => readCsv('a,b\n"unclosed,1\n')).toThrow(UnreadableFile);
  });
});

describe("reading XLSX", () => {
  it("reads a workbook saved by LibreOffice Calc: dates as dates, numbers as numbers", async () => {
    const table = await readXlsx(fixture("libreoffice-calc.xlsx"));
    expect(table.lines).toHaveLength(3);
    const [code, , date, ...counts] = rowCells(table, 0);
    expect(code).toBe(tayPhu.code);
    expect((date as Date).toISOString().slice(0, 10)).toBe(tayPhu.date);
    expect(counts).toEqual(tayPhu.counts);
  });

  it("reads Excel's shapes: rich text, formulas by their result, empty rows, codes as numbers", async () => {
    const table = await readXlsx(fixture("excel-shaped.xlsx"));
    expect(table.header[4]).toBe("Tài khoản mức 2");
    expect([...table.lines]).toEqual([2, 4]);
    expect(rowCells(table, 0)[0]).toBe(21850);
    expect(rowCells(table, 0)[6]).toBe(2461);
  });

  it("refuses what is not a workbook", async () => {
    await expect(readXlsx(Buffer.from("not a zip"))).rejects.toThrow(UnreadableFile);
  });
});

describe("cells and headers", () => {
  it("reads counts with Vietnamese or English thousand separators, and leaves the rest for validation", () => {
    expect(countValue("80.272")).toBe(80_272);
    expect(countValue("1.080.272")).toBe(1_080_272);
    expect(countValue("80,272")).toBe(80_272);
    expect(countValue("80 272")).toBe(80_272);
    expect(countValue(" 873 ")).toBe(873);
    expect(countValue(7564)).toBe(7564);
    expect(countValue("80.5")).toBe("80.5");
    expect(countValue("1.080,272")).toBe("1.080,272");
    expect(countValue("")).toBeNull();
    expect(countValue("abc")).toBe("abc");
  });

  it("reads dates written day first, ISO, or as spreadsheet dates", () => {
    expect(parseDate("06/07/2024")).toBe("2024-07-06");
    expect(parseDate("6/7/2024")).toBe("2024-07-06");
    expect(parseDate("2024-07-06")).toBe("2024-07-06");
    expect(parseDate(new Date(Date.UTC(2024, 6, 6)))).toBe("2024-07-06");
    expect(parseDate("31/02/2024")).toBe("31/02/2024");
  });

  it("matches headers in any order, case, spacing and diacritics, and names what is missing", () => {
    const header = mapHeader([
      " MÃ ĐƠN VỊ ",
      "ngay",
      "Dan so",
      "tai khoan muc 2",
      "Có cả hai tài khoản",
      "ĐÃ LIÊN KẾT",
      "ghi chú",
    ]);
    expect(header.index).toEqual({ unit_code: 0, date: 1, population: 2, level2: 3, dual: 4, linked: 5 });
    expect(header.ignored).toEqual(["ghi chú"]);
    expect(header.missing).toEqual([]);
    expect(mapHeader(["ma xa", "ngay", "so dan"]).missing).toEqual([
      "unit_code",
      "population",
      "level2",
      "dual",
      "linked",
    ]);
  });
});
