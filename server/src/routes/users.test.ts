import type { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import { createDemoApp, createUser, json, postJson, signIn } from "../../test/testing.ts";
import type { Store } from "../store/store.ts";

let app: Hono;
let store: Store;
let admin: string;

beforeEach(async () => {
  ({ app, store } = await createDemoApp());
  await createUser(store, { username: "admin", role: "admin" });
  admin = await signIn(app, "admin");
});

const create = (body: unknown) => postJson(app, "/api/users", body, admin);
const update = (id: number, body: unknown) => postJson(app, `/api/users/${id}`, body, admin, "PATCH");
const error = async (response: Response) => (await json(response)).error;

describe("user administration", () => {
  it("creates a commune user who can then sign in, and lists users without secrets", async () => {
    const response = await create({
      username: "tay-phu",
      role: "commune",
      unitId: "21850",
      password: "mùa lúa mới 2024",
    });
    expect(response.status).toBe(201);
    expect((await json(response)).user).toMatchObject({
      username: "tay-phu",
      role: "commune",
      unitId: "21850",
      disabled: false,
    });
    await signIn(app, "tay-phu", "mùa lúa mới 2024");
    const list = await app.request("/api/users", { headers: { cookie: admin } });
    const text = await list.text();
    expect(JSON.parse(text).users.map((u: { username: string }) => u.username)).toEqual(["admin", "tay-phu"]);
    expect(text).not.toMatch(/scrypt|passwordHash|password_hash/i);
  });

  it("names the field and the value of each bad request", async () => {
    expect(
      await error(await create({ username: "a b", role: "viewer", password: "mùa lúa mới 2024" })),
    ).toMatchObject({
      code: "VALIDATION_FAILED",
      details: [{ field: "username", value: "a b" }],
    });
    expect(
      await error(await create({ username: "xa", role: "commune", password: "mùa lúa mới 2024" })),
    ).toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect(
      await error(await create({ username: "xa1", role: "commune", password: "mùa lúa mới 2024" })),
    ).toMatchObject({
      code: "UNIT_REQUIRED",
      details: [{ field: "unitId" }],
    });
    expect(
      await error(
        await create({ username: "xa1", role: "commune", unitId: "547", password: "mùa lúa mới 2024" }),
      ),
    ).toMatchObject({
      code: "UNKNOWN_UNIT",
      details: [{ field: "unitId", value: "547" }],
    });
    expect(
      await error(
        await create({
          username: "cong-an",
          role: "police",
          unitId: "2185001",
          password: "mùa lúa mới 2024",
        }),
      ),
    ).toMatchObject({ code: "UNKNOWN_UNIT", details: [{ field: "unitId", value: "2185001" }] });
    expect(
      await error(await create({ username: "viewer", role: "viewer", password: "12345678" })),
    ).toMatchObject({
      code: "PASSWORD_TOO_COMMON",
      details: [{ field: "password", value: "(hidden)" }],
    });
    // The district's name and a year, or the username and a year, are guessed first.
    for (const password of ["tayson2024", "Tây Sơn 2024", "cong-an-2024"]) {
      expect(await error(await create({ username: "cong-an", role: "police", password }))).toMatchObject({
        code: "PASSWORD_TOO_PREDICTABLE",
        details: [{ field: "password", value: "(hidden)" }],
      });
    }
    const taken = await create({ username: "ADMIN", role: "viewer", password: "mùa lúa mới 2024" });
    expect(taken.status).toBe(409);
    expect((await store.listUsers()).length).toBe(1);
  });

  it("changes a role and commune, resets a password and disables, each audited with before and after", async () => {
    const user = await createUser(store, { username: "doan-xa", role: "youth", unitId: "21850" });
    expect((await json(await update(user.id, { role: "commune" }))).user).toMatchObject({
      role: "commune",
      unitId: "21850",
    });
    expect((await json(await update(user.id, { role: "viewer" }))).user).toMatchObject({
      role: "viewer",
      unitId: null,
    });
    expect((await update(user.id, { password: "gió mùa đông bắc" })).status).toBe(200);
    await signIn(app, "doan-xa", "gió mùa đông bắc");
    expect((await json(await update(user.id, { disabled: true }))).user.disabled).toBe(true);
    const entries = await store.auditLog({ action: "user.update", limit: 10 });
    expect(entries).toHaveLength(4);
    expect(entries[3]).toMatchObject({
      username: "admin",
      before: { role: "youth" },
      after: { role: "commune" },
    });
    expect(entries[1]?.after).toMatchObject({ passwordChanged: true });
    expect(JSON.stringify(entries)).not.toContain("gió mùa");
  });

  it("stops an admin from locking themselves out, and answers 404 for an unknown user", async () => {
    const self = (await store.findUserForLogin("admin"))?.user.id as number;
    expect(await error(await update(self, { disabled: true }))).toMatchObject({ code: "CANNOT_CHANGE_SELF" });
    expect(await error(await update(self, { role: "viewer" }))).toMatchObject({ code: "CANNOT_CHANGE_SELF" });
    expect((await update(9999, { disabled: true })).status).toBe(404);
    expect((await update(self, {})).status).toBe(422);
  });
});

describe("an account's contacts for reminders", () => {
  it("are set by the person, named field by field when wrong, and by an admin for anyone", async () => {
    const made = await createUser(store, { username: "tay-phu", role: "commune", unitId: "21850" });
    const own = await signIn(app, "tay-phu");
    const changed = await postJson(
      app,
      "/api/auth/me",
      { email: " tayphu@example.gov.vn ", phone: "0912 345 678", reminderChannel: "email", language: "en" },
      own,
      "PATCH",
    );
    expect(changed.status).toBe(200);
    expect((await json(changed)).user).toMatchObject({
      email: "tayphu@example.gov.vn",
      phone: "0912 345 678",
      reminderChannel: "email",
      language: "en",
    });
    const wrong = await postJson(
      app,
      "/api/auth/me",
      { email: "tayphu@", reminderChannel: "pigeon" },
      own,
      "PATCH",
    );
    expect(wrong.status).toBe(422);
    expect((await error(wrong)).details).toEqual([
      expect.objectContaining({ field: "email", value: "tayphu@" }),
      expect.objectContaining({ field: "reminderChannel", value: "pigeon" }),
    ]);
    // An empty field clears it; an admin sets the channel to none.
    await postJson(app, "/api/auth/me", { phone: "" }, own, "PATCH");
    expect((await update(made.id, { reminderChannel: "none" })).status).toBe(200);
    expect(await store.getUser(made.id)).toMatchObject({
      email: "tayphu@example.gov.vn",
      phone: null,
      reminderChannel: "none",
    });
    // Nobody else's contacts through /me: the session's own account only.
    expect(
      (await postJson(app, "/api/auth/me", { email: "x@example.gov.vn" }, undefined, "PATCH")).status,
    ).toBe(401);
  });
});

describe("audit log", () => {
  it("filters by user, unit, kind and date range", async () => {
    await createUser(store, { username: "tay-phu", role: "commune", unitId: "21850" });
    await signIn(app, "tay-phu");
    await postJson(app, "/api/auth/login", { username: "tay-phu", password: "wrong password" });
    const get = async (query: string) =>
      (await json(await app.request(`/api/audit?${query}`, { headers: { cookie: admin } }))).entries as {
        action: string;
      }[];
    expect((await get("user=tay-phu")).map((e) => e.action)).toEqual(["login"]);
    expect((await get("action=login_failed")).map((e) => e.action)).toEqual(["login_failed"]);
    expect((await get("unit=21850")).map((e) => e.action)).toEqual(["login", "user.create"]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await get(`from=${today}&to=${today}`)).length).toBeGreaterThanOrEqual(4);
    expect(await get("to=2000-01-01")).toEqual([]);
    const bad = await app.request("/api/audit?from=yesterday", { headers: { cookie: admin } });
    expect(bad.status).toBe(400);
    // The limit is read like every other count: "1.000" is a thousand, "1,5" names the value.
    expect((await get("limit=1")).length).toBe(1);
    expect((await get("limit=1.000")).length).toBeGreaterThanOrEqual(4);
    const fraction = await app.request("/api/audit?limit=1,5", { headers: { cookie: admin } });
    expect(fraction.status).toBe(400);
    expect((await json(fraction)).error.details).toEqual([
      expect.objectContaining({ field: "limit", value: "1,5" }),
    ]);
  });
});

describe("campaign settings", () => {
  it("are changed by an admin, checked, and audited", async () => {
    const changed = await postJson(
      app,
      "/api/campaign",
      { targets: { linking: 0.9 }, tolerancePoints: 2 },
      admin,
      "PATCH",
    );
    expect(await json(changed)).toMatchObject({
      targets: { coverage: 1, linking: 0.9 },
      tolerancePoints: 2,
      deadline: "2024-07-01",
    });
    const overview = await json(await app.request("/api/overview?date=2024-02-03"));
    // The target applies to each commune: the district's remaining is the sum of theirs.
    const perCommune = overview.children.map((c: { figures: { dual: number; linked: number } }) =>
      Math.max(0, Math.ceil(0.9 * c.figures.dual) - c.figures.linked),
    );
    expect(overview.linking.remaining).toBe(perCommune.reduce((a: number, b: number) => a + b, 0));
    expect(overview.linking.remaining).toBeGreaterThanOrEqual(Math.ceil(0.9 * 51_230) - 20_114);
    const bad = await postJson(app, "/api/campaign", { deadline: "2024-01-01" }, admin, "PATCH");
    expect(await error(bad)).toMatchObject({
      code: "START_NOT_BEFORE_DEADLINE",
      details: [{ field: "deadline" }],
    });
    const badTarget = await postJson(app, "/api/campaign", { targets: { coverage: 1.5 } }, admin, "PATCH");
    expect(await error(badTarget)).toMatchObject({ details: [{ field: "targets.coverage", value: 1.5 }] });
    expect(await store.auditLog({ action: "campaign.update", limit: 5 })).toHaveLength(1);
  });
});
