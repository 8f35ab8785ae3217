import { describe, expect, it } from "vitest";
import { type Action, can, ROLES, type Role, type User } from "./roles.ts";

const user = (role: Role, unitId: string | null = null): User => ({
  id: 1,
  username: role,
  role,
  unitId,
  disabled: false,
  createdAt: "2024-01-01T00:00:00Z",
});
const ACTIONS: Action[] = [
  "writeReports",
  "importReports",
  "deleteReports",
  "planDrives",
  "manageUsers",
  "editCampaign",
  "readAudit",
];

describe("can: one answer for the server and the web", () => {
  it("gives each role what the README's table says, anywhere", () => {
    const allowed = (role: Role) => ACTIONS.filter((action) => can(user(role, "21850"), action));
    expect(allowed("admin")).toEqual(ACTIONS);
    expect(allowed("police")).toEqual([
      "writeReports",
      "importReports",
      "deleteReports",
      "planDrives",
      "readAudit",
    ]);
    expect(allowed("commune")).toEqual(["writeReports", "importReports", "planDrives"]);
    expect(allowed("youth")).toEqual(["planDrives"]);
    expect(allowed("viewer")).toEqual([]);
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
    expect(ROLES).toHaveLength(5);
  });

  it("keeps a commune user and a youth team to their commune, an unscoped youth team to the area", () => {
    const inArea = (id: string) => id.startsWith("218");
    expect(can(user("commune", "21850"), "writeReports", "21850")).toBe(true);
    expect(can(user("commune", "21850"), "writeReports", "21835")).toBe(false);
    expect(can(user("youth", "21850"), "planDrives", "21835", inArea)).toBe(false);
    expect(can(user("youth"), "planDrives", "21835", inArea)).toBe(true);
    expect(can(user("youth"), "planDrives", "21550", inArea)).toBe(false);
    expect(can(user("police"), "planDrives", "21550", inArea)).toBe(true);
  });
});
