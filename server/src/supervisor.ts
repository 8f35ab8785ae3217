// The production start (npm run serve): runs the server in WORKERS child processes that share the
// port, and starts each again when it dies, logging why, so that a crash costs seconds, not the
// campaign's evening. Under systemd the service manager restarts the supervisor itself (see the README).
import cluster, { type Worker } from "node:cluster";
import { loadConfig } from "./config.ts";

/** Restarts within this window that mean the server cannot start: wait before trying again. */
const CRASH_WINDOW_MS = 60_000;
const CRASHES_BEFORE_PAUSE = 5;
const PAUSE_MS = 10_000;

const stamp = () => new Date().toISOString();
const crashes: number[] = [];
let stopping = false;

cluster.setupPrimary({
  exec: new URL("./index.ts", import.meta.url).pathname,
  execArgv: ["--import", "tsx"],
});

function start(): Worker {
  const worker = cluster.fork();
  worker.once("listening", () =>
    console.log(`[${stamp()}] supervisor: the server (pid ${worker.process.pid}) is listening.`),
  );
  console.log(`[${stamp()}] supervisor: started the server (pid ${worker.process.pid}).`);
  worker.once("exit", (code, signal) => {
    if (stopping) return;
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && (crashes[0] as number) < now - CRASH_WINDOW_MS) crashes.shift();
    const pause = crashes.length >= CRASHES_BEFORE_PAUSE ? PAUSE_MS : 0;
    console.error(
      `[${stamp()}] supervisor: the server (pid ${worker.process.pid}) stopped with ${how}; ` +
        `starting it again${pause ? ` in ${pause / 1000} s (${crashes.length} stops in a minute)` : ""}.`,
    );
    setTimeout(start, pause);
  });
  return worker;
}

// The first worker migrates and seeds an empty database alone; the others start once it listens.
const { workers } = loadConfig();
start().once("listening", () => {
  for (let i = 1; i < workers; i++) start();
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5_000).unref();
    cluster.disconnect(() => process.exit(0));
  });
}
