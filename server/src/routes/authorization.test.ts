import type { Hono } from "hono";
import { describe, expect, it } from "vitest";
import {
  createDemoApp,
  createUser,
  json,
  postJson,
  signIn,
  TEST_PASSWORD,
  upload,
} from "../../test/testing.ts";
import type { Store } from "../store/store.ts";

/**
 * Who may call each mutating endpoint: one row per endpoint, one expected status per kind of
 * caller. Unit-scoped endpoints act on commune 21850: `commune_own` is that commune's user,
 * `commune_other` the user of 21808. An endpoint the app serves without a row here fails the test.
 */
type Who = "anonymous" | "admin" | "police" | "commune_own" | "commune_other" | "youth" | "viewer";
const WHO: Who[] = ["anonymous", "admin", "police", "commune_own", "commune_other", "youth", "viewer"];

const USERS: Record<
  Exclude<Who, "anonymous">,
  { username: string; role: "admin" | "police" | "commune" | "youth" | "viewer"; unitId: string | null }
> = {
  admin: { username: "admin", role: "admin", unitId: null },
  police: { username: "police", role: "police", unitId: null },
  commune_own: { username: "xa-tay-phu", role: "commune", unitId: "21850" },
  commune_other: { username: "phu-phong", role: "commune", unitId: "21808" },
  youth: { username: "huyen-doan", role: "youth", unitId: null },
  viewer: { username: "viewer", role: "viewer", unitId: null },
};

interface Context {
  app: Hono;
  store: Store;
  who: Who;
  /** A user no row acts as, for endpoints that change a user. */
  targetId: number;
  /** A drive in commune 21850. */
  driveId: number;
  /** A token for commune 21850, to revoke. */
  tokenId: number;
}

interface Row {
  method: "POST" | "PATCH" | "PUT" | "DELETE";
  /** The route as the app declares it. */
  route: string;
  /** A JSON body, or a file to upload as multipart. */
  request: (ctx: Context) => { path: string; body?: unknown; file?: { name: string; content: string } };
  expect: Record<Who, number>;
}

const TAY_PHU_DRIVE = {
  unitId: "21850",
  villageId: "2185002",
  date: "2024-06-30",
  team: "Đoàn xã Tây Phú",
  planned: 60,
};
const TAY_PHU_WEEK = {
  unitId: "21850",
  date: "2024-07-06",
  population: 7564,
  level2: 6512,
  dual: 3710,
  linked: 2461,
};

const only = (allowed: Partial<Record<Who, number>>, otherwise = 403): Record<Who, number> =>
  Object.fromEntries(
    WHO.map((who) => [who, allowed[who] ?? (who === "anonymous" ? 401 : otherwise)]),
  ) as Record<Who, number>;
const everyone = (status: number, anonymous = status) => only({ anonymous }, status);

const MATRIX: Row[] = [
  {
    method: "POST",
    route: "/api/auth/login",
    request: ({ who }) => ({
      path: "/api/auth/login",
      body:
        who === "anonymous"
          ? { username: "nobody", password: "not a password" }
          : { username: USERS[who].username, password: TEST_PASSWORD },
    }),
    expect: everyone(200, 401),
  },
  {
    method: "POST",
    route: "/api/auth/logout",
    request: () => ({ path: "/api/auth/logout", body: {} }),
    expect: everyone(204),
  },
  {
    method: "POST",
    route: "/api/auth/password",
    request: () => ({
      path: "/api/auth/password",
      body: { currentPassword: TEST_PASSWORD, newPassword: "mùa lúa mới 2024" },
    }),
    expect: everyone(200, 401),
  },
  {
    method: "POST",
    route: "/api/auth/totp",
    request: () => ({ path: "/api/auth/totp", body: {} }),
    expect: everyone(200, 401),
  },
  {
    method: "POST",
    route: "/api/auth/totp/confirm",
    request: () => ({ path: "/api/auth/totp/confirm", body: { code: "123456" } }),
    expect: everyone(409, 401),
  },
  {
    method: "DELETE",
    route: "/api/auth/sessions",
    request: () => ({ path: "/api/auth/sessions" }),
    expect: everyone(200, 401),
  },
  {
    method: "POST",
    route: "/api/users/bulk",
    request: () => ({
      path: "/api/users/bulk?dryRun=true",
      file: { name: "accounts.csv", content: "username,role,unit_code\ncan-bo-tay-phu,commune,21850\n" },
    }),
    expect: only({ admin: 200 }),
  },
  {
    method: "DELETE",
    route: "/api/users/:id/second-factor",
    request: ({ targetId }) => ({ path: `/api/users/${targetId}/second-factor` }),
    expect: only({ admin: 200 }),
  },
  {
    method: "PUT",
    route: "/api/settings/security",
    request: () => ({ path: "/api/settings/security", body: { secondFactorRoles: ["admin", "police"] } }),
    expect: only({ admin: 200 }),
  },
  {
    method: "POST",
    route: "/api/tokens",
    request: () => ({
      path: "/api/tokens",
      body: { name: "Hệ thống xã", unitId: "21850", actions: ["writeReports"] },
    }),
    expect: only({ admin: 201 }),
  },
  {
    method: "DELETE",
    route: "/api/tokens/:id",
    request: ({ tokenId }) => ({ path: `/api/tokens/${tokenId}` }),
    expect: only({ admin: 204 }),
  },
  {
    method: "POST",
    route: "/api/users",
    request: () => ({
      path: "/api/users",
      body: { username: "new-user", role: "viewer", password: "mùa lúa mới 2024" },
    }),
    expect: only({ admin: 201 }),
  },
  {
    method: "PATCH",
    route: "/api/users/:id",
    request: ({ targetId }) => ({ path: `/api/users/${targetId}`, body: { role: "police" } }),
    expect: only({ admin: 200 }),
  },
  {
    method: "POST",
    route: "/api/reports",
    request: () => ({ path: "/api/reports", body: TAY_PHU_WEEK }),
    expect: only({ admin: 201, police: 201, commune_own: 201 }),
  },
  {
    method: "DELETE",
    route: "/api/reports/:unitId/:date",
    request: () => ({ path: "/api/reports/21850/2024-06-29" }),
    expect: only({ admin: 204, police: 204 }),
  },
  {
    method: "POST",
    route: "/api/imports",
    request: () => ({
      path: "/api/imports",
      file: {
        name: "tay-phu.csv",
        content: "unit_code,date,population,level2,dual,linked\n21850,2024-07-06,7564,6512,3710,2461\n",
      },
    }),
    expect: only({ admin: 200, police: 200, commune_own: 200 }),
  },
  {
    method: "POST",
    route: "/api/drives",
    request: () => ({
      path: "/api/drives",
      body: { ...TAY_PHU_DRIVE, status: "done", registrations: 58, linked: 21 },
    }),
    expect: only({ admin: 201, police: 201, commune_own: 201, youth: 201 }),
  },
  {
    method: "PATCH",
    route: "/api/drives/:id",
    request: ({ driveId }) => ({
      path: `/api/drives/${driveId}`,
      body: { status: "done", registrations: 55, linked: 20 },
    }),
    expect: only({ admin: 200, police: 200, commune_own: 200, youth: 200 }),
  },
  {
    method: "DELETE",
    route: "/api/drives/:id",
    request: ({ driveId }) => ({ path: `/api/drives/${driveId}` }),
    expect: only({ admin: 204, police: 204, commune_own: 204, youth: 204 }),
  },
  {
    method: "PATCH",
    route: "/api/campaign",
    request: () => ({ path: "/api/campaign", body: { tolerancePoints: 2 } }),
    expect: only({ admin: 200 }),
  },
  {
    method: "POST",
    route: "/api/campaigns",
    request: () => ({
      path: "/api/campaigns",
      body: { name: "Liên kết 2025", start: "2025-09-01", deadline: "2025-12-31", current: false },
    }),
    expect: only({ admin: 201 }),
  },
  {
    method: "PATCH",
    route: "/api/campaigns/:id",
    request: () => ({ path: "/api/campaigns/1", body: { staleDays: 10 } }),
    expect: only({ admin: 200 }),
  },
  {
    method: "POST",
    route: "/api/campaigns/:id/current",
    request: () => ({ path: "/api/campaigns/1/current", body: {} }),
    expect: only({ admin: 200 }),
  },
  {
    method: "POST",
    route: "/api/area",
    request: () => ({ path: "/api/area", body: { tree: "2024", code: "547" } }),
    expect: only({ admin: 201 }),
  },
  {
    method: "POST",
    route: "/api/area/reorganisation",
    request: () => ({ path: "/api/area/reorganisation?dryRun=true", body: { date: "2025-07-01" } }),
    expect: only({ admin: 200 }),
  },
  {
    method: "PATCH",
    route: "/api/auth/me",
    request: () => ({ path: "/api/auth/me", body: { email: "canbo@example.gov.vn", language: "vi" } }),
    expect: everyone(200, 401),
  },
  {
    method: "POST",
    route: "/api/reminders",
    request: () => ({ path: "/api/reminders", body: { week: "2024-W14" } }),
    expect: only({ admin: 201, police: 201 }),
  },
  {
    method: "PUT",
    route: "/api/settings/reminders",
    request: () => ({ path: "/api/settings/reminders", body: { enabled: true, later: null } }),
    expect: only({ admin: 200 }),
  },
  {
    method: "POST",
    route: "/api/approvals",
    request: () => ({ path: "/api/approvals", body: { unitId: "547", week: "2024-W26" } }),
    expect: only({ admin: 201, police: 201 }),
  },
  {
    method: "DELETE",
    route: "/api/approvals/:unitId/:week",
    // setUp approved 2024-W10 for the district.
    request: () => ({ path: "/api/approvals/547/2024-W10", body: { reason: "sửa số liệu Tây Phú" } }),
    expect: only({ admin: 200, police: 200 }),
  },
  {
    method: "POST",
    route: "/api/area/boundaries",
    request: () => ({
      path: "/api/area/boundaries?date=2024-06-29",
      file: {
        name: "ranh-gioi.geojson",
        content: JSON.stringify({
          type: "FeatureCollection",
          features: [
            {
              type: "Feature",
              properties: { code: "21850" },
              geometry: {
                type: "Polygon",
                coordinates: [
                  [
                    [108.9, 13.9],
                    [109, 13.9],
                    [109, 14],
                    [108.9, 13.9],
                  ],
                ],
              },
            },
          ],
        }),
      },
    }),
    expect: only({ admin: 201 }),
  },
  {
    method: "DELETE",
    route: "/api/area/boundaries",
    request: () => ({ path: "/api/area/boundaries?date=2024-06-29" }),
    expect: only({ admin: 200 }),
  },
  {
    method: "PUT",
    route: "/api/settings/reporting",
    request: () => ({
      path: "/api/settings/reporting",
      body: {
        due: { days: 1, time: "17:00" },
        document: {
          parentBody: "",
          issuer: "CÔNG AN HUYỆN TÂY SƠN",
          symbol: "BC-CAH",
          place: "Tây Sơn",
          signerTitle: "TRƯỞNG CÔNG AN HUYỆN",
          signerName: "",
          recipients: [],
        },
      },
    }),
    expect: only({ admin: 200 }),
  },
];

async function setUp(who: Who): Promise<Context & { cookie?: string }> {
  const { app, store } = await createDemoApp();
  for (const user of Object.values(USERS)) await createUser(store, user);
  const target = await createUser(store, { username: "target", role: "viewer" });
  const drive = await store.createDrive(
    {
      ...TAY_PHU_DRIVE,
      startTime: null,
      endTime: null,
      status: "planned",
      registrations: null,
      linked: null,
      notes: "",
    },
    { userId: null, username: "test", ip: null, at: new Date().toISOString() },
  );
  const district = (await store.unitHistory())
    .treeOn("2024-03-10")
    .reportingUnitsUnder("547")
    .map((u) => u.id);
  await store.approveWeek(district, "2024-W10", "547", {
    userId: null,
    username: "test",
    ip: null,
    at: new Date().toISOString(),
  });
  const token = await store.createToken(
    { name: "Hệ thống xã", unitId: "21850", actions: ["writeReports"] },
    "0".repeat(64),
    { userId: null, username: "test", ip: null, at: new Date().toISOString() },
  );
  const cookie = who === "anonymous" ? undefined : await signIn(app, USERS[who].username);
  return { app, store, who, targetId: target.id, driveId: drive.id, tokenId: token.id, cookie };
}

describe("authorisation matrix", () => {
  it("has a row for every mutating endpoint the app serves", async () => {
    const { app } = await createDemoApp();
    const served = new Set(
      app.routes
        .filter((r) => !["GET", "ALL", "HEAD", "OPTIONS"].includes(r.method))
        .map((r) => `${r.method} ${r.path}`),
    );
    expect([...served].sort()).toEqual(MATRIX.map((row) => `${row.method} ${row.route}`).sort());
  });

  for (const row of MATRIX) {
    for (const who of WHO) {
      it(`${row.method} ${row.route} as ${who} → ${row.expect[who]}`, async () => {
        const ctx = await setUp(who);
        const { path, body, file } = row.request(ctx);
        const response = file
          ? await upload(ctx.app, path, file.name, file.content, ctx.cookie)
          : body === undefined
            ? await ctx.app.request(path, {
                method: row.method,
                headers: { origin: "http://localhost", ...(ctx.cookie ? { cookie: ctx.cookie } : {}) },
              })
            : await postJson(ctx.app, path, body, ctx.cookie, row.method);
        expect(response.status, await response.clone().text()).toBe(row.expect[who]);
        if (response.status === 403) {
          const denials = await ctx.store.auditLog({ action: "permission_denied", limit: 5 });
          expect(denials[0]?.username).toBe(USERS[who as Exclude<Who, "anonymous">].username);
        }
      });
    }
  }
});

describe("reading accounts and the audit log", () => {
  const reads: [string, Record<Who, number>][] = [
    ["/api/users", only({ admin: 200 })],
    ["/api/audit", only({ admin: 200, police: 200 })],
  ];
  for (const [path, expected] of reads) {
    for (const who of WHO) {
      it(`GET ${path} as ${who} → ${expected[who]}`, async () => {
        const ctx = await setUp(who);
        const response = await ctx.app.request(path, { headers: ctx.cookie ? { cookie: ctx.cookie } : {} });
        expect(response.status).toBe(expected[who]);
      });
    }
  }
});

/**
 * Rights follow unit versions, never bare codes: after the change of 01/07/2025 the account of Tây
 * Xuân (21844) answers for the new Xã Tây Sơn (21808 from 01/07/2025), and never for the town of
 * Phú Phong (21808 until 30/06/2025), whose code the new commune reuses.
 */
describe("authorisation by unit version (after the reorganisation)", () => {
  const actor = { userId: null, username: "test", ip: null, at: new Date().toISOString() };
  const drive = (date: string) => ({
    unitId: "21808",
    villageId: null,
    date,
    startTime: null,
    endTime: null,
    team: "Đoàn xã",
    planned: 40,
    status: "done" as const,
    registrations: 38,
    linked: 12,
    notes: "",
  });
  const report = (date: string) => ({
    unitId: "21808",
    date,
    population: 40_000,
    level2: 39_000,
    dual: 20_000,
    linked: 15_000,
    confirm: true,
  });
  const csv = (date: string) =>
    `unit_code,date,population,level2,dual,linked\n21808,${date},40000,39000,20000,15000\n`;

  async function tayXuan() {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "tay-xuan", role: "commune", unitId: "21844" });
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    expect((await postJson(app, "/api/area/reorganisation", {}, admin)).status).toBe(200);
    const old = await store.createDrive(drive("2024-03-16"), actor);
    const current = await store.createDrive(drive("2025-07-05"), actor);
    return { app, store, cookie: await signIn(app, "tay-xuan"), old: old.id, current: current.id };
  }

  const rows: [string, (t: Awaited<ReturnType<typeof tayXuan>>) => Response | Promise<Response>, number][] = [
    [
      "POST /api/reports for Phú Phong, 29/06/2024",
      (t) => postJson(t.app, "/api/reports", report("2024-06-29"), t.cookie),
      403,
    ],
    [
      "POST /api/reports for Xã Tây Sơn, 05/07/2025",
      (t) => postJson(t.app, "/api/reports", report("2025-07-05"), t.cookie),
      201,
    ],
    [
      "POST /api/imports with a row of Phú Phong",
      (t) => upload(t.app, "/api/imports?dryRun=true", "a.csv", csv("2024-06-29"), t.cookie),
      403,
    ],
    [
      "POST /api/imports with a row of Xã Tây Sơn",
      (t) => upload(t.app, "/api/imports?dryRun=true", "a.csv", csv("2025-07-05"), t.cookie),
      200,
    ],
    [
      "POST /api/drives in Phú Phong, 2024",
      (t) => postJson(t.app, "/api/drives", drive("2024-03-16"), t.cookie),
      403,
    ],
    [
      "POST /api/drives in Xã Tây Sơn, 2025",
      (t) => postJson(t.app, "/api/drives", drive("2025-07-12"), t.cookie),
      201,
    ],
    [
      "PATCH /api/drives/:id of Phú Phong's 2024 drive",
      (t) => postJson(t.app, `/api/drives/${t.old}`, { notes: "x" }, t.cookie, "PATCH"),
      403,
    ],
    [
      "PATCH /api/drives/:id of Xã Tây Sơn's drive",
      (t) => postJson(t.app, `/api/drives/${t.current}`, { notes: "x" }, t.cookie, "PATCH"),
      200,
    ],
    [
      "DELETE /api/drives/:id of Phú Phong's 2024 drive",
      (t) =>
        t.app.request(`/api/drives/${t.old}`, {
          method: "DELETE",
          headers: { origin: "http://localhost", cookie: t.cookie },
        }),
      403,
    ],
    [
      "POST /api/approvals",
      (t) => postJson(t.app, "/api/approvals", { unitId: "21808", week: "2025-W28" }, t.cookie),
      403,
    ],
  ];
  for (const [name, request, status] of rows) {
    it(`${name} as the account of Tây Xuân → ${status}`, async () => {
      const t = await tayXuan();
      const response = await request(t);
      expect(response.status, await response.clone().text()).toBe(status);
    });
  }
});

/**
 * Police, admin and viewer accounts bound to part of the tree act within it: a police account of
 * commune 21850 or of the district, an admin of the district (no account or settings administration
 * below the whole deployment).
 */
describe("accounts bound to a unit", () => {
  const csv = (code: string) =>
    `unit_code,date,population,level2,dual,linked\n${code},2024-06-29,7564,6600,3710,2470\n`;

  async function bound() {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    const made = async (username: string, role: "police" | "admin" | "viewer", unitId: string) => {
      const response = await postJson(
        app,
        "/api/users",
        { username, role, unitId, password: TEST_PASSWORD },
        admin,
      );
      expect(response.status, username).toBe(201);
      expect(((await response.json()) as { user: unknown }).user).toMatchObject({ role, unitId });
      return signIn(app, username);
    };
    return {
      app,
      store,
      communePolice: await made("cong-an-tay-phu", "police", "21850"),
      districtPolice: await made("cong-an-huyen", "police", "547"),
      districtAdmin: await made("quan-tri-huyen", "admin", "547"),
    };
  }

  it("imports, approves and deletes in its commune only", async () => {
    const { app, communePolice } = await bound();
    const imported = (code: string) => upload(app, "/api/imports", `${code}.csv`, csv(code), communePolice);
    expect((await imported("21808")).status).toBe(403);
    expect((await imported("21850")).status).toBe(200);
    const approve = (unitId: string) =>
      postJson(app, "/api/approvals", { unitId, week: "2024-W26" }, communePolice);
    expect((await approve("21808")).status).toBe(403);
    expect((await approve("547")).status).toBe(403);
    expect((await approve("21850")).status).toBe(201);
    const remove = (code: string) =>
      postJson(app, `/api/reports/${code}/2024-06-29`, {}, communePolice, "DELETE");
    expect((await remove("21808")).status).toBe(403);
    expect((await app.request("/api/audit", { headers: { cookie: communePolice } })).status).toBe(403);
  });

  it("approves the whole district for a district's police; a district's admin manages the accounts within it only", async () => {
    const { app, store, districtPolice, districtAdmin } = await bound();
    expect(
      (await upload(app, "/api/imports?confirm=true", "x.csv", csv("21808"), districtPolice)).status,
    ).toBe(200);
    expect(
      (await postJson(app, "/api/approvals", { unitId: "547", week: "2024-W26" }, districtPolice)).status,
    ).toBe(201);
    const add = (username: string, role: string, unitId: string | null) =>
      postJson(app, "/api/users", { username, role, unitId, password: TEST_PASSWORD }, districtAdmin);
    expect((await add("xa-moi", "commune", "21850")).status).toBe(201);
    expect((await add("huyen-moi", "admin", "547")).status).toBe(201);
    // Never an account above its own unit: one of the whole area.
    expect((await add("tinh-moi", "police", null)).status).toBe(403);
    const listed = await app.request("/api/users", { headers: { cookie: districtAdmin } });
    const names = ((await listed.json()) as { users: { username: string; id: number }[] }).users.map(
      (u) => u.username,
    );
    expect(names).toContain("xa-moi");
    expect(names).not.toContain("quan-tri");
    // The whole area's admin is out of its reach.
    const wholeArea = (await store.listUsers()).find((u) => u.username === "quan-tri");
    const demote = await postJson(
      app,
      `/api/users/${wholeArea?.id}`,
      { disabled: true },
      districtAdmin,
      "PATCH",
    );
    expect(demote.status).toBe(403);
    // Nor the deployment's settings and log.
    expect((await app.request("/api/audit", { headers: { cookie: districtAdmin } })).status).toBe(403);
    expect((await postJson(app, "/api/campaign", { name: "x" }, districtAdmin, "PATCH")).status).toBe(403);
  });

  it("gives a viewer of a commune that commune's private details only", async () => {
    const { app, store } = await bound();
    await createUser(store, { username: "xem-tay-phu", role: "viewer", unitId: "21850" });
    const viewer = await signIn(app, "xem-tay-phu");
    const actor = { userId: null, username: "test", ip: null, at: new Date().toISOString() };
    for (const unitId of ["21850", "21808"]) {
      await store.createDrive(
        {
          unitId,
          villageId: null,
          date: "2024-06-15",
          startTime: null,
          endTime: null,
          team: `Đoàn ${unitId}`,
          planned: 40,
          status: "planned",
          registrations: null,
          linked: null,
          notes: "Gọi trưởng thôn trước",
        },
        actor,
      );
    }
    const drives = await json(
      await app.request("/api/drives?to=2024-06-30", { headers: { cookie: viewer } }),
    );
    const shown = (code: string) =>
      drives.drives.find(
        (d: { unitId: string; date: string }) => d.unitId === code && d.date === "2024-06-15",
      );
    expect(shown("21850")).toMatchObject({ team: "Đoàn 21850", notes: "Gọi trưởng thôn trước" });
    expect(shown("21808")).toMatchObject({ team: "", notes: "" });
    // The history of every report: its own commune, not another's nor the district's.
    const history = (unit: string) =>
      app.request(`/api/exports/history.csv?unit=${unit}`, { headers: { cookie: viewer } });
    expect((await history("21850")).status).toBe(200);
    expect((await history("21808")).status).toBe(403);
    expect((await history("547")).status).toBe(403);
  });
});
