// Searching the national catalogues: the answers a process keeps are the answers it would make.
import { describe, expect, it } from "vitest";
import { TEST_CONFIG } from "../../test/testing.ts";
import { Catalogue, catalogueAt, TREES } from "./catalogue.ts";

const shipped = catalogueAt(TEST_CONFIG.dataDir);
const units = TREES.flatMap((tree) =>
  shipped.children(tree, null).flatMap((province) => shipped.subtree(tree, province.code)),
);
/** The same units in a catalogue of its own, which has answered nothing yet. */
const fresh = () => new Catalogue(units, shipped.merger);

describe("searching the catalogue", () => {
  it("answers a search asked again, in either tree, as it answered it first", () => {
    const catalogue = fresh();
    const first = catalogue.search("gia", "2025");
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((unit) => unit.tree === "2025")).toBe(true);
    // The same letters in the other tree, or in both, are other questions.
    const old = catalogue.search("GIA", "2024");
    expect(old.every((unit) => unit.tree === "2024")).toBe(true);
    expect(catalogue.search("Gia")).toEqual(fresh().search("gia"));
    expect(catalogue.search("gia", "2025")).toEqual(first);
  });

  it("keeps answering right after more searches than it keeps", () => {
    const catalogue = fresh();
    const gia = catalogue.search("gia lai", "2025");
    expect(gia[0]?.name).toBe("Tỉnh Gia Lai");
    const letters = "abcdeghiklmnopqrstuvxy";
    for (const a of letters)
      for (const b of letters) for (const c of "aeiou") catalogue.search(`${a}${b}${c}`);
    expect(catalogue.search("gia lai", "2025")).toEqual(gia);
    expect(catalogue.search("ia grai", "2025")).toEqual(fresh().search("ia grai", "2025"));
  });
});
