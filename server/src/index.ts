import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { ensureAdmin } from "./auth/bootstrap.ts";
import { databaseLabel, databaseLocation, loadConfig } from "./config.ts";
import { seedIfEmpty } from "./seed.ts";
import { openStore } from "./store/store.ts";

const config = loadConfig();
if (!config.databaseUrl) mkdirSync(dirname(config.databasePath), { recursive: true });
const store = await openStore(databaseLocation(config));
const seeded = await seedIfEmpty(store, config.dataDir, config);
if (seeded.length > 0) console.log(`Loaded ${seeded.join(" and ")} into ${databaseLabel(config)}`);
const adminPassword = await ensureAdmin(store);
if (adminPassword) {
  console.log(
    `Created the first user: admin, password ${adminPassword}\n` +
      "It is shown this once: sign in and change it, or set one with npm run user -- passwd admin --password-stdin",
  );
}

const server = serve(
  {
    fetch: createApp({ store, config, checkAnswers: config.checkAnswers }).fetch,
    port: config.port,
    hostname: config.host,
  },
  (info) =>
    console.log(`VNeID tracker on http://${config.host}:${info.port} (database ${databaseLabel(config)})`),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    server.close();
    await store.close();
    process.exit(0);
  });
}
