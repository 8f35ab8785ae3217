import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = resolve(import.meta.dirname, "../..");

/** Starts the built app as `npm start` does, on a fresh database with the demo data. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "vneid-e2e-"));
  const port = 4100 + Math.floor(Math.random() * 800);
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/src/index.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: join(dir, "e2e.db") },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (i > 150) throw new Error("the server did not start within 30 s");
    if (
      await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((done) => setTimeout(done, 200));
  }
  project.provide("baseUrl", baseUrl);
  return () => {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
}
