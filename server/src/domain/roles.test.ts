import { describe, expect, it } from "vitest";
import { type Action, can, hasCommune, ROLES, type Role, type User } from "./roles.ts";

const user = (role: Role, unitId: string | null = null): User => ({
  id: 1,
  username: role,
  role,
  unitId,
  unitFrom: null,
  fullName: null,
  phone: null,
  email: null,
  reminderChannel: null,
  language: "vi",
  mustChangePassword: false,
  secondFactor: false,
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
  it("keeps police and admin bound to a district within it, accounts included, and out of the deployment's settings", () => {
    const bound = (role: Role): User => ({
      ...user(role, "547"),
      // As auth/middleware.ts withVersions gives them: the district and everything under it.
      versions: [
        { id: "547", validFrom: null, validTo: "2025-07-01" },
        { id: "21850", validFrom: null, validTo: "2025-07-01" },
      ],
    });
    for (const role of ["police", "admin"] as const) {
      const inside = { unitId: "21850", date: "2024-06-29" };
      const elsewhere = { unitId: "21808", date: "2024-06-29" };
      for (const action of ["writeReports", "deleteReports", "approveWeeks", "planDrives"] as const) {
        expect(can(bound(role), action, inside), `${role} ${action} inside`).toBe(true);
        expect(can(bound(role), action, elsewhere), `${role} ${action} elsewhere`).toBe(false);
        // A version of the code from after the district ended is not in it.
        expect(can(bound(role), action, { unitId: "21850", date: "2025-07-01" }), role).toBe(false);
      }
      expect(can(bound(role), "approveWeeks", { unitId: "547", date: "2024-06-29" })).toBe(true);
      for (const action of ["readAudit", "editCampaign", "manageUnits"] as const) {
        expect(can(bound(role), action), `${role} ${action}`).toBe(false);
      }
    }
    // An admin of the district manages the accounts bound within it, never one of the whole area.
    expect(can(bound("admin"), "manageUsers", { unitId: "21850", date: "2024-06-29" })).toBe(true);
    expect(can(bound("admin"), "manageUsers", { unitId: "21808", date: "2024-06-29" })).toBe(false);
    expect(can(bound("admin"), "manageUsers", { unitId: null })).toBe(false);
    expect(can(user("admin"), "manageUsers", { unitId: null })).toBe(true);
    expect(can(bound("police"), "manageUsers", { unitId: "21850", date: "2024-06-29" })).toBe(false);
    expect(can(bound("viewer"), "writeReports", { unitId: "21850", date: "2024-06-29" })).toBe(false);
  });

  it("shows private details (a drive's team, every report's history) within an account's own part only", () => {
    const tayPhu = {
      ...user("viewer", "21850"),
      versions: [{ id: "21850", validFrom: null, validTo: null }],
    };
    const at = (unitId: string) => ({ unitId, date: "2024-06-29" });
    expect(can(tayPhu, "readPrivate", at("21850"))).toBe(true);
    expect(can(tayPhu, "readPrivate", at("21808"))).toBe(false);
    expect(can(tayPhu, "readPrivate", at("547"))).toBe(false);
    for (const role of ROLES) expect(can(user(role), "readPrivate", at("21808")), role).toBe(true);
    expect(can(null, "readPrivate", at("21850"))).toBe(false);
    const token = { ...user("viewer"), actions: ["writeReports" as const] };
    expect(can(token, "readPrivate", at("21850"))).toBe(false);
  });

  it("gives each role what the README's table says, anywhere", () => {
    const allowed = (role: Role) =>
      ACTIONS.filter((action) => can(user(role, hasCommune(role) ? "21850" : null), action));
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
    const at = (unitId: string) => ({ unitId, date: "2024-06-29" });
    expect(can(user("commune", "21850"), "writeReports", at("21850"))).toBe(true);
    expect(can(user("commune", "21850"), "writeReports", at("21835"))).toBe(false);
    expect(can(user("youth", "21850"), "planDrives", at("21835"), inArea)).toBe(false);
    expect(can(user("youth"), "planDrives", at("21835"), inArea)).toBe(true);
    expect(can(user("youth"), "planDrives", at("21550"), inArea)).toBe(false);
    expect(can(user("police"), "planDrives", at("21550"), inArea)).toBe(true);
  });

  it("follows unit versions, never a reused code: Tây Xuân's account acts for the new Tây Sơn from 01/07/2025 only", () => {
    // Tây Xuân (21844) ended on 01/07/2025 and went into the new Xã Tây Sơn, which reuses the code
    // of the town of Phú Phong (21808 until 30/06/2025).
    const tayXuan: User = {
      ...user("commune", "21844"),
      versions: [
        { id: "21844", validFrom: null, validTo: "2025-07-01" },
        { id: "21808", validFrom: "2025-07-01", validTo: null },
      ],
    };
    expect(can(tayXuan, "writeReports", { unitId: "21808", date: "2025-07-05" })).toBe(true);
    expect(can(tayXuan, "writeReports", { unitId: "21808", date: "2024-06-29" })).toBe(false);
    expect(can(tayXuan, "planDrives", { unitId: "21808", date: "2024-03-16" })).toBe(false);
    expect(can(tayXuan, "writeReports", { unitId: "21844", date: "2024-06-29" })).toBe(true);
    expect(can(tayXuan, "writeReports", { unitId: "21844", date: "2025-07-05" })).toBe(false);
  });
});
