import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { vietnamDate } from "../domain/dates.ts";
import type { PendingStep, User } from "../domain/roles.ts";
import { isReportingUnit } from "../domain/tree.ts";
import type { Unit } from "../domain/types.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import type { Store } from "../store/store.ts";
import type { ApiToken } from "../store/tokens.ts";
import { PATHS_WHILE_PENDING, pendingError, pendingStep } from "./pending-step.ts";
import { hashSessionId, sessionCookieName, sessionExpired, TOUCH_INTERVAL_MS } from "./session.ts";

export interface AuthOptions {
  store: Store;
  now: () => number;
  cookieSecure: boolean;
  trustProxy: number;
}

/**
 * The client's address: the socket's, or behind `trustProxy` proxies the X-Forwarded-For entry that
 * many hops from the right (each proxy appends the address it received from; the leftmost entries
 * are whatever the client wrote, so they are never trusted).
 */
export function clientIp(c: Context, trustProxy: number): string {
  if (trustProxy > 0) {
    const hops = (c.req.header("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim());
    const forwarded = hops[hops.length - trustProxy];
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // requests made in-process (tests) have no socket
  }
}

/** Resolves the session cookie to a user (or none), and sets who is acting for the audit log. */
export function sessionMiddleware({
  store,
  now,
  cookieSecure,
  trustProxy,
}: AuthOptions): MiddlewareHandler<AppEnv> {
  const cookieName = sessionCookieName(cookieSecure);
  return async (c, next) => {
    const nowMs = now();
    let user: User | null = null;
    let sessionHash: string | null = null;
    let blockedBy: PendingStep | null = null;
    const id = getCookie(c, cookieName);
    if (id) {
      const hash = hashSessionId(id);
      const session = await store.findSession(hash);
      const found =
        session && !sessionExpired(session, nowMs) ? await store.getUser(session.userId) : undefined;
      if (session && found && !found.disabled) {
        sessionHash = hash;
        if (nowMs - session.lastSeenMs > TOUCH_INTERVAL_MS) await store.touchSession(hash, nowMs);
        const pending = await pendingStep(found, () => store.securitySettings());
        if (pending && !PATHS_WHILE_PENDING.has(c.req.path)) blockedBy = pending;
        else user = await withVersions(store, pending ? { ...found, pending } : found, nowMs);
      } else {
        if (session) await store.endSession(hash);
        deleteCookie(c, cookieName, { path: "/", secure: cookieSecure });
      }
    }
    const bearer = bearerToken(c);
    if (!user && bearer !== null) {
      const token = await store.findToken(hashSessionId(bearer));
      if (!token) throw new ApiError(401, "TOKEN_INVALID", "The token is unknown or was revoked.");
      user = await withVersions(store, tokenUser(token), nowMs);
    }
    c.set("user", user);
    c.set("sessionHash", sessionHash);
    c.set("pending", blockedBy);
    c.set("actor", {
      userId: user && user.id > 0 ? user.id : null,
      username: user?.username ?? null,
      ip: clientIp(c, trustProxy),
      at: new Date(nowMs).toISOString(),
    });
    await next();
  };
}

/**
 * The unit versions a user bound to a unit answers for (roles.ts `can`). Bound to a commune: the
 * version they were bound to and, once it has ended, the communes that cover it today, each from its
 * own beginning. Bound to a district or a province: that version and everything under it over time
 * (unit-history.ts `subtreeOf`). Bound to nothing: the whole deployment.
 */
export async function withVersions(store: Store, user: User, nowMs: number): Promise<User> {
  if (user.unitId === null) return user;
  const history = await store.unitHistory();
  const versions = history.versionsOf(user.unitId);
  const own = versions.find((v) => (v.validFrom ?? null) === user.unitFrom) ?? versions.at(-1);
  if (!own) return { ...user, versions: [] };
  const range = (u: Unit) => ({ id: u.id, validFrom: u.validFrom ?? null, validTo: u.validTo ?? null });
  const today = vietnamDate(nowMs);
  if (!isReportingUnit(own)) return { ...user, versions: history.subtreeOf(own, today).map(range) };
  const successors = own.validTo && own.validTo <= today ? history.coveringOn(own, today) : [];
  return { ...user, versions: [range(own), ...successors.map(range)] };
}

/** The secret of an `Authorization: Bearer …` header, or null. */
export function bearerToken(c: Context): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
  return match ? (match[1] as string) : null;
}

/** A token acts as a user of no role of its own: its actions, within its unit (roles.ts `can`). */
const tokenUser = (token: ApiToken): User => ({
  id: -token.id,
  username: `token:${token.name}`,
  role: "viewer",
  unitId: token.unitId,
  unitFrom: token.unitFrom,
  actions: token.actions,
  fullName: null,
  phone: null,
  email: null,
  reminderChannel: null,
  language: "vi",
  mustChangePassword: false,
  secondFactor: false,
  disabled: false,
  createdAt: token.createdAt,
});

/** The signed-in user, or a 401 (a 403 naming the step a signed-in session must take first). */
export function requireUser(c: Context<AppEnv>): User {
  const user = c.get("user");
  const pending = c.get("pending");
  if (!user && pending) throw pendingError(pending);
  if (!user) throw new ApiError(401, "UNAUTHENTICATED", "Sign in to do this.");
  return user;
}

/**
 * Throws 401 without a user and 403 (audited as a permission denial) when `allowed` says no.
 * `what` names the action and its target for the message and the log.
 */
export async function authorize(
  c: Context<AppEnv>,
  store: Store,
  allowed: (user: User) => boolean,
  what: { action: string; unitId?: string | null },
): Promise<User> {
  const user = requireUser(c);
  if (allowed(user)) return user;
  await store.audit(
    {
      action: "permission_denied",
      entity: what.action,
      unitId: what.unitId ?? null,
      after: { method: c.req.method, path: c.req.path },
    },
    c.get("actor"),
  );
  const scope = what.unitId ? ` for unit ${what.unitId}` : "";
  throw new ApiError(403, "FORBIDDEN", `The ${user.role} role may not ${what.action}${scope}.`);
}

/** Guards a route: any signed-in user whom `allowed` admits. */
export function allow(
  store: Store,
  allowed: (user: User) => boolean,
  action: string,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await authorize(c, store, allowed, { action });
    await next();
  };
}

/** Reading figures: open to all when the dashboard is public, else to signed-in users. */
export function readAccess(publicDashboard: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!publicDashboard) requireUser(c);
    await next();
  };
}
