import type { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import { createClock, createDemoApp, getJson } from "../../test/testing.ts";

let app: Hono;
beforeEach(async () => {
  ({ app } = await createDemoApp());
});

const get = (path: string) => getJson(app, path);

describe("GET /api/overview", () => {
  it("gives the directive's figures for the district on 03/02/2024", async () => {
    const { status, body } = await get("/api/overview?unit=547&date=2024-02-03");
    expect(status).toBe(200);
    expect(body.unit).toMatchObject({ id: "547", name: "Huyện Tây Sơn", kind: "district" });
    expect(body.date).toBe("2024-02-03");
    expect(body.daysLeft).toBe(149);
    expect(body.figures).toMatchObject({
      population: 122_204,
      level2: 80_272,
      dual: 51_230,
      linked: 20_114,
      reporting: 15,
      expected: 15,
      oldestReport: "2024-02-03",
    });
    expect(body.coverage).toMatchObject({
      percent: "65.68",
      expectedPercent: "65.68",
      pacePerDay: null,
      requiredPerDay: 281.42,
      eta: null,
      projection: { date: "2024-07-01", count: 80_272, percent: "65.68" },
      units: { onTrack: 0, offTrack: 0, notJudged: 15, done: 0 },
    });
    expect(body.coverage.rate).toBeCloseTo(0.6568688, 7);
    expect(body.linking).toMatchObject({ percent: "39.26" });
    expect(body.children).toHaveLength(15);
    for (const child of body.children) {
      expect(Object.keys(child)).toEqual(
        expect.arrayContaining(["unit", "figures", "coverage", "linking", "flags", "lagging"]),
      );
    }
  });

  it("says on 01/06/2024 that three communes will not make it, though the district's summed pace would", async () => {
    const { body } = await get("/api/overview?unit=547&date=2024-06-01");
    expect(body.coverage.units).toEqual({ done: 5, onTrack: 7, offTrack: 3, notJudged: 0 });
    expect(body.coverage.eta).toBe("2032-04-20");
    expect(body.coverage.projection).toEqual({ date: "2024-07-01", count: 119_414, percent: "97.71" });
    // The summed pace (199.51 a day) is above the required 155: exactly the reading that misled.
    expect(body.coverage.pacePerDay).toBeGreaterThan(body.coverage.requiredPerDay);
    const offPace = body.flags.find(
      (f: { code: string; metric: string }) => f.code === "OFF_PACE" && f.metric === "coverage",
    );
    expect(offPace.values.units.map((u: { name: string }) => u.name)).toEqual([
      "Xã Bình Tường",
      "Xã Tây Phú",
      "Xã Vĩnh An",
    ]);
    expect(offPace.message).toContain("3 of 15");
    // The remaining is the sum of the communes' remaining.
    const sum = body.children.reduce(
      (n: number, c: { coverage: { remaining: number } }) => n + c.coverage.remaining,
      0,
    );
    expect(body.coverage.remaining).toBe(sum);
  });

  it("judges the linking metric on its own, with its own lagging order", async () => {
    const { body } = await get("/api/overview?unit=547&date=2024-06-01");
    const linkingLagging = body.children
      .filter((c: { linking: { lagging: boolean } }) => c.linking.lagging)
      .map((c: { unit: { id: string } }) => c.unit.id);
    expect([...body.laggingOrderByMetric.linking].sort()).toEqual([...linkingLagging].sort());
    expect(body.laggingOrderByMetric.linking.length).toBeGreaterThan(body.laggingOrder.length);
  });

  it("defaults to the home unit and the latest report date", async () => {
    const { body } = await get("/api/overview");
    expect(body.unit.id).toBe("547");
    expect(body.date).toBe("2024-06-29");
    expect(body.daysLeft).toBe(2);
  });

  it("names three or four lagging communes at the end of June, each flag with its numbers", async () => {
    const { body } = await get("/api/overview?unit=547&date=2024-06-29");
    const lagging = body.children.filter((child: { lagging: boolean }) => child.lagging);
    expect(lagging.length).toBeGreaterThanOrEqual(3);
    expect(lagging.length).toBeLessThanOrEqual(4);
    for (const child of lagging) {
      const coverageFlags = child.flags.filter((f: { metric: string }) => f.metric === "coverage");
      expect(coverageFlags.map((f: { code: string }) => f.code)).toEqual(["BEHIND", "OFF_PACE"]);
    }
    for (const child of body.children) {
      for (const flag of child.flags) expect(flag.message).toMatch(/\d/);
    }
    // Ordered by the projected shortfall at the deadline (target count − projection), most first.
    const shortfalls = body.laggingOrder.map((id: string) => {
      const { coverage } = body.children.find((c: { unit: { id: string } }) => c.unit.id === id);
      return coverage.targetCount - coverage.projection.count;
    });
    expect(body.laggingOrder).toHaveLength(lagging.length);
    expect(shortfalls).toEqual([...shortfalls].sort((a, b) => b - a));
    expect(body.laggingOrderByMetric.coverage).toEqual(body.laggingOrder);
    // The district itself is short of 100% and behind.
    expect(Number(body.coverage.percent)).toBeLessThan(100);
    expect(body.flags.map((f: { code: string }) => f.code)).toContain("BEHIND");
  });

  it("shows the commune that skipped three weekly reports as STALE inside its gap", async () => {
    const { body } = await get("/api/overview?unit=547&date=2024-04-20");
    const binhThanh = body.children.find((c: { unit: { id: string } }) => c.unit.id === "21823");
    expect(binhThanh.figures.oldestReport).toBe("2024-03-30");
    expect(binhThanh.flags).toContainEqual(
      expect.objectContaining({ code: "STALE", values: expect.objectContaining({ age: 21 }) }),
    );
    expect(body.figures.oldestReport).toBe("2024-03-30");
    expect(body.flags.map((f: { code: string }) => f.code)).toContain("STALE");
  });

  it("ranks the communes by coverage and gives the change since the week before", async () => {
    const { body } = await get("/api/overview?unit=547&date=2024-04-20");
    const byRank = [...body.children].sort((a, b) => a.rank - b.rank);
    expect(byRank.map((c) => c.rank)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const rates = byRank.map((c) => c.coverage.rate);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    const weekBefore = (await get("/api/overview?unit=547&date=2024-04-13")).body;
    expect(body.coverage.weekChange.accounts).toBe(body.figures.level2 - weekBefore.figures.level2);
  });

  it("sums the province from its district", async () => {
    const { body } = await get("/api/overview?unit=52&date=2024-02-03");
    expect(body.figures).toMatchObject({ population: 122_204, level2: 80_272, reporting: 15, expected: 15 });
    expect(body.children.map((c: { unit: { id: string } }) => c.unit.id)).toEqual(["547"]);
    expect(body.children[0].coverage.percent).toBe("65.68");
  });

  it("gives a commune's own figures with no children", async () => {
    const { body } = await get("/api/overview?unit=21850&date=2024-06-29");
    expect(body.unit.kind).toBe("commune");
    expect(body.children).toEqual([]);
    expect(body.figures.reporting).toBe(1);
    expect(body.lagging).toBe(true);
  });

  it("answers 404 for an unknown unit and 400 for a malformed date, with error codes", async () => {
    const unknown = await get("/api/overview?unit=999999");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("UNIT_NOT_FOUND");
    expect(unknown.body.error.message).toContain("999999");

    const badDate = await get("/api/overview?date=2024-13-45");
    expect(badDate.status).toBe(400);
    expect(badDate.body.error).toMatchObject({
      code: "INVALID_QUERY",
      details: [{ field: "date", value: "2024-13-45" }],
    });
  });

  it("never answers 500, whatever the query string", async () => {
    const queries = [
      "date=",
      "unit=",
      "date=2024-02-30",
      "date=2024-02-03&date=2024-02-10",
      "unit=547&unit=52",
      "unit=%00",
      "unit=../../etc",
      "unit=1%27%20OR%201=1",
      "date=9999-12-31",
      "date=0001-01-01",
      "date[]=x",
      "unit=547&extra=1",
      `unit=${"9".repeat(5000)}`,
      "%E0%A4%A",
    ];
    for (const query of queries) {
      const { status, body } = await get(`/api/overview?${query}`);
      expect(status, query).toBeLessThan(500);
      if (status >= 400) expect(body.error.code, query).toMatch(/^[A-Z_]+$/);
    }
  });
});

describe("the kept overview answer", () => {
  it("is kept per day in Vietnam, not per UTC day (00:00–07:00 in Vietnam is the UTC day before)", async () => {
    const clock = createClock(Date.parse("2024-06-07T16:00:00Z")); // 23:00 on Friday 07/06 in Vietnam
    const { app: kept } = await createDemoApp({ now: clock.now });
    expect((await getJson(kept, "/api/overview")).body.date).toBe("2024-06-07");
    clock.advance(2 * 60 * 60 * 1000); // 01:00 on Saturday 08/06 in Vietnam, still 07/06 in UTC
    expect((await getJson(kept, "/api/overview")).body.date).toBe("2024-06-08");
  });
});

describe("the map's centres", () => {
  it("places a district, which has no centre in the catalogue, at the mean of its communes'", async () => {
    const { app } = await createDemoApp();
    const province = (await getJson(app, "/api/overview?unit=52&date=2024-06-29")).body;
    const district = province.children.find((c: { unit: { id: string } }) => c.unit.id === "547");
    const communes = (await getJson(app, "/api/overview?unit=547&date=2024-06-29")).body.children as {
      centre: [number, number] | null;
    }[];
    const located = communes.flatMap((c) => (c.centre ? [c.centre] : []));
    const mean = (i: 0 | 1) => located.reduce((sum, c) => sum + c[i], 0) / located.length;
    expect(district.centre[0]).toBeCloseTo(mean(0), 4);
    expect(district.centre[1]).toBeCloseTo(mean(1), 4);
  });
});
