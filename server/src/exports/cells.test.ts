import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { safeCell, toCsv } from "./cells.ts";

const HOSTILE = [
  "=1+1",
  "Thôn 1;=1+1",
  "Thôn 1,=1+1",
  'ghi chú\n=HYPERLINK("http://x","bấm")',
  "ghi chú\r\n+1",
  "  =1+1",
  "\t=1+1",
  "@SUM(A1)",
  "-2+3",
];

describe("cells a spreadsheet will not run", () => {
  it("puts an apostrophe before every sign that could start a formula, wherever the cell is split", () => {
    expect(safeCell("=1+1")).toBe("'=1+1");
    expect(safeCell("Thôn 1;=1+1")).toBe("Thôn 1;'=1+1");
    expect(safeCell("Thôn 1, =1+1")).toBe("Thôn 1, '=1+1");
    expect(safeCell("ghi chú\n=1+1")).toBe("ghi chú\n'=1+1");
    expect(safeCell("  =1+1")).toBe("  '=1+1");
    expect(safeCell("\t=1+1")).toBe("'\t'=1+1");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("-67")).toBe("-67");
    expect(safeCell(-67)).toBe(-67);
    expect(safeCell("Đội 3 - Thôn 2")).toBe("Đội 3 - Thôn 2");
  });

  it("quotes every cell holding ; , tab or a line break, so no separator cuts it into a formula", () => {
    const csv = toCsv(
      ["notes"],
      HOSTILE.map((text) => [text]),
    );
    for (const delimiter of [";", ","]) {
      const cells = (parse(csv.slice(1), { delimiter, relax_column_count: true }) as string[][]).flat();
      const runnable = cells.filter((cell) => /^\s*[=+\-@]/.test(cell) && !/^-?\d+$/.test(cell));
      expect(runnable, delimiter).toEqual([]);
    }
    expect(csv).toContain(`"Thôn 1;'=1+1"`);
  });
});
