import { type Context, Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { requireUser } from "../auth/middleware.ts";
import {
  hashPassword,
  passwordContext,
  passwordProblem,
  type ScryptParams,
  verifyPassword,
} from "../auth/passwords.ts";
import { ABSOLUTE_LIFETIME_MS, newSessionId, sessionCookieName } from "../auth/session.ts";
import { signInGate } from "../auth/sign-in-gate.ts";
import { documented } from "../contract/documented.ts";
import { MeAnswer, UserAnswer } from "../contract/people.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import type { Store } from "../store/store.ts";
import { validJson } from "../validation.ts";

const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});
const passwordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().max(1024),
});

export interface AuthDeps {
  store: Store;
  now: () => number;
  cookieSecure: boolean;
  passwordParams: ScryptParams;
}

export function authRoutes({ store, now, cookieSecure, passwordParams }: AuthDeps) {
  const cookieName = sessionCookieName(cookieSecure);
  // Checked when the name is unknown, so that a wrong name takes as long as a wrong password.
  let dummyHash: Promise<string> | undefined;
  const gate = signInGate(store, now);

  async function startSession(c: Context<AppEnv>, userId: number) {
    const previous = c.get("sessionHash");
    if (previous) await store.endSession(previous);
    const { id, hash } = newSessionId();
    await store.createSession(hash, userId, now());
    setCookie(c, cookieName, id, {
      httpOnly: true,
      sameSite: "Lax",
      secure: cookieSecure,
      path: "/",
      maxAge: ABSOLUTE_LIFETIME_MS / 1000,
    });
  }

  return (
    new Hono<AppEnv>()
      .post(
        "/login",
        documented({
          summary: "Sign in: sets the session cookie",
          tag: "Accounts",
          access: "anyone",
          answers: { 200: UserAnswer },
          errors: [422],
        }),
        validJson(loginBody),
        async (c) => {
          const { username, password } = c.req.valid("json");
          const actor = c.get("actor");
          const found = await store.findUserForLogin(username);
          const ok = await gate.attempt(username, actor, async () => {
            if (found && !found.user.disabled) return verifyPassword(password, found.passwordHash);
            dummyHash ??= hashPassword("no such user", passwordParams);
            await verifyPassword(password, await dummyHash);
            return false;
          });
          if (!found || !ok) {
            await store.audit({ action: "login_failed", entity: "user", after: { username } }, actor);
            throw new ApiError(401, "INVALID_CREDENTIALS", "Wrong username or password.");
          }
          await startSession(c, found.user.id);
          await store.audit(
            { action: "login", entity: "user", entityId: String(found.user.id), unitId: found.user.unitId },
            { ...actor, userId: found.user.id, username: found.user.username },
          );
          return c.json({ user: found.user });
        },
      )
      .post(
        "/logout",
        documented({
          summary: "Sign out: ends the session",
          tag: "Accounts",
          access: "anyone",
          answers: { 204: null },
        }),
        async (c) => {
          const hash = c.get("sessionHash");
          const user = c.get("user");
          if (hash) await store.endSession(hash);
          deleteCookie(c, cookieName, { path: "/", secure: cookieSecure });
          if (user)
            await store.audit(
              { action: "logout", entity: "user", entityId: String(user.id) },
              c.get("actor"),
            );
          return c.body(null, 204);
        },
      )
      // Signed out is an answer, not an error: { user: null }.
      .get(
        "/me",
        documented({
          summary: "Who is signed in (user: null when nobody is)",
          tag: "Accounts",
          access: "anyone",
          answers: { 200: MeAnswer },
        }),
        (c) => c.json({ user: c.get("user") }),
      )
      .post(
        "/password",
        documented({
          summary: "Change one's own password (every other session ends)",
          tag: "Accounts",
          access: "signed-in",
          answers: { 200: UserAnswer },
          errors: [422],
        }),
        validJson(passwordBody),
        async (c) => {
          const user = requireUser(c);
          const { currentPassword, newPassword } = c.req.valid("json");
          const found = await store.findUserForLogin(user.username);
          const ok = await gate.attempt(user.username, c.get("actor"), async () =>
            found ? verifyPassword(currentPassword, found.passwordHash) : false,
          );
          if (!found || !ok) {
            throw new ApiError(422, "WRONG_PASSWORD", "The current password is wrong.", [
              { field: "currentPassword", value: "(hidden)", message: "is wrong" },
            ]);
          }
          const problem = passwordProblem(newPassword, await passwordContext(store, user.username));
          if (problem) {
            throw new ApiError(422, problem.code, problem.message, [
              { field: "newPassword", value: "(hidden)", message: problem.message },
            ]);
          }
          const passwordHash = await hashPassword(newPassword, passwordParams);
          // Ends every session of the user, this one too; the user stays signed in with a new one.
          await store.updateUser(user.id, { passwordHash }, c.get("actor"));
          await startSession(c, user.id);
          return c.json({ user });
        },
      )
  );
}
