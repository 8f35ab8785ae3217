// Builders shared by the tests: a fresh database per test from one migrated, seeded template.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import { type AppDeps, createApp } from "../src/app.ts";
import { hashPassword, type ScryptParams } from "../src/auth/passwords.ts";
import { catalogueAt } from "../src/catalogue/catalogue.ts";
import { type DemoData, PROJECT_ROOT } from "../src/config.ts";
import { DIRECTIVE_CAMPAIGN } from "../src/domain/campaign.ts";
import type { Role } from "../src/domain/roles.ts";
import type { Campaign, Report } from "../src/domain/types.ts";
import { seedIfEmpty } from "../src/seed.ts";
import { migrate } from "../src/store/migrate.ts";
import { openDatabase } from "../src/store/open.ts";
import { settingStatements } from "../src/store/settings.ts";
import { postgresSql } from "../src/store/sql/postgres.ts";
import type { Sql } from "../src/store/sql/sql.ts";
import { sqliteSql } from "../src/store/sql/sqlite.ts";
import { createStore, openStore, type Store } from "../src/store/store.ts";
import { createTestDatabase } from "./testing-postgres.ts";

/**
 * The engine the tests run on: SQLite in memory, or the PostgreSQL server that TEST_DATABASE_URL
 * names (npm run test:pg), a new database for each store.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || null;
export const TEST_ENGINE = TEST_DATABASE_URL ? "postgres" : "sqlite";

/** No role must use a second factor (written without an audit entry: the tests count theirs). */
const passwordAlone = (sql: Sql) => settingStatements.setSecurity(sql, { secondFactorRoles: [] });

/**
 * An empty, migrated database: the store on it, and its connection for the tests that need SQL.
 * Admins sign in with a password alone here unless `asInstalled` (a new deployment's settings,
 * checked in second-factor.test.ts).
 */
export async function createEmptyDatabase(
  options: { asInstalled?: boolean } = {},
): Promise<{ store: Store; sql: Sql }> {
  let sql: Sql;
  if (TEST_DATABASE_URL) {
    const url = await createTestDatabase(TEST_DATABASE_URL, null);
    await (await openStore(url)).close();
    sql = postgresSql(url, 2);
  } else {
    const db = openDatabase(":memory:");
    migrate(db);
    sql = sqliteSql(db);
  }
  if (!options.asInstalled) await passwordAlone(sql);
  return { store: createStore(sql), sql };
}

export const createEmptyStore = async (): Promise<Store> => (await createEmptyDatabase()).store;

const demoTemplates = new Map<string, Buffer>();

/**
 * Seeds the demo for the tests. As in createEmptyDatabase, admins sign in with a password alone: the
 * tests of other features sign in many times a minute, and a TOTP code is accepted once.
 */
async function seedDemo(sql: Sql, demo: NonNullable<DemoData>) {
  await seedIfEmpty(createStore(sql), `${PROJECT_ROOT}/data`, { demoData: demo, homeUnit: null });
  await passwordAlone(sql);
}

/** A store with a Tây Sơn demo (units, reports, drives; for tay-son-2025 the reorganisation too), fresh for each call. */
export async function createDemoStore(demo: NonNullable<DemoData> = "tay-son-2024"): Promise<Store> {
  return openStore(await demoDatabase(demo));
}

/**
 * `count` stores on one fresh demo database, as that many server processes open it: a pool each on
 * PostgreSQL, a connection each to one file on SQLite.
 */
export async function createSharedDemoStores(count: number): Promise<Store[]> {
  let location = await demoDatabase("tay-son-2024");
  if (typeof location !== "string") {
    const path = join(mkdtempSync(join(tmpdir(), "vneid-shared-")), "tracker.db");
    writeFileSync(path, location);
    location = path;
  }
  const stores: Store[] = [];
  for (let i = 0; i < count; i++) stores.push(await openStore(location));
  return stores;
}

/** A fresh demo database: its PostgreSQL URL, or a SQLite database serialized. */
async function demoDatabase(demo: NonNullable<DemoData>): Promise<string | Buffer> {
  if (TEST_DATABASE_URL) {
    const seed = async (url: string) => {
      await (await openStore(url)).close(); // migrates
      const sql = postgresSql(url, 1);
      await seedDemo(sql, demo);
      await sql.close();
    };
    return createTestDatabase(TEST_DATABASE_URL, { name: demo.replaceAll("-", "_"), seed });
  }
  let template = demoTemplates.get(demo);
  if (!template) {
    const db = openDatabase(":memory:");
    migrate(db);
    await seedDemo(sqliteSql(db), demo);
    template = db.serialize();
    demoTemplates.set(demo, template);
    db.close();
  }
  return template;
}

export const TEST_CONFIG: AppDeps["config"] = {
  homeUnit: "547",
  webDist: "/nonexistent",
  dataDir: `${PROJECT_ROOT}/data`,
  publicDashboard: true,
  cookieSecure: false,
  trustProxy: 0,
};

/** Cheap scrypt for tests; production uses OWASP_SCRYPT (tested in passwords.test.ts). */
export const FAST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

/** A settable clock for tests of expiry. */
export function createClock(start = Date.parse("2024-06-01T08:00:00Z")) {
  let ms = start;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

export async function createDemoApp(
  overrides: Partial<Omit<AppDeps, "store">> = {},
  demo: NonNullable<DemoData> = "tay-son-2024",
): Promise<{ app: Hono; store: Store }> {
  const store = await createDemoStore(demo);
  const app = createApp({
    store,
    config: TEST_CONFIG,
    passwordParams: FAST_SCRYPT,
    checkAnswers: true,
    ...overrides,
  });
  return { app, store };
}

/**
 * An app on an empty database, its area not chosen yet, with an admin signed in: set up as a new
 * deployment is, from Settings.
 */
export async function createAppWithoutArea(): Promise<{ app: Hono; store: Store; admin: string }> {
  const store = await createEmptyStore();
  const app = createApp({
    store,
    config: { ...TEST_CONFIG, homeUnit: null },
    passwordParams: FAST_SCRYPT,
    checkAnswers: true,
  });
  await createUser(store, { username: "quan-tri", role: "admin" });
  return { app, store, admin: await signIn(app, "quan-tri") };
}

export function createCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return { ...DIRECTIVE_CAMPAIGN, ...overrides };
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

export const TEST_PASSWORD = "ruộng lúa xanh 2024";

/** Creates a user straight in the store (no API, no audit noise). */
export async function createUser(
  store: Store,
  overrides: Partial<{ username: string; role: Role; unitId: string | null; password: string }> = {},
) {
  const role = overrides.role ?? "admin";
  const unitId = overrides.unitId !== undefined ? overrides.unitId : role === "commune" ? "21850" : null;
  return store.createUser(
    {
      username: overrides.username ?? `${role}${unitId ?? ""}`,
      role,
      unitId,
      passwordHash: await hashPassword(overrides.password ?? TEST_PASSWORD, FAST_SCRYPT),
    },
    { userId: null, username: "test", ip: null, at: new Date().toISOString() },
  );
}

/** POST JSON as a same-origin browser would. */
export function postJson(app: Hono, path: string, body: unknown, cookie?: string, method = "POST") {
  return app.request(path, {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookie(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  const pair = header.split(";")[0] ?? "";
  if (!pair.includes("=")) throw new Error(`no session cookie in ${JSON.stringify(header)}`);
  return pair;
}

/** Signs in through the API and returns the cookie to send with later requests. */
export async function signIn(app: Hono, username: string, password = TEST_PASSWORD): Promise<string> {
  const response = await postJson(app, "/api/auth/login", { username, password });
  if (response.status !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  return sessionCookie(response);
}

/** A response's JSON body, as the API sent it. */
// biome-ignore lint/suspicious/noExplicitAny: tests assert on the JSON as the API sends it
export const json = (response: Response): Promise<any> => response.json();

/** A multipart upload of `content` as the field `file`, sent as a same-origin browser would. */
export function upload(app: Hono, path: string, name: string, content: string | Uint8Array, cookie?: string) {
  const form = new FormData();
  form.set("file", new File([typeof content === "string" ? content : Uint8Array.from(content)], name));
  return app.request(path, {
    method: "POST",
    headers: { origin: "http://localhost", ...(cookie ? { cookie } : {}) },
    body: form,
  });
}

/**
 * Boundaries for the map tests: a small square around each commune's centre in the 2024 catalogue,
 * named by `ma_xa` as many Vietnamese GIS files do (a stand-in for real shapes).
 */
export function squaresAround(codes: readonly string[]) {
  const catalogue = catalogueAt(TEST_CONFIG.dataDir);
  const d = 0.01;
  return {
    type: "FeatureCollection",
    features: codes.map((code) => {
      const unit = catalogue.get("2024", code);
      const [x, y] = [unit?.lon ?? 0, unit?.lat ?? 0];
      return {
        type: "Feature",
        properties: { ma_xa: code },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [x - d, y - d],
              [x + d, y - d],
              [x + d, y + d],
              [x - d, y + d],
              [x - d, y - d],
            ],
          ],
        },
      };
    }),
  };
}

/** The codes of a 2024 district's communes, from the catalogue (Tây Sơn: 547). */
export const communesOf = (district: string) =>
  catalogueAt(TEST_CONFIG.dataDir)
    .children("2024", district)
    .map((unit) => unit.code);
