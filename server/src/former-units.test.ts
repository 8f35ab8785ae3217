// Every code a deployment has held answers on every date, on both demos: a former unit with its
// successors, a unit not yet formed with its predecessors, never a server error.
import fc from "fast-check";
import type { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { createDemoApp, getJson } from "../test/testing.ts";
import type { DemoData } from "./config.ts";
import { addDays } from "./domain/dates.ts";

const DEMOS: NonNullable<DemoData>[] = ["tay-son-2024", "tay-son-2025"];

describe.each(DEMOS)("the figures endpoints on the %s demo", (demo) => {
  let app: Hono;
  let codes: string[];
  beforeAll(async () => {
    ({ app } = await createDemoApp({}, demo));
    const { body } = await getJson(app, "/api/units?all=true");
    codes = [...new Set((body.units as { id: string }[]).map((u) => u.id))];
  });

  it("answer every code on any date from 2024 to 2026 without a server error", async () => {
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays("2024-01-01", n));
    const paths = (code: string, date: string) => [
      `/api/overview?unit=${code}&date=${date}`,
      `/api/units/${code}?date=${date}`,
      `/api/units/${code}/series?to=${date}`,
      `/api/reporting?unit=${code}&to=${date}`,
      `/api/area/boundaries?unit=${code}&date=${date}`,
      `/api/exports/reports.csv?unit=${code}&date=${date}`,
    ];
    await fc.assert(
      fc.asyncProperty(fc.nat(), day, async (i, date) => {
        const code = codes[i % codes.length] as string;
        for (const path of paths(code, date)) {
          const response = await app.request(path);
          if (response.status >= 500) throw new Error(`${path}: ${response.status} ${await response.text()}`);
        }
      }),
      { numRuns: 150 },
    );
  });
});

it("answers a former commune after its end with its successors", async () => {
  const { app } = await createDemoApp({}, "tay-son-2025");
  const { status, body } = await getJson(app, "/api/overview?unit=21850&date=2025-09-06");
  expect(status).toBe(200);
  expect(body.standing).toBe("former");
  expect(body.unit.successors.map((u: { id: string }) => u.id)).toEqual(["21835"]);
  expect(body.figures.expected).toBe(1);
  expect(body.children.map((c: { unit: { id: string } }) => c.unit.id)).toEqual(["21835"]);
});
