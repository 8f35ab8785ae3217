import type { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import { createClock, createDemoApp, createUser, json, postJson, signIn } from "../../test/testing.ts";
import type { Store } from "../store/store.ts";

let app: Hono;
let store: Store;
let police: string;
let clock: ReturnType<typeof createClock>;

beforeEach(async () => {
  clock = createClock(Date.parse("2024-07-10T03:00:00Z"));
  ({ app, store } = await createDemoApp({ now: clock.now }));
  await createUser(store, { username: "police", role: "police" });
  police = await signIn(app, "police");
});

// Xã Tây Phú's last demo report (29/06/2024): 7,564 / 6,480 / 3,694 / 2,438.
const week = {
  unitId: "21850",
  date: "2024-07-06",
  population: 7564,
  level2: 6512,
  dual: 3710,
  linked: 2461,
};
const send = (body: unknown) => postJson(app, "/api/reports", body, police);
const codes = async (response: Response) =>
  ((await json(response)).error.details as { field: string; code: string }[]).map(
    (d) => `${d.field}:${d.code}`,
  );

describe("POST /api/reports", () => {
  it("saves a report, audits it, and the overview shows it at once", async () => {
    const response = await send(week);
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({ change: "created", report: week, warnings: [] });
    const overview = await json(await app.request("/api/overview?unit=21850&date=2024-07-06"));
    expect(overview.figures).toMatchObject({ level2: 6512, latestReport: "2024-07-06" });
    const [entry] = await store.auditLog({ action: "report", limit: 5 });
    expect(entry).toMatchObject({
      action: "report.create",
      username: "police",
      unitId: "21850",
      before: null,
      after: week,
    });
  });

  it("is in the next overview even when the same overview was just asked for", async () => {
    const before = await json(await app.request("/api/overview?unit=547"));
    expect(before.date).toBe("2024-06-29");
    await send(week);
    const after = await json(await app.request("/api/overview?unit=547"));
    expect(after.date).toBe("2024-07-06");
    expect(after.figures.level2).toBe(before.figures.level2 + 6512 - 6480);
  });

  it("moves a commune's trajectory when its baseline report is revised", async () => {
    const expected = async () =>
      (await json(await app.request("/api/overview?unit=21850&date=2024-03-02"))).coverage.expectedPercent;
    const before = await expected();
    const response = await send({
      unitId: "21850",
      date: "2024-02-03",
      population: 7564,
      level2: 3000,
      dual: 2000,
      linked: 700,
      confirm: true,
    });
    expect(response.status).toBe(200);
    expect(await expected()).not.toBe(before);
  });

  it("revises a report on the same unit and date, keeping the old values in the audit log", async () => {
    await send(week);
    const revised = await send({ ...week, level2: 6520 });
    expect(revised.status).toBe(200);
    expect((await json(revised)).change).toBe("revised");
    const unchanged = await send({ ...week, level2: 6520 });
    expect((await json(unchanged)).change).toBe("unchanged");
    const [entry] = await store.auditLog({ action: "report.revise", limit: 5 });
    expect(entry?.before).toMatchObject({ level2: 6512 });
    expect(entry?.after).toMatchObject({ level2: 6520 });
    expect(await store.auditLog({ action: "report", limit: 10 })).toHaveLength(2);
  });

  it("answers 422 with one entry per problem, naming field, code and value, and writes nothing", async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ unitId: "99999" }, ["unitId:UNKNOWN_UNIT"]],
      [{ unitId: "547" }, ["unitId:NOT_REPORTING_UNIT"]],
      [{ date: "2024-02-30" }, ["date:INVALID_DATE"]],
      [{ date: "2024-07-11" }, ["date:FUTURE_DATE"]],
      [{ population: "7.564" }, ["population:NOT_WHOLE_NUMBER"]],
      [{ level2: 6512.5 }, ["level2:NOT_WHOLE_NUMBER"]],
      [{ dual: -3 }, ["dual:NEGATIVE"]],
      [{ dual: 7000 }, ["dual:DUAL_ABOVE_LEVEL2"]],
      [{ linked: 3800 }, ["linked:LINKED_ABOVE_DUAL"]],
      [{ dual: 7000, linked: 7100, level2: null }, ["level2:NOT_WHOLE_NUMBER", "linked:LINKED_ABOVE_DUAL"]],
    ];
    for (const [change, expected] of cases) {
      const response = await send({ ...week, ...change });
      expect(response.status, JSON.stringify(change)).toBe(422);
      expect(await codes(response.clone()), JSON.stringify(change)).toEqual(expected);
      const { error } = await json(response);
      expect(error.code).toBe("REPORT_INVALID");
      const field = expected[0]?.split(":")[0] as string;
      expect(error.details[0]).toHaveProperty("value", { ...week, ...change }[field] ?? null);
    }
    expect(await store.auditLog({ action: "report", limit: 5 })).toEqual([]);
  });

  it("asks for a confirmation of each warning, and keeps the report once confirmed", async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ population: 6500, level2: 6500, dual: 3710 }, ["population:BELOW_PREVIOUS"]],
      [{ level2: 7600, population: 7564 }, ["level2:LEVEL2_ABOVE_POPULATION", "level2:UNUSUAL_JUMP"]],
      [{ level2: 6400 }, ["level2:BELOW_PREVIOUS"]],
      [{ population: 7500, linked: 2400 }, ["population:BELOW_PREVIOUS", "linked:BELOW_PREVIOUS"]],
    ];
    for (const [change, expected] of cases) {
      const response = await send({ ...week, ...change });
      expect(response.status).toBe(422);
      expect((await json(response.clone())).error.code).toBe("REPORT_NEEDS_CONFIRMATION");
      expect(await codes(response)).toEqual(expected);
    }
    const jump = await send({ ...week, level2: 7400 });
    expect(await codes(jump)).toEqual(["level2:UNUSUAL_JUMP"]);
    expect(await store.auditLog({ action: "report", limit: 5 })).toEqual([]);
    const confirmed = await send({ ...week, level2: 7400, confirm: true });
    expect(confirmed.status).toBe(201);
    expect((await json(confirmed)).warnings[0].code).toBe("UNUSUAL_JUMP");
  });
});

describe("a change to the baseline", () => {
  it("needs a confirmation that says how the trajectory moves and which flags go", async () => {
    // Tây Phú is BEHIND on 29/06/2024; a baseline of 0 people with both accounts would leave linking
    // without a trajectory and hide its BEHIND flag.
    const before = await json(await app.request("/api/overview?unit=21850&date=2024-06-29"));
    expect(before.flags.map((f: { code: string; metric: string }) => `${f.code}/${f.metric}`)).toContain(
      "BEHIND/coverage",
    );
    const zero = { unitId: "21850", date: "2024-02-03", population: 7564, level2: 0, dual: 0, linked: 0 };
    const response = await send(zero);
    expect(response.status).toBe(422);
    const { error } = await json(response);
    expect(error.code).toBe("REPORT_NEEDS_CONFIRMATION");
    const baseline = error.details.find((d: { code: string }) => d.code === "BASELINE_CHANGE");
    expect(baseline.values).toMatchObject({
      date: "2024-02-03",
      asOf: "2024-06-29",
      go: "BEHIND (linking)",
    });
    expect(baseline.message).toContain("Xã Tây Phú's baseline");
    expect(baseline.message).toContain(`from ${before.coverage.expectedPercent}%`);
    // A later week's report leaves the baseline alone and asks nothing of the kind.
    const later = await send(week);
    expect((await json(later)).warnings).toEqual([]);
  });
});

describe("DELETE /api/reports/:unitId/:date", () => {
  it("deletes a report, audited, and answers 404 when there is none", async () => {
    const deleted = await app.request("/api/reports/21850/2024-06-29", {
      method: "DELETE",
      headers: { cookie: police, origin: "http://localhost" },
    });
    expect(deleted.status).toBe(204);
    const overview = await json(await app.request("/api/overview?unit=21850&date=2024-06-29"));
    expect(overview.figures.latestReport).toBe("2024-06-22");
    const [entry] = await store.auditLog({ action: "report.delete", limit: 1 });
    expect(entry?.before).toMatchObject({ unitId: "21850", date: "2024-06-29", level2: 6480 });
    const again = await app.request("/api/reports/21850/2024-06-29", {
      method: "DELETE",
      headers: { cookie: police, origin: "http://localhost" },
    });
    expect(again.status).toBe(404);
    expect((await json(again)).error.code).toBe("REPORT_NOT_FOUND");
  });
});
