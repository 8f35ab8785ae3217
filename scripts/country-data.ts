// A synthetic country for the benchmarks: 63 provinces, 700 districts, 10,000 communes and two years
// of weekly reports (1,040,000 rows), deterministic, in its own database file (never the app's).
import { existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../server/src/config.ts";
import { addDays } from "../server/src/domain/dates.ts";
import type { Report, Unit } from "../server/src/domain/types.ts";
import { databaseUrl, withClient } from "../server/src/store/postgres-tools.ts";
import { openStore, type Store } from "../server/src/store/store.ts";
import { postgresServer, type ScriptEngine } from "./engine-target.ts";

export const COUNTRY_DB = join(PROJECT_ROOT, "data", "country.db");
export const COUNTRY_PG = join(PROJECT_ROOT, "data", "country-pg");
export const PROVINCES = 63;
export const DISTRICTS = 700;
export const COMMUNES = 10_000;
export const WEEKS = 104;
export const FIRST_WEEK = "2023-02-04";
export const LAST_WEEK = addDays(FIRST_WEEK, 7 * (WEEKS - 1));

export const provinceId = (p: number) => String(10 + p);
export const districtId = (d: number) => String(100 + d);
export const communeId = (c: number) => String(10_000 + c);

export function countryUnits(): Unit[] {
  const units: Unit[] = [{ id: "VN", name: "Việt Nam", kind: "country", parentId: null }];
  for (let p = 0; p < PROVINCES; p++)
    units.push({ id: provinceId(p), name: `Tỉnh ${p + 1}`, kind: "province", parentId: "VN" });
  for (let d = 0; d < DISTRICTS; d++) {
    units.push({
      id: districtId(d),
      name: `Huyện ${d + 1}`,
      kind: "district",
      parentId: provinceId(d % PROVINCES),
    });
  }
  for (let c = 0; c < COMMUNES; c++) {
    units.push({
      id: communeId(c),
      name: `Xã ${c + 1}`,
      kind: "commune",
      parentId: districtId(c % DISTRICTS),
    });
  }
  return units;
}

/** Week `w` of every commune: coverage from 40–80% towards 100%, linking behind it. */
function weekReports(w: number): Report[] {
  const date = addDays(FIRST_WEEK, 7 * w);
  const reports: Report[] = [];
  for (let c = 0; c < COMMUNES; c++) {
    const population = 3000 + ((c * 7919) % 12_000);
    const start = 0.4 + ((c * 104_729) % 400) / 1000;
    const speed = 0.5 + ((c * 31) % 100) / 100;
    const rate = Math.min(1, start + (1 - start) * Math.min(1, (speed * w) / WEEKS));
    const level2 = Math.floor(population * rate);
    const dual = Math.floor(level2 * 0.6);
    reports.push({
      unitId: communeId(c),
      date,
      population,
      level2,
      dual,
      linked: Math.floor(dual * Math.min(1, 0.3 + (0.6 * w) / WEEKS)),
    });
  }
  return reports;
}

/**
 * Opens the country database of an engine, generating it first when it is missing (a minute or
 * two): data/country.db, or on PostgreSQL the database `vneid_country` on the server DATABASE_URL
 * names, else on a cluster kept in data/country-pg (started here, stopped by `close`).
 */
export async function countryStore(
  engine: ScriptEngine = "sqlite",
): Promise<{ store: Store; location: string; close(): Promise<void> }> {
  if (engine === "pg") {
    const server = await postgresServer(COUNTRY_PG);
    const url = databaseUrl(server.url, "vneid_country");
    await withClient(server.url, async (client) => {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = 'vneid_country'");
      if (rowCount !== 0) return;
      // Built under another name and renamed when whole, as the SQLite file is.
      await client.query("DROP DATABASE IF EXISTS vneid_country_partial WITH (FORCE)");
      await client.query("CREATE DATABASE vneid_country_partial");
      const partial = databaseUrl(server.url, "vneid_country_partial");
      await fill(await openStore(partial));
      await withClient(partial, (analyze) => analyze.query("ANALYZE"));
      await client.query("ALTER DATABASE vneid_country_partial RENAME TO vneid_country");
    });
    const store = await openStore(url);
    return {
      store,
      location: url,
      close: async () => {
        await store.close();
        server.stop();
      },
    };
  }
  if (!existsSync(COUNTRY_DB)) {
    const partial = `${COUNTRY_DB}.partial`;
    rmSync(partial, { force: true });
    await fill(await openStore(partial));
    renameSync(partial, COUNTRY_DB);
  }
  const store = await openStore(COUNTRY_DB);
  return { store, location: COUNTRY_DB, close: () => store.close() };
}

async function fill(store: Store) {
  await store.saveUnits(countryUnits());
  for (let w = 0; w < WEEKS; w++) await store.insertReports(weekReports(w));
  await store.close();
}
