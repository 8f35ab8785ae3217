import type { TestProject } from "vitest/node";
import { signIn, spawnServer } from "../../scripts/spawn-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminPassword: string;
    police: { username: string; password: string };
    commune: { username: string; password: string };
    youth: { username: string; password: string };
  }
}

/** Adds a user through the API as the first admin, for the tests that enter figures. */
async function addUser(
  baseUrl: string,
  adminPassword: string,
  username: string,
  role: string,
  unitId?: string,
) {
  const json = { "content-type": "application/json" };
  const cookie = await signIn(baseUrl, "admin", adminPassword);
  const password = "công an huyện kiểm tra";
  const created = await fetch(`${baseUrl}/api/users`, {
    method: "POST",
    headers: { ...json, cookie },
    body: JSON.stringify({ username, role, unitId, password }),
  });
  if (created.status !== 201) throw new Error(`could not add ${username}: ${await created.text()}`);
  return { username, password };
}

/** The built app on a fresh database with the demo data, for every browser test. */
export default async function setup(project: TestProject) {
  const server = await spawnServer();
  if (!server.adminPassword) throw new Error("the first start of a fresh database printed no admin password");
  project.provide("baseUrl", server.baseUrl);
  project.provide("adminPassword", server.adminPassword);
  project.provide("police", await addUser(server.baseUrl, server.adminPassword, "cong-an-huyen", "police"));
  // Accounts of Xã Tây Phú (21850) for the phone tests (an admin's password changes during the run).
  project.provide(
    "commune",
    await addUser(server.baseUrl, server.adminPassword, "can-bo-21850", "commune", "21850"),
  );
  project.provide(
    "youth",
    await addUser(server.baseUrl, server.adminPassword, "doan-21850", "youth", "21850"),
  );
  return server.stop;
}
