// npm run country-data [-- --engine pg]: makes the synthetic country (see country-data.ts) if missing:
// data/country.db, or the PostgreSQL database vneid_country (on DATABASE_URL's server, else on a
// cluster kept in data/country-pg).
import { parseArgs } from "node:util";
import { COMMUNES, countryStore, WEEKS } from "./country-data.ts";
import { parseEngine } from "./engine-target.ts";

const { values } = parseArgs({ options: { engine: { type: "string" } } });
const started = performance.now();
const country = await countryStore(parseEngine(values.engine));
console.log(
  `${country.location}: ${COMMUNES} communes × ${WEEKS} weeks = ${await country.store.reportCount()} reports (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
await country.close();
