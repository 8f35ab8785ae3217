// A phone's queue sends a report again when it cannot know whether it arrived: with the same
// Idempotency-Key it is written once and answered as the first time (docs/offline.md).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createClock, createDemoApp, createUser, json, signIn, TEST_CONFIG } from "../../test/testing.ts";
import { createApp } from "../app.ts";
import { requestFingerprint, STALE_CLAIM_MS } from "../idempotent.ts";

// Xã Tây Phú's week after the demo's last report (29/06/2024).
const WEEK = {
  unitId: "21850",
  date: "2024-07-06",
  population: 7564,
  level2: 6512,
  dual: 3710,
  linked: 2461,
};

async function setUp() {
  const clock = createClock(Date.parse("2024-07-08T03:00:00Z"));
  const { app, store } = await createDemoApp({ now: clock.now });
  await createUser(store, { username: "tay-phu", role: "commune", unitId: "21850" });
  await createUser(store, { username: "cong-an-huyen", role: "police" });
  const commune = await signIn(app, "tay-phu");
  const send = (body: unknown, key: string, cookie = commune, to = app) =>
    to.request("/api/reports", {
      method: "POST",
      headers: {
        origin: "http://localhost",
        cookie,
        "content-type": "application/json",
        "idempotency-key": key,
      },
      body: JSON.stringify(body),
    });
  const reportsOfWeek = async () =>
    (await store.auditLog({ action: "report", limit: 50 })).filter(
      (e) => e.unitId === "21850" && JSON.stringify(e.after).includes("2024-07-06"),
    );
  return { app, store, clock, commune, send, reportsOfWeek, police: await signIn(app, "cong-an-huyen") };
}

describe("Idempotency-Key on POST /api/reports", () => {
  it("writes a report sent three times once, and answers each time as the first", async () => {
    const { send, reportsOfWeek } = await setUp();
    const key = randomUUID();
    const first = await send(WEEK, key);
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    for (const _ of [1, 2]) {
      const again = await send(WEEK, key);
      expect(again.status).toBe(201);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(await again.text()).toBe(firstBody);
    }
    expect(await reportsOfWeek()).toHaveLength(1);
  });

  it("refuses the same key with another body, naming the header", async () => {
    const { send, reportsOfWeek } = await setUp();
    const key = randomUUID();
    expect((await send(WEEK, key)).status).toBe(201);
    const other = await send({ ...WEEK, level2: 6520 }, key);
    expect(other.status).toBe(422);
    expect((await json(other)).error).toMatchObject({
      code: "IDEMPOTENCY_KEY_REUSED",
      details: [{ field: "Idempotency-Key", value: key }],
    });
    expect(await reportsOfWeek()).toHaveLength(1);
    const bad = await send(WEEK, "not a key");
    expect(bad.status).toBe(422);
    expect((await json(bad)).error).toMatchObject({ code: "IDEMPOTENCY_KEY_INVALID" });
  });

  it("lets a refused report's key go: sent again once the week is reopened, it is written", async () => {
    const { app, send, police, reportsOfWeek } = await setUp();
    const approve = await app.request("/api/approvals", {
      method: "POST",
      headers: { origin: "http://localhost", cookie: police, "content-type": "application/json" },
      body: JSON.stringify({ unitId: "547", week: "2024-W27" }),
    });
    expect(approve.status).toBe(201);
    const key = randomUUID();
    const locked = await send(WEEK, key);
    expect(locked.status).toBe(409);
    expect((await json(locked)).error.code).toBe("WEEK_LOCKED");
    const reopened = await app.request("/api/approvals/547/2024-W27", {
      method: "DELETE",
      headers: { origin: "http://localhost", cookie: police, "content-type": "application/json" },
      body: JSON.stringify({ reason: "Tây Phú gửi báo cáo muộn" }),
    });
    expect(reopened.status).toBe(200);
    expect((await send(WEEK, key)).status).toBe(201);
    expect(await reportsOfWeek()).toHaveLength(1);
  });

  it("writes once when two server processes get the same report at once", async () => {
    const { app, store, clock, send, commune, reportsOfWeek } = await setUp();
    const other = createApp({ store, config: TEST_CONFIG, now: clock.now });
    const key = randomUUID();
    const answers = await Promise.all([send(WEEK, key, commune, app), send(WEEK, key, commune, other)]);
    const statuses = answers.map((a) => a.status).sort();
    // One writes; the other either waited for its answer or is told to send again in a moment.
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    expect(await reportsOfWeek()).toHaveLength(1);
    // A claim whose process died before answering: the same report is told to wait, and is taken
    // again after a minute.
    const stale = randomUUID();
    const later = { ...WEEK, date: "2024-07-07" };
    const userId = (await store.findUserForLogin("tay-phu"))?.user.id ?? null;
    const fingerprint = requestFingerprint("POST", "/api/reports", userId, JSON.stringify(later));
    await store.claimIdempotencyKey(stale, fingerprint, new Date(clock.now()).toISOString(), "");
    expect((await send(later, stale)).status).toBe(409);
    clock.advance(STALE_CLAIM_MS + 1000);
    expect((await send(later, stale)).status).toBe(201);
  });
});
