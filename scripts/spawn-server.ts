import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openStore } from "../server/src/store/store.ts";

const ROOT = resolve(import.meta.dirname, "..");

export interface RunningServer {
  baseUrl: string;
  /** The process started: the server, or with `workers` the supervisor. */
  pid: number;
  /** The server processes started so far (with `workers`, as the supervisor logs them; all listen once spawnServer resolves). */
  workerPids: () => number[];
  /** How many times a server process started listening (with `workers`: restarts count again). */
  listening: () => number;
  databasePath: string;
  /** The password the first start printed for `admin` (null when the database already had users). */
  adminPassword: string | null;
  /** SIGTERM, then the temporary folder is removed (when the server made it). */
  stop: () => void;
  /** SIGKILL: the process dies wherever it is; resolves once it has. */
  kill: () => Promise<void>;
}

/**
 * The scripts and browser tests sign in as the first admin many times a minute, and a TOTP code is
 * accepted once: on a database not yet used, no role is made to use a second factor, as an operator
 * may choose in the settings (the default, admins, is tested in second-factor.test.ts; the browser
 * tests enrol an account through the page).
 */
async function passwordAloneWhenNew(location: string) {
  const store = await openStore(location);
  try {
    if ((await store.countUsers()) > 0) return;
    const actor = { userId: null, username: "test-harness", ip: null, at: new Date().toISOString() };
    await store.updateSecuritySettings({ secondFactorRoles: [] }, actor);
  } finally {
    await store.close();
  }
}

/** A loopback port no socket holds now, as the system hands them out (never one a test picked at random). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

/**
 * Starts the app on a fresh database in a temporary folder (loaded with the demo data), or on the
 * PostgreSQL database `databaseUrl`, and a free loopback port; resolves once /api/health
 * answers. With `workers`, as `npm run serve` does: the supervisor and that many server processes.
 */
export async function spawnServer(
  options: {
    databasePath?: string;
    databaseUrl?: string;
    workers?: number;
    port?: number;
    env?: Record<string, string>;
  } = {},
): Promise<RunningServer> {
  const dir =
    options.databasePath || options.databaseUrl ? null : mkdtempSync(join(tmpdir(), "vneid-server-"));
  const databasePath = options.databasePath ?? join(dir ?? tmpdir(), "app.db");
  const port = options.port ?? (await freePort());
  const entry = options.workers ? "server/src/supervisor.ts" : "server/src/index.ts";
  await passwordAloneWhenNew(options.databaseUrl ?? databasePath);
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: databasePath,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...(options.workers ? { WORKERS: String(options.workers) } : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const stop = () => {
    child.kill("SIGTERM");
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  const kill = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGKILL");
    });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    // A single server answers with its own pid (X-Instance): not another test's server on the port.
    await untilHealthy(baseUrl, () => child.exitCode === null, options.workers ? undefined : child.pid);
  } catch (error) {
    stop();
    throw new Error(`the server did not start (exit code ${child.exitCode})`, { cause: error });
  }
  const workerPids = () =>
    options.workers
      ? [...output.matchAll(/started the server \(pid (\d+)\)/g)].map((m) => Number(m[1]))
      : [child.pid as number];
  const listening = () => output.match(/is listening\./g)?.length ?? 0;
  if (options.workers) {
    for (let i = 0; listening() < options.workers; i++) {
      if (i > 150) throw new Error(`${options.workers} workers did not start:\n${output}`);
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  const adminPassword = /Created the first user: admin, password (\S+)/.exec(output)?.[1] ?? null;
  return {
    baseUrl,
    pid: child.pid as number,
    workerPids,
    listening,
    databasePath,
    adminPassword,
    stop,
    kill,
  };
}

/**
 * Resolves once `baseUrl` answers /api/health (from the process `pid`, when given), within 30 s and
 * while `alive()` holds.
 */
export async function untilHealthy(
  baseUrl: string,
  alive: () => boolean = () => true,
  pid?: number,
): Promise<void> {
  for (let i = 0; i < 150 && alive(); i++) {
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok && (pid === undefined || r.headers.get("x-instance") === String(pid)),
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${baseUrl} did not answer /api/health`);
}

/** The Tây Sơn demo's commune codes, for scripts that write reports to a demo server. */
export const DEMO_COMMUNES = [
  "21808",
  "21811",
  "21814",
  "21817",
  "21820",
  "21823",
  "21826",
  "21829",
  "21832",
  "21835",
  "21838",
  "21841",
  "21844",
  "21847",
  "21850",
];

/** Signs in through the API and returns the session cookie (`name=value`). */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
}
