import { describe, expect, it } from "vitest";
import { readerThreadId, readTableFile } from "./read-upload.ts";

const csvFile = (rows: number) => {
  const lines = ["mã đơn vị,ngày,dân số,tài khoản mức 2,có cả hai tài khoản,đã liên kết"];
  for (let i = 0; i < rows; i++) lines.push(`${100_000 + i},2024-02-03,8000,5000,3000,1500`);
  return new File([`${lines.join("\n")}\n`], "tinh.csv", { type: "text/csv" });
};

describe("the reading thread", () => {
  it("is kept for the next small file, and replaced at once after a large one so that its write finds a reader", async () => {
    expect((await readTableFile(csvFile(3))).lines).toHaveLength(3);
    const first = readerThreadId();
    expect(first).not.toBeNull();
    await readTableFile(csvFile(3));
    expect(readerThreadId()).toBe(first);

    // A file of 100,000 rows grows the reader past what is kept: it is stopped, a fresh one waits.
    expect((await readTableFile(csvFile(100_000))).lines).toHaveLength(100_000);
    const fresh = readerThreadId();
    expect(fresh).not.toBeNull();
    expect(fresh).not.toBe(first);
    const table = await readTableFile(csvFile(3));
    expect(table.cells.slice(0, 6)).toEqual(["100000", "2024-02-03", "8000", "5000", "3000", "1500"]);
    expect(readerThreadId()).toBe(fresh);
  }, 30_000);
});
