import { describe, expect, it } from "vitest";
import { weekChoices } from "./weekly-page.tsx";

describe("the weekly report's week picker", () => {
  it("offers every week of the campaign, newest first, whatever reports came later", () => {
    // The directive's campaign: 03/02/2024 (a Saturday) to 01/07/2024.
    const weeks = weekChoices("2024-02-03", "2024-07-01", "2024-06-29");
    expect(weeks[0]).toBe("2024-06-30");
    expect(weeks.at(-1)).toBe("2024-02-04");
    expect(weeks).toHaveLength(22);
    expect(weeks).toContain("2024-06-30"); // week 26 of 2024, the one asked for
  });

  it("adds the week asked for when it lies outside the campaign", () => {
    const weeks = weekChoices("2024-02-03", "2024-07-01", "2026-12-02");
    expect(weeks[0]).toBe("2026-12-06");
    expect(weeks).toHaveLength(23);
  });
});
