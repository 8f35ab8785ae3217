import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Figures are computed on the server (docs/architecture.md: components never compute figures), truncated,
// never rounded: a toFixed or Math.round in the web would show a number of its own making.
const ROOT = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("the web shows the server's figures", () => {
  it("rounds nothing itself: no toFixed, no Math.round in web/src", () => {
    const found = sources(ROOT).flatMap((path) =>
      readFileSync(path, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          /\.toFixed\(|Math\.round\(/.test(line) ? [`${path.slice(ROOT.length + 1)}:${i + 1}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });
});
