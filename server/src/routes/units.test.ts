import type { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import { createDemoApp, getJson } from "../../test/testing.ts";

let app: Hono;
beforeEach(async () => {
  ({ app } = await createDemoApp());
});

const get = (path: string) => getJson(app, path);

describe("read endpoints", () => {
  it("GET /api/health is ok", async () => {
    expect(await get("/api/health")).toEqual({ status: 200, body: { status: "ok" } });
  });

  it("GET /api/units lists Tây Sơn's official units and the demo's villages", async () => {
    const { body } = await get("/api/units");
    expect(body.units.filter((u: { kind: string }) => u.kind !== "village")).toHaveLength(17);
    expect(body.units).toContainEqual({
      id: "2185001",
      name: "Thôn 1",
      kind: "village",
      parentId: "21850",
      validFrom: null,
      validTo: null,
    });
    expect(body.units).toContainEqual({
      id: "21808",
      name: "Thị trấn Phú Phong",
      kind: "town",
      parentId: "547",
      validFrom: null,
      validTo: null,
    });
  });

  it("GET /api/campaign gives the directive's campaign", async () => {
    const { body } = await get("/api/campaign");
    expect(body).toMatchObject({
      start: "2024-02-03",
      deadline: "2024-07-01",
      targets: { coverage: 1, linking: 1 },
    });
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const { status, body } = await get("/api/nothing-here");
    expect(status).toBe(404);
    expect(body.error.code).toBe("NOT_FOUND");
  });
});

describe("GET /api/units/:id/series", () => {
  it("gives one district point per report date, matching the overview on each date", async () => {
    const { body } = await get("/api/units/547/series");
    expect(body.points).toHaveLength(22);
    expect(body.points[0]).toMatchObject({
      date: "2024-02-03",
      population: 122_204,
      level2: 80_272,
      coveragePercent: "65.68",
    });
    const mid = body.points.find((p: { date: string }) => p.date === "2024-04-13");
    const overview = (await get("/api/overview?unit=547&date=2024-04-13")).body;
    expect(mid).toMatchObject({
      level2: overview.figures.level2,
      population: overview.figures.population,
      linked: overview.figures.linked,
      reporting: 15,
      expected: 15,
      coveragePercent: overview.coverage.percent,
    });
    expect(mid.expectedCoverageRate).toBeCloseTo(overview.coverage.expectedRate, 12);
    expect(mid.expectedLinkingRate).toBeCloseTo(overview.linking.expectedRate, 12);
    expect(body.points[0].expectedCoverageRate).toBeCloseTo(80_272 / 122_204, 12);
  });

  it("gives a commune only the dates it reported", async () => {
    const { body } = await get("/api/units/21823/series");
    expect(body.points).toHaveLength(19);
    expect(body.points.map((p: { date: string }) => p.date)).not.toContain("2024-04-13");
  });

  it("limits the points to [from, to] while keeping the sums of units that reported before", async () => {
    const all = (await get("/api/units/547/series")).body.points;
    const { body } = await get("/api/units/547/series?from=2024-04-13&to=2024-05-04");
    expect(body.points.map((p: { date: string }) => p.date)).toEqual([
      "2024-04-13",
      "2024-04-20",
      "2024-04-27",
      "2024-05-04",
    ]);
    expect(body.points).toEqual(
      all.filter((p: { date: string }) => p.date >= "2024-04-13" && p.date <= "2024-05-04"),
    );
  });

  it("refuses a bad range and an unknown unit", async () => {
    const reversed = await get("/api/units/547/series?from=2024-05-01&to=2024-04-01");
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details[0]).toMatchObject({ field: "from", value: "2024-05-01" });
    expect((await get("/api/units/547/series?to=yesterday")).status).toBe(400);
    const millennium = await get("/api/units/547/series?from=0100-01-01&to=9999-12-31");
    expect(millennium.status).toBe(400);
    expect(millennium.body.error.details[0]).toMatchObject({ field: "from", value: "0100-01-01" });
    expect(millennium.body.error.message).toContain("3 years");
    expect((await get("/api/units/547/series?from=2023-07-01&to=2026-07-01")).status).toBe(200);
    const unknown = await get("/api/units/999999/series");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("UNIT_NOT_FOUND");
  });
});
