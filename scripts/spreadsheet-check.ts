// Opens every export in LibreOffice Calc, CSVs split on ";" (the Vietnamese Windows list separator)
// and on ",", and counts the formulas it finds: there must be none, however hostile the text that
// users typed (drive notes, team and unit names). Needs LibreOffice (`apt-get install -y
// libreoffice-calc-nogui`). Usage: npm run test:spreadsheets
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDemoApp, createUser, postJson, signIn } from "../server/test/testing.ts";

const HOSTILE = [
  "Thôn 1;=1+1",
  'Thôn 2,=HYPERLINK("http://example.invalid","bấm")',
  "ghi chú\n=1+1",
  "ghi chú\r\n@SUM(1)",
  "  +1+1",
  "-2+3",
];

const { app, store } = await createDemoApp();
await createUser(store, { username: "admin", role: "admin" });
const cookie = await signIn(app, "admin");
for (const [i, text] of HOSTILE.entries()) {
  const drive = {
    unitId: "21850",
    villageId: null,
    date: "2024-06-20",
    startTime: "07:30",
    endTime: "11:00",
  };
  const response = await postJson(
    app,
    "/api/drives",
    // A drive held on a past day is recorded as done, with its results.
    { ...drive, team: text, planned: 10 + i, notes: text, status: "done", registrations: 8, linked: 3 },
    cookie,
  );
  if (response.status !== 201)
    throw new Error(`planting a drive failed: ${response.status} ${await response.text()}`);
}
const exports = [
  "/api/exports/reports.csv?date=2024-06-29",
  "/api/exports/reports.xlsx?date=2024-06-29",
  "/api/exports/history.csv",
  "/api/exports/drives.csv",
  "/api/exports/drives.xlsx",
  "/api/exports/weekly.xlsx?date=2024-06-22",
  "/api/exports/reporting.csv?from=2024-04-01&to=2024-06-30",
  "/api/exports/reporting.xlsx?from=2024-04-01&to=2024-06-30",
  "/api/imports/template.csv",
  "/api/imports/template.xlsx",
];

const dir = mkdtempSync(join(tmpdir(), "vneid-sheets-"));
let passed = 0;
let failed = 0;
try {
  for (const path of exports) {
    const response = await app.request(path, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    const extension = path.includes(".xlsx") ? "xlsx" : "csv";
    const file = join(dir, `export.${extension}`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const separators = extension === "csv" ? [";", ","] : [null];
    for (const separator of separators) {
      const formulas = formulasIn(file, separator);
      const label = `${path}${separator ? ` split on "${separator}"` : ""}`;
      if (formulas === 0) {
        passed++;
        console.log(`ok   ${label}: 0 formulas`);
      } else {
        failed++;
        console.log(`FAIL ${label}: ${formulas} formulas`);
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/** Converts the file to flat ODS with LibreOffice as a user's Calc would open it, and counts the formula cells. */
function formulasIn(file: string, separator: string | null): number {
  const out = mkdtempSync(join(dir, "out-"));
  const args = ["--headless", "--norestore", `-env:UserInstallation=file://${join(dir, "profile")}`];
  // CSV filter options: field separator, text delimiter ("), UTF-8 (76), from line 1.
  if (separator) args.push(`--infilter=CSV:${separator.charCodeAt(0)},34,76,1`);
  execFileSync("soffice", [...args, "--convert-to", "fods", "--outdir", out, file], {
    stdio: "ignore",
    timeout: 120_000,
  });
  const converted = readdirSync(out).find((name) => name.endsWith(".fods"));
  if (!converted) throw new Error(`LibreOffice did not convert ${file}`);
  const xml = readFileSync(join(out, converted), "utf8");
  const found = xml.match(/table:formula="[^"]*"/g) ?? [];
  if (found.length > 0) console.log(found.slice(0, 5).join("\n"));
  return found.length;
}
