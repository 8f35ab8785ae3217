import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnServer } from "./spawn-server.ts";

const ROOT = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "vneid-supervisor-"));
const port = 4900 + Math.floor(Math.random() * 90);
let supervisor: ChildProcess | undefined;
let output = "";

afterAll(() => {
  supervisor?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

const healthy = () =>
  fetch(`http://127.0.0.1:${port}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
async function until(test: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 300; i++) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; output:\n${output}`);
}
const pids = () => [...output.matchAll(/started the server \(pid (\d+)\)/g)].map((m) => Number(m[1]));

describe("the production start (npm run serve)", () => {
  it("starts the server again when it is killed, and logs why", { timeout: 60_000 }, async () => {
    supervisor = spawn(process.execPath, ["--import", "tsx", "server/src/supervisor.ts"], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: join(dir, "app.db") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    supervisor.stdout?.on("data", (chunk: Buffer) => (output += chunk));
    supervisor.stderr?.on("data", (chunk: Buffer) => (output += chunk));
    await until(healthy, "the first start");
    const [first] = pids();
    process.kill(first as number, "SIGKILL");
    await until(() => pids().length === 2, "a second start");
    expect(output).toContain(`the server (pid ${first}) stopped with signal SIGKILL; starting it again.`);
    await until(healthy, "the restarted server");
    expect(pids()[1]).not.toBe(first);
  });

  it("runs WORKERS server processes on the one port", { timeout: 60_000 }, async () => {
    const server = await spawnServer({ workers: 2 });
    try {
      // A connection of its own each time: the supervisor hands each to the next process.
      const instance = () =>
        new Promise<string>((resolve, reject) => {
          get(`${server.baseUrl}/api/health`, { agent: false }, (response) => {
            response.resume();
            resolve(String(response.headers["x-instance"]));
          }).on("error", reject);
        });
      const seen = new Set<string>();
      for (let i = 0; i < 20 && seen.size < 2; i++) seen.add(await instance());
      expect([...seen].sort()).toEqual(server.workerPids().map(String).sort());
    } finally {
      server.stop();
    }
  });
});
