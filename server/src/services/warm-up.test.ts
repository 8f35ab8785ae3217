import { describe, expect, it } from "vitest";
import { createEmptyDatabase } from "../../test/testing.ts";
import { createApp } from "../app.ts";
import { PROJECT_ROOT } from "../config.ts";
import { seedIfEmpty } from "../seed.ts";
import { statement } from "../store/sql/sql.ts";
import { createStore } from "../store/store.ts";
import { warmUp } from "./warm-up.ts";

const DATA = `${PROJECT_ROOT}/data`;
const config = {
  homeUnit: null,
  webDist: "/nonexistent",
  dataDir: DATA,
  publicDashboard: true,
  cookieSecure: false,
  trustProxy: 0,
};
// Behind the store's back: the figures' version does not move, so what a process kept stays.
const FORGET_REPORTS = statement("DELETE FROM reports");

interface Overview {
  date: string;
  figures: { reporting: number };
  children: unknown[];
}
const overview = async (app: ReturnType<typeof createApp>, path: string) =>
  (await (await app.request(path)).json()) as Overview;

describe("a new process computes the area's figures before it listens (services/warm-up.ts)", () => {
  it("answers its first overview from the states it computed at start, equal to the figures computed on request", async () => {
    const { store, sql } = await createEmptyDatabase();
    await seedIfEmpty(store, DATA, { demoData: "tay-son-2024", homeUnit: null });
    // What a process that computes on request answers (its own memory, on the same database).
    const computed = await overview(createApp({ store: createStore(sql), config }), "/api/overview");
    expect(computed.figures.reporting).toBe(15);

    const warmed = await warmUp(store, null, DATA, Date.now);
    expect(warmed).toEqual({ communes: 15, date: computed.date });
    await sql.run(FORGET_REPORTS);
    // The warmed process has every commune's state on that date: it answers without reading a report.
    const onDate = `/api/overview?date=${computed.date}`;
    const first = await overview(createApp({ store, config }), onDate);
    expect(first.figures).toEqual(computed.figures);
    expect(first.children).toEqual(computed.children);
    // A process that did not warm up reads the reports on its first request (now none).
    const cold = await overview(createApp({ store: createStore(sql), config }), onDate);
    expect(cold.figures.reporting).toBe(0);
    await store.close();
  });

  it("has nothing to compute before an area is chosen", async () => {
    const { store } = await createEmptyDatabase();
    expect(await warmUp(store, null, DATA, Date.now)).toBeNull();
    await store.close();
  });
});
