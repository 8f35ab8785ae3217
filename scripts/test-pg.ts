// npm run test:pg: the store and API test files (and the user CLI's), the same ones `npm test` runs,
// against PostgreSQL.
// On a throwaway cluster started here (PostgreSQL's server programs must be installed), or on the
// server TEST_DATABASE_URL names (a superuser URL: the tests create and drop their databases there).
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { dropTestDatabases } from "../server/test/testing-postgres.ts";
import { type Cluster, startCluster } from "./pg-cluster.ts";

/** The store and API tests, and the command-line tools that open the server's database. */
const SUITE = ["server/src", "scripts/cli.test.ts"];

let cluster: Cluster | null = null;
let url = process.env.TEST_DATABASE_URL;
if (!url) {
  cluster = await startCluster();
  url = cluster.url;
  console.log(`test:pg: a throwaway PostgreSQL cluster on ${url}`);
}
await dropTestDatabases(url);
const vitest = resolve(import.meta.dirname, "../node_modules/vitest/vitest.mjs");
const result = spawnSync(process.execPath, [vitest, "run", ...SUITE, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: url },
  cwd: resolve(import.meta.dirname, ".."),
});
await dropTestDatabases(url);
cluster?.remove();
process.exit(result.status ?? 1);
