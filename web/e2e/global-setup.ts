import type { TestProject } from "vitest/node";
import { spawnServer } from "../../scripts/spawn-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminPassword: string;
  }
}

/** The built app on a fresh database with the demo data, for every browser test. */
export default async function setup(project: TestProject) {
  const server = await spawnServer();
  project.provide("baseUrl", server.baseUrl);
  project.provide("adminPassword", server.adminPassword);
  return server.stop;
}
