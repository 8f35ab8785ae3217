// npm run country-data: writes data/country.db (synthetic country, see country-data.ts) if missing.
import { COMMUNES, COUNTRY_DB, countryStore, WEEKS } from "./country-data.ts";

const started = performance.now();
const store = await countryStore();
console.log(
  `${COUNTRY_DB}: ${COMMUNES} communes × ${WEEKS} weeks = ${await store.reportCount()} reports (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
await store.close();
