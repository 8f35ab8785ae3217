import { describe, expect, it } from "vitest";
import { placeLabels } from "./commune-map.tsx";

describe("the map's names", () => {
  it("never overlap each other or a dot, and stay inside the map", () => {
    // Three communes close together, one at the map's right edge.
    const dots = [
      { id: "a", x: 100, y: 100, r: 10, text: "Tây Sơn" },
      { id: "b", x: 104, y: 112, r: 6, text: "Bình Nghi" },
      { id: "c", x: 108, y: 124, r: 6, text: "Tây Xuân" },
      { id: "d", x: 395, y: 150, r: 5, text: "Vĩnh An" },
    ];
    const labels = placeLabels(dots, 400, 300);
    const boxes = [...labels.values()].map((l) => {
      const w = l.text.length * 6;
      const left = l.anchor === "start" ? l.x : l.anchor === "end" ? l.x - w : l.x - w / 2;
      return [left, l.y - 11, left + w, l.y + 2] as const;
    });
    for (const [i, a] of boxes.entries()) {
      expect(a[0]).toBeGreaterThanOrEqual(0);
      expect(a[2]).toBeLessThanOrEqual(400);
      for (const b of boxes.slice(i + 1))
        expect(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3], JSON.stringify([a, b])).toBe(false);
    }
    // The one at the edge is named on its left, not cut off.
    expect(labels.get("d")).toMatchObject({ anchor: "end" });
    expect(labels.get("a")).toBeDefined();
  });
});
