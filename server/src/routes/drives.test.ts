import type { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import { createClock, createDemoApp, createUser, json, postJson, signIn } from "../../test/testing.ts";
import type { Store } from "../store/store.ts";

let app: Hono;
let store: Store;
let youth: string;

beforeEach(async () => {
  // Mid-June 2024: the drive planned below is still ahead.
  ({ app, store } = await createDemoApp({ now: createClock(Date.parse("2024-06-15T03:00:00Z")).now }));
  await createUser(store, { username: "doan-tay-phu", role: "youth", unitId: "21850" });
  youth = await signIn(app, "doan-tay-phu");
});

const plan = {
  unitId: "21850",
  villageId: "2185002",
  date: "2024-06-30",
  startTime: "07:30",
  endTime: "11:00",
  team: "Đoàn xã Tây Phú",
  planned: 60,
};
const create = (body: unknown, cookie = youth) => postJson(app, "/api/drives", body, cookie);
const patch = (id: number, body: unknown, cookie = youth) =>
  postJson(app, `/api/drives/${id}`, body, cookie, "PATCH");
const details = async (response: Response) =>
  ((await json(response)).error.details as { field: string; code: string }[]).map(
    (d) => `${d.field}:${d.code}`,
  );

describe("drives API", () => {
  it("refuses a drive planned for a day already past, and takes it as done with its results", async () => {
    const past = await create({ ...plan, date: "2024-06-10" });
    expect(past.status).toBe(422);
    expect(await details(past)).toEqual(["date:PLANNED_IN_PAST"]);
    const done = await create({ ...plan, date: "2024-06-10", status: "done", registrations: 50, linked: 20 });
    expect(done.status).toBe(201);
    // A past drive still planned (from before the rule) keeps its notes editable.
    const drive = (await json(await create(plan))).drive;
    expect((await patch(drive.id, { notes: "Mang theo máy đọc CCCD" })).status).toBe(200);
    expect(await details(await patch(drive.id, { date: "2024-06-01" }))).toEqual(["date:PLANNED_IN_PAST"]);
  });

  it("lists the demo's drives with filters, and the effect of each finished one", async () => {
    const all = (await json(await app.request("/api/drives"))).drives;
    expect(all).toHaveLength(25);
    const tayPhu = (
      await json(await app.request("/api/drives?unit=21850&status=done&from=2024-04-01&to=2024-05-31"))
    ).drives;
    expect(tayPhu.map((d: { date: string }) => d.date)).toEqual(["2024-04-09", "2024-04-30", "2024-05-21"]);
    expect(tayPhu[0].effect).toEqual({
      paceBefore: expect.any(Number),
      paceAfter: expect.any(Number),
      deliveredShare: 0.95,
      deliveredPercent: 95,
    });
    const planned = (await json(await app.request("/api/drives?status=planned"))).drives;
    expect(planned.every((d: { effect: unknown }) => d.effect === null)).toBe(true);
    expect((await app.request("/api/drives?status=maybe")).status).toBe(400);
  });

  it("plans a drive, marks it done with results, cancels and deletes, each audited", async () => {
    const created = await create(plan);
    expect(created.status).toBe(201);
    const { drive } = await json(created);
    expect(drive).toMatchObject({ ...plan, status: "planned", registrations: null, notes: "" });
    const done = await json(
      await patch(drive.id, { status: "done", registrations: 72, linked: 31, notes: "Thôn 2, nhà văn hóa" }),
    );
    expect(done.drive).toMatchObject({ status: "done", registrations: 72, linked: 31 });
    expect((await json(await patch(drive.id, { status: "cancelled" }))).drive.status).toBe("cancelled");
    const deleted = await app.request(`/api/drives/${drive.id}`, {
      method: "DELETE",
      headers: { cookie: youth, origin: "http://localhost" },
    });
    expect(deleted.status).toBe(204);
    const audit = await store.auditLog({ action: "drive", limit: 10 });
    expect(audit.map((a) => a.action)).toEqual([
      "drive.delete",
      "drive.update",
      "drive.update",
      "drive.create",
    ]);
    expect(audit[2]).toMatchObject({
      before: { status: "planned" },
      after: { status: "done", registrations: 72 },
    });
    expect((await patch(drive.id, { status: "done" })).status).toBe(404);
  });

  it("names every broken rule with its field, and writes nothing", async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ villageId: "2180801" }, ["villageId:VILLAGE_NOT_IN_COMMUNE"]],
      [{ villageId: "9999999" }, ["villageId:UNKNOWN_VILLAGE"]],
      [{ startTime: "11:00", endTime: "08:00" }, ["endTime:END_BEFORE_START"]],
      [{ planned: -5 }, ["planned:NOT_A_COUNT"]],
      [{ date: "30/06/2024" }, ["date:INVALID_DATE"]],
      [{ team: "" }, ["team:TEAM_REQUIRED"]],
      [{ status: "done" }, ["registrations:RESULTS_REQUIRED"]],
      [{ status: "done", registrations: "many" }, ["registrations:NOT_A_COUNT"]],
    ];
    for (const [change, expected] of cases) {
      const response = await create({ ...plan, ...change });
      expect(response.status, JSON.stringify(change)).toBe(422);
      expect(await details(response), JSON.stringify(change)).toEqual(expected);
    }
    const unknown = await postJson(
      app,
      "/api/drives",
      { ...plan, unitId: "547", villageId: null },
      await adminCookie(),
    );
    expect(await details(unknown)).toEqual(["unitId:NOT_REPORTING_UNIT"]);
    expect(await store.auditLog({ action: "drive", limit: 10 })).toEqual([]);
  });

  it("keeps a youth team of one commune to its commune, on create and on move", async () => {
    expect((await create({ ...plan, unitId: "21808", villageId: null })).status).toBe(403);
    const { drive } = await json(await create(plan));
    expect((await patch(drive.id, { unitId: "21808", villageId: null })).status).toBe(403);
    const other = (await json(await app.request("/api/drives?unit=21835"))).drives[0];
    expect((await patch(other.id, { notes: "x" })).status).toBe(403);
    expect(await store.auditLog({ action: "permission_denied", limit: 10 })).toHaveLength(3);
  });

  it("shows teams and notes to signed-in users only", async () => {
    const anonymous = (await json(await app.request("/api/drives?unit=21850"))).drives;
    expect(anonymous.length).toBeGreaterThan(0);
    expect(new Set(anonymous.map((d: { team: string; notes: string }) => d.team + d.notes))).toEqual(
      new Set([""]),
    );
    const signedIn = (await json(await app.request("/api/drives?unit=21850", { headers: { cookie: youth } })))
      .drives;
    expect(signedIn[0].team).toBe("Huyện đoàn Tây Sơn");
  });

  it("keeps a district youth team (no commune) to the deployment's own district", async () => {
    await store.saveUnits([
      { id: "540", name: "Thành phố Quy Nhơn", kind: "district", parentId: "52" },
      { id: "21550", name: "Phường Lê Lợi", kind: "ward", parentId: "540" },
    ]);
    await createUser(store, { username: "huyen-doan", role: "youth", unitId: null });
    const district = await signIn(app, "huyen-doan");
    expect((await create({ ...plan, unitId: "21550", villageId: null }, district)).status).toBe(403);
    expect((await create({ ...plan, unitId: "21808", villageId: null }, district)).status).toBe(201);
  });

  it("suggests where to go next: the communes furthest behind the trajectory first, with the numbers", async () => {
    const { date, suggestions } = await json(await app.request("/api/drives/suggestions?date=2024-06-29"));
    expect(date).toBe("2024-06-29");
    expect(suggestions.slice(0, 3).map((s: { unit: { name: string } }) => s.unit.name)).toEqual([
      "Xã Bình Tường",
      "Xã Tây Phú",
      "Xã Vĩnh An",
    ]);
    const overview = await json(await app.request("/api/overview?date=2024-06-29"));
    const binhTuong = overview.children.find((c: { unit: { id: string } }) => c.unit.id === "21835");
    expect(suggestions[0]).toMatchObject({
      gap: binhTuong.coverage.gapToExpected,
      remaining: binhTuong.coverage.remaining,
      requiredPerDay: binhTuong.coverage.requiredPerDay,
      linkingGap: binhTuong.linking.gapToExpected,
      lastDrive: "2024-06-18",
      daysSinceLastDrive: 11,
      lagging: true,
    });
  });
});

async function adminCookie() {
  await createUser(store, { username: "admin", role: "admin" });
  return signIn(app, "admin");
}
