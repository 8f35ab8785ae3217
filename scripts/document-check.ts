// Renders the weekly report (DOCX) of the Tây Sơn demo and of the province demo (Gia Lai, 135
// communes) to PDF with LibreOffice Writer, reads each page's text with pdftotext, and checks what an
// office signs: the national heading on one line, the body up to the signature on at most two A4
// pages, "Nơi nhận" and the signer's title on the same page, the last recipient ending with a full
// stop, and an appendix after the signature listing every commune. Needs `libreoffice-writer-nogui`,
// `poppler-utils` and `fonts-liberation2` (Times New Roman's widths; .ci/run installs all three).
// Usage: npm run test:documents
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DemoData } from "../server/src/config.ts";
import { createDemoApp, getJson } from "../server/test/testing.ts";

const CASES: { demo: NonNullable<DemoData>; date: string; signer: string }[] = [
  { demo: "tay-son-2024", date: "2024-06-29", signer: "TRƯỞNG CÔNG AN HUYỆN" },
  { demo: "gia-lai-2025", date: "2025-10-25", signer: "GIÁM ĐỐC" },
];

const out = mkdtempSync(join(tmpdir(), "weekly-docx-"));
let failed = 0;
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failed++;
};

try {
  for (const { demo, date, signer } of CASES) {
    const { app } = await createDemoApp({}, demo);
    const response = await app.request(`/api/exports/weekly.docx?date=${date}`);
    if (response.status !== 200) throw new Error(`${demo}: weekly.docx answered ${response.status}`);
    const docx = join(out, `${demo}.docx`);
    writeFileSync(docx, Buffer.from(await response.arrayBuffer()));
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", out, docx], {
      stdio: "ignore",
      timeout: 180_000,
    });
    const pdf = join(out, `${demo}.pdf`);
    const pageCount = Number(
      /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1],
    );
    const pages = Array.from({ length: pageCount }, (_, i) =>
      execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], {
        encoding: "utf8",
      }),
    );
    const signed = pages.findIndex((page) => page.includes("Nơi nhận:"));
    check(
      signed >= 0 && signed <= 1,
      `${demo}: "Nơi nhận" on page ${signed + 1} of ${pageCount} (at most 2)`,
    );
    check(
      signed >= 0 && (pages[signed] ?? "").includes(signer),
      `${demo}: the signer's title on the same page`,
    );
    check(
      /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/.test(pages[0] ?? ""),
      `${demo}: the national heading on one line`,
    );
    const recipients = (pages[signed] ?? "").split("\n").filter((line) => /^\s*- /.test(line));
    check(
      recipients.length > 0 && /\.\s*$/.test(recipients.at(-1) ?? ""),
      `${demo}: the last recipient ends with a full stop (${(recipients.at(-1) ?? "").trim()})`,
    );
    // The appendix: after the signature, every commune of the area on the date, each on its own row.
    const after = pages.slice(signed + 1).join("\n");
    const communes = (await getJson(app, `/api/overview?date=${date}`)).body.children as {
      unit: { name: string };
    }[];
    const rows = after.split("\n").filter((line) => /^\s*\d+\s+(Xã|Phường|Thị trấn|Đặc khu)\s/.test(line));
    check(after.includes("PHỤ LỤC"), `${demo}: the appendix (Phụ lục) follows the signature`);
    check(
      rows.length === communes.length,
      `${demo}: the appendix lists ${rows.length} of ${communes.length} communes`,
    );
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (failed > 0) {
  console.error(`${failed} checks failed`);
  process.exit(1);
}
