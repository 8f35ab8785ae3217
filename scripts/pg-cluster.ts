// A throwaway PostgreSQL cluster for the tests, benchmarks and load tests: initdb into a temporary
// folder, a free loopback port, stopped and removed at the end. As root the server programs run
// as the `postgres` user (initdb refuses root). The binaries are found in /usr/lib/postgresql/*/bin
// (Debian's postgresql package), or on the PATH.
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { postgresBin } from "../server/src/store/postgres-tools.ts";

function binaries(): string {
  const bin = postgresBin();
  if (bin) return bin;
  try {
    execFileSync("initdb", ["--version"], { stdio: "ignore" });
    return "";
  } catch {
    throw new Error(
      "PostgreSQL's server programs (initdb, pg_ctl) are not installed: apt-get install -y postgresql, " +
        "or set TEST_DATABASE_URL / DATABASE_URL to an existing server",
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface Cluster {
  /** The superuser's URL to the `postgres` database. */
  url: string;
  /** pg_ctl stop -m immediate: as if the machine lost power (the server recovers from its WAL at the next start). */
  crash(): void;
  start(): void;
  /** Stops the server and removes its folder (a kept folder stays). */
  remove(): void;
}

/**
 * Starts a cluster: a throwaway one in a temporary folder, or the one kept in `folder` (made there
 * on first use; `remove` then only stops it).
 */
export async function startCluster(folder?: string): Promise<Cluster> {
  const bin = binaries();
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) => {
    const path = bin ? join(bin, program) : program;
    const [command, all] = asRoot ? ["runuser", ["-u", "postgres", "--", path, ...args]] : [path, args];
    execFileSync(command, all, { stdio: ["ignore", "pipe", "pipe"] });
  };
  const dir = folder ?? mkdtempSync(join(tmpdir(), "vneid-pg-"));
  const data = join(dir, "data");
  const fresh = !existsSync(join(data, "PG_VERSION"));
  if (fresh) {
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o700);
    if (asRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
      chownSync(dir, uid, gid);
    }
    run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"]);
  }
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const start = () =>
    run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "start"]);
  start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    try {
      run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    } catch {
      // already stopped
    }
    if (!folder) rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", remove);
  return {
    url,
    crash: () => run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]),
    start,
    remove,
  };
}
