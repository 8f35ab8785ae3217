// Builders shared by the tests: a fresh database per test from one migrated, seeded template.
import type { Hono } from "hono";
import { createApp } from "./app.ts";
import { PROJECT_ROOT } from "./config.ts";
import type { Campaign, Report } from "./domain/types.ts";
import { seedIfEmpty } from "./seed.ts";
import { migrate } from "./store/migrate.ts";
import { openDatabase } from "./store/open.ts";
import { createStore, openStore, type Store } from "./store/store.ts";

let demoTemplate: Buffer | undefined;

export async function createDemoStore(): Promise<Store> {
  if (!demoTemplate) {
    const db = openDatabase(":memory:");
    migrate(db);
    await seedIfEmpty(createStore(db), `${PROJECT_ROOT}/data`, true);
    demoTemplate = db.serialize();
    db.close();
  }
  return openStore(demoTemplate);
}

export async function createDemoApp(): Promise<{ app: Hono; store: Store }> {
  const store = await createDemoStore();
  return { app: createApp({ store, config: { homeUnit: "547", webDist: "/nonexistent" } }), store };
}

export function createCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    name: "test",
    start: "2024-02-03",
    deadline: "2024-07-01",
    targets: { coverage: 1, linking: 1 },
    tolerancePoints: 1,
    staleDays: 7,
    paceWindowDays: 28,
    ...overrides,
  };
}

export function createReport(overrides: Partial<Report> = {}): Report {
  return {
    unitId: "21850",
    date: "2024-02-03",
    population: 1000,
    level2: 500,
    dual: 400,
    linked: 100,
    ...overrides,
  };
}

/** GETs `path` from the app; the body is whatever JSON came back. */
// biome-ignore lint/suspicious/noExplicitAny: tests assert on the JSON as the API sends it
export async function getJson(app: Hono, path: string): Promise<{ status: number; body: any }> {
  const response = await app.request(path);
  return { status: response.status, body: await response.json() };
}
