import { describe, expect, it } from "vitest";
import {
  createEmptyStore,
  createUser,
  FAST_SCRYPT,
  getJson,
  postJson,
  signIn,
  TEST_CONFIG,
} from "../test/testing.ts";
import { createApp } from "./app.ts";
import { UnitTree } from "./domain/tree.ts";
import type { Unit } from "./domain/types.ts";
import { seedIfEmpty, unitProblems } from "./seed.ts";

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

  it("refuses a file that would make the parents loop, and the tree never loops forever anyway", () => {
    const loop: Unit = { id: "547", name: "Huyện Tây Sơn", kind: "district", parentId: "21850" };
    expect(unitProblems([loop], tree)).toEqual(["547 Huyện Tây Sơn: its parents loop (547 → 21850 → 547)"]);
    const self: Unit = { id: "21850", name: "Xã Tây Phú", kind: "commune", parentId: "21850" };
    expect(unitProblems([self], tree)).toEqual(["21850 Xã Tây Phú: its parents loop (21850 → 21850)"]);
    // A damaged database (a loop written by hand) still answers: each unit is visited once.
    const damaged = new UnitTree([
      { id: "547", name: "Huyện Tây Sơn", kind: "district", parentId: "52" },
      { id: "52", name: "Tỉnh Bình Định", kind: "province", parentId: "547" },
      { id: "21850", name: "Xã Tây Phú", kind: "commune", parentId: "547" },
    ]);
    expect(damaged.reportingUnitsUnder("52").map((u) => u.id)).toEqual(["21850"]);
  });
});

describe("a real install (no demo data)", () => {
  it("has no campaign until its admin makes one", async () => {
    const store = await createEmptyStore();
    await seedIfEmpty(store, TEST_CONFIG.dataDir, { demoData: null, homeUnit: "547" });
    const app = createApp({ store, config: TEST_CONFIG, passwordParams: FAST_SCRYPT, checkAnswers: true });
    expect((await getJson(app, "/api/campaigns")).body).toEqual({ currentId: null, campaigns: [] });
    const campaign = await getJson(app, "/api/campaign");
    expect(campaign.status).toBe(409);
    expect(campaign.body.error.code).toBe("NO_CAMPAIGN");
    expect((await getJson(app, "/api/overview")).body.error.code).toBe("NO_CAMPAIGN");
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    const first = {
      name: "Tây Sơn 2027",
      start: "2027-01-02",
      deadline: "2027-07-01",
      targets: { coverage: 1, linking: 1 },
    };
    expect((await postJson(app, "/api/campaigns", first, admin)).status).toBe(201);
    expect((await getJson(app, "/api/campaign")).body.name).toBe("Tây Sơn 2027");
    expect((await getJson(app, "/api/overview")).status).toBe(200);
  });
});
