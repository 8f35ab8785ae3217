import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { safeCell, toCsv } from "./cells.ts";

const HOSTILE = [
  "=1+1",
  "Thôn 1;=1+1",
  "Thôn 1,=1+1",
  "ghi chú\n=HYPERLINK(\"http://x\",\"bấm\")",
  "ghi chú\r\n+1",
  "  =1+1",
  "\t=1+1",
  "@SUM(A1)",
  "-2+3",
];

describe("cells a spreadsheet will not run", () => {
  it("prefixes formula-looking text, also after a line break or spaces, and leaves numbers alone", () => {
    for (const text of HOSTILE.filter((t) => !/[;,]/.test(t))) expect(safeCell(text), text).toBe(`'${text}`);
    expect(safeCell("Thôn 1;=1+1")).toBe("Thôn 1;=1+1"); // quoted whole by the CSV writer instead
    expect(safeCell("-67")).toBe("-67");
    expect(safeCell(-67)).toBe(-67);
    expect(safeCell("Đội 3 - Thôn 2")).toBe("Đội 3 - Thôn 2");
  });

  it("quotes every cell holding ; , tab or a line break, so no separator cuts it into a formula", () => {
    const csv = toCsv(["notes"], HOSTILE.map((text) => [text]));
    for (const delimiter of [";", ","]) {
      const cells = (parse(csv.slice(1), { delimiter, relax_column_count: true }) as string[][]).flat();
      expect(cells.slice(1).map((cell) => /^\s*[=+\-@]/.test(cell))).toEqual(HOSTILE.map(() => false));
    }
    expect(csv).toContain('"Thôn 1;=1+1"');
  });
});
