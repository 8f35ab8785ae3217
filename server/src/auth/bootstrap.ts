import { randomBytes } from "node:crypto";
import type { Store } from "../store/store.ts";
import { hashPassword, OWASP_SCRYPT, type ScryptParams } from "./passwords.ts";

/**
 * With no user at all, creates `admin` with a random password and returns it (to be shown once).
 * There is no default password.
 */
export async function ensureAdmin(store: Store, params: ScryptParams = OWASP_SCRYPT): Promise<string | null> {
  if ((await store.countUsers()) > 0) return null;
  const password = randomBytes(15).toString("base64url");
  await store.createUser(
    { username: "admin", role: "admin", unitId: null, passwordHash: await hashPassword(password, params) },
    { userId: null, username: "system", ip: null, at: new Date().toISOString() },
  );
  return password;
}
