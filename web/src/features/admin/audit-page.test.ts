import { describe, expect, it } from "vitest";
import { describeChange } from "./audit-page.tsx";

describe("the audit log's changes", () => {
  it("name the fields that changed, with the value before", () => {
    const before = { unitId: "21850", date: "2024-07-06", level2: 6480, dual: 3710 };
    const after = { ...before, level2: 6512 };
    expect(describeChange({ before, after })).toBe("level2: 6480 → 6512");
    expect(describeChange({ before: null, after: { role: "police" } })).toBe('role: "police"');
  });

  it("say, for a commune's reports written together, what changed on each date", () => {
    const figures = { population: 7564, level2: 6512, dual: 3710, linked: 2461 };
    const entry = {
      before: { "2024-07-06": figures },
      after: {
        "2024-07-06": { ...figures, level2: 6520 },
        "2024-07-13": { ...figures, level2: 6600 },
      },
    };
    expect(describeChange(entry)).toBe(
      "2024-07-06: level2: 6512 → 6520; 2024-07-13: population: 7564, level2: 6600, dual: 3710, linked: 2461",
    );
  });
});
