import { createHash, randomBytes } from "node:crypto";

export const IDLE_TIMEOUT_MS = 8 * 3_600_000;
export const ABSOLUTE_LIFETIME_MS = 7 * 86_400_000;
/** last_seen is written at most this often, so that reading pages does not write on every request. */
export const TOUCH_INTERVAL_MS = 60_000;

export const sessionCookieName = (secure: boolean) => (secure ? "__Host-vneid_session" : "vneid_session");

/** 256 random bits; only their SHA-256 is stored. */
export function newSessionId(): { id: string; hash: string } {
  const id = randomBytes(32).toString("base64url");
  return { id, hash: hashSessionId(id) };
}

export const hashSessionId = (id: string) => createHash("sha256").update(id).digest("hex");

export function sessionExpired(session: { createdMs: number; lastSeenMs: number }, nowMs: number): boolean {
  return nowMs - session.lastSeenMs > IDLE_TIMEOUT_MS || nowMs - session.createdMs > ABSOLUTE_LIFETIME_MS;
}
