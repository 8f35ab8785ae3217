import { describe, expect, it } from "vitest";
import { UnitTree } from "./domain/tree.ts";
import type { Unit } from "./domain/types.ts";
import { unitProblems } from "./seed.ts";

const tree = new UnitTree([
  { id: "547", name: "Huyện Tây Sơn", kind: "district", parentId: null },
  { id: "21850", name: "Xã Tây Phú", kind: "commune", parentId: "547" },
]);
const village = (id: string, parentId: string): Unit => ({
  id,
  name: `Thôn ${id}`,
  kind: "village",
  parentId,
});

describe("adding units", () => {
  it("accepts villages under a commune, and parents given earlier in the same file", () => {
    expect(unitProblems([village("2185001", "21850")], tree)).toEqual([]);
    const newCommune: Unit = { id: "21853", name: "Xã Mới", kind: "commune", parentId: "547" };
    expect(unitProblems([newCommune, village("2185301", "21853")], tree)).toEqual([]);
  });

  it("names each unit whose parent is unknown or is not a commune", () => {
    expect(unitProblems([village("1", "99999"), village("2", "547")], tree)).toEqual([
      "1 Thôn 1: parent 99999 is unknown",
      "2 Thôn 2: a village must be under a commune, town or ward",
    ]);
  });
});
