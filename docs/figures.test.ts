// docs/figures.md names the function that implements each rule: each must still exist.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const text = readFileSync(join(ROOT, "docs/figures.md"), "utf8");
/** `pace.ts paceOn` (in server/src/domain) or `catalogue/late-reports.ts planLateReports` (in server/src). */
const references = [...text.matchAll(/`([\w/-]+\.ts) (\w+)`/g)].map(([, file, name]) => ({
  file: (file as string).includes("/")
    ? join("server/src", file as string)
    : join("server/src/domain", file as string),
  name: name as string,
}));

describe("docs/figures.md", () => {
  it("names functions of the domain, at least thirty of them", () => {
    expect(references.length).toBeGreaterThanOrEqual(30);
  });

  it.each(references)("$file declares $name", ({ file, name }) => {
    const source = readFileSync(join(ROOT, file), "utf8");
    const declared = new RegExp(`(export (async )?(function|const|class) ${name}\\b)|(^\\s+${name}\\()`, "m");
    expect(source).toMatch(declared);
  });
});
