import { describe, expect, it } from "vitest";
import { dictionaries, fill } from "./i18n.tsx";

function templates(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
    templates(v, path ? `${path}.${key}` : key),
  );
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  it("give every Vietnamese string an English one with the same placeholders", () => {
    const english = new Map(templates(dictionaries.en));
    for (const [path, text] of templates(dictionaries.vi)) {
      expect(english.has(path), path).toBe(true);
      expect(placeholders(english.get(path) as string), path).toEqual(placeholders(text));
    }
  });

  it("fill placeholders and leave unknown ones visible", () => {
    expect(fill("Còn {days} ngày đến {deadline}.", { days: 149, deadline: "01/07/2024" })).toBe(
      "Còn 149 ngày đến 01/07/2024.",
    );
    expect(fill("{a} {b}", { a: 1 })).toBe("1 {b}");
  });
});
