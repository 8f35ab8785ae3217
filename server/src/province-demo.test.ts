import { describe, expect, it } from "vitest";
import { createDemoApp, getJson } from "../test/testing.ts";
import { filterUnits } from "./domain/unit-filter.ts";

// The province demo (DEMO_DATA=gia-lai-2025): the new Gia Lai, as a provincial police office runs it.
describe("the province demo", () => {
  it("is the new Gia Lai's 135 communes, eight weeks of reports with gaps, and a campaign with both targets", async () => {
    const { app, store } = await createDemoApp({}, "gia-lai-2025");
    const { body } = await getJson(app, "/api/overview");
    expect(body.unit).toMatchObject({ id: "52", name: "Tỉnh Gia Lai", kind: "province" });
    expect(body.date).toBe("2025-10-25");
    expect(body.children).toHaveLength(135);
    expect(body.figures.expected).toBe(135);
    const campaigns = await store.campaigns();
    expect(campaigns.map((c) => c.name)).toEqual([expect.stringContaining("Gia Lai")]);
    expect(campaigns[0]?.targets).toEqual({ coverage: 1, linking: 1 });
    // Some communes have not sent the last week, some sent it late.
    const week = (await getJson(app, "/api/reporting?from=2025-10-20&to=2025-10-26")).body.weeks[0];
    expect(week.expected).toBe(135);
    expect(week.reported).toBeLessThan(135);
    expect(week.onTime).toBeLessThan(week.reported);
    // Its history: on a 2024 date the province answers with the communes it was formed from.
    expect((await getJson(app, "/api/overview?date=2024-06-29")).body.standing).toBe("future");
  });

  it("finds Ia Grai typed without diacritics, and filters the communes not reported this week", async () => {
    const { app } = await createDemoApp({}, "gia-lai-2025");
    const { body } = await getJson(app, "/api/overview");
    type Child = Parameters<typeof filterUnits>[0][number] & { unit: { id: string } };
    const children: Child[] = body.children;
    const find = (query: string, filter: Parameters<typeof filterUnits>[1]["filter"] = "all") =>
      filterUnits(children, { query, filter, metric: "coverage", date: body.date });
    expect(find("ia grai").map((c) => c.unit.name)).toEqual(["Xã Ia Grai"]);
    expect(find("IA GRAI")).toHaveLength(1);
    expect(find("Ia Grai")).toHaveLength(1);
    const missing = find("", "notReported");
    const week = (await getJson(app, "/api/reporting?from=2025-10-20&to=2025-10-26")).body.weeks[0];
    expect(missing.map((c) => c.unit.id).sort()).toEqual(
      week.units
        .filter((u: { status: string }) => u.status === "missing")
        .map((u: { unitId: string }) => u.unitId)
        .sort(),
    );
    const lagging = find("", "lagging");
    expect(lagging.length).toBe(
      body.children.filter((c: { coverage: { lagging: boolean } }) => c.coverage.lagging).length,
    );
    expect(lagging.length).toBeGreaterThan(10);
  });
});
