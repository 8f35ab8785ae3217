import { messageArguments } from "@vneid-tracker/server/messages/format.ts";
import { describe, expect, it } from "vitest";
import { dictionaries, fillIn } from "./i18n.tsx";

function templates(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
    templates(v, path ? `${path}.${key}` : key),
  );
}
/** A message's placeholders as ICU reads them (plural and select branches included). */
const placeholders = messageArguments;
const fill = fillIn(dictionaries.vi);

describe("translations", () => {
  it("give every Vietnamese string an English one with the same placeholders", () => {
    const english = new Map(templates(dictionaries.en));
    for (const [path, text] of templates(dictionaries.vi)) {
      expect(english.has(path), path).toBe(true);
      expect(placeholders(english.get(path) as string), path).toEqual(placeholders(text));
    }
  });

  it("fill placeholders and leave unknown ones visible", () => {
    // Plurals follow the language: English says "1 day" and "2 days".
    expect(fillIn(dictionaries.en)(dictionaries.en.overview.daysLeftValue, { days: 1 })).toBe("1 day");
    expect(fillIn(dictionaries.en)(dictionaries.en.overview.daysLeftValue, { days: 2 })).toBe("2 days");
    expect(fill("Còn {days} ngày đến {deadline}.", { days: 149, deadline: "01/07/2024" })).toBe(
      "Còn 149 ngày đến 01/07/2024.",
    );
    expect(fill("{a} {b}", { a: 1 })).toBe("1 {b}");
  });
});
