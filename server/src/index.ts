import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { ensureAdmin } from "./auth/bootstrap.ts";
import { databaseLabel, databaseLocation, loadConfig } from "./config.ts";
import { channelsFrom } from "./reminders/channels.ts";
import { createReminders } from "./reminders/reminders.ts";
import { seedIfEmpty } from "./seed.ts";
import { warmUp } from "./services/warm-up.ts";
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

// The figures the overview opens on, computed before the first request (services/warm-up.ts).
const warming = performance.now();
try {
  const warmed = await warmUp(store, config.homeUnit, config.dataDir, Date.now);
  if (warmed) {
    console.log(
      `Computed the figures of ${warmed.communes} communes on ${warmed.date} in ${Math.round(performance.now() - warming)} ms`,
    );
  }
} catch (error) {
  // The requests compute them again, and say what is wrong: the server still starts.
  console.error("Could not compute the figures before starting:", error);
}

// Reminders of missing reports (docs/reminders.md): decided and sent from every process, one at a time.
const reminders = createReminders({
  store,
  channels: channelsFrom(config.channels),
  publicUrl: config.publicUrl,
  homeUnit: config.homeUnit,
});
const stopReminders = reminders.start();

const server = serve(
  {
    fetch: createApp({ store, config, checkAnswers: config.checkAnswers, reminders }).fetch,
    port: config.port,
    hostname: config.host,
  },
  (info) =>
    console.log(`VNeID tracker on http://${config.host}:${info.port} (database ${databaseLabel(config)})`),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    stopReminders();
    server.close();
    await store.close();
    process.exit(0);
  });
}
