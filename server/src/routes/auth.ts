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
import { pendingStep } from "../auth/pending-step.ts";
import { codeStep, newRecoveryCodes, newSecondFactor, recoveryCodeHash } from "../auth/second-factor.ts";
import { ABSOLUTE_LIFETIME_MS, newSessionId, sessionCookieName } from "../auth/session.ts";
import { signInGate } from "../auth/sign-in-gate.ts";
import { documented } from "../contract/documented.ts";
import {
  MeAnswer,
  RecoveryCodesAnswer,
  SecondFactorStartAnswer,
  SessionsAnswer,
  UserAnswer,
} from "../contract/people.ts";
import type { User } from "../domain/roles.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { contactFields } from "../services/contact-fields.ts";
import type { Store } from "../store/store.ts";
import { validJson } from "../validation.ts";

const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
  totp: z.string().trim().max(16).optional(),
  recoveryCode: z.string().trim().max(32).optional(),
});
const contactsBody = z
  .object(contactFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, "must change something");
const confirmBody = z.object({ code: z.string().trim().min(1).max(16) });
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
    const agent = (c.req.header("user-agent") ?? "").slice(0, 200) || null;
    await store.createSession(hash, userId, now(), { agent, ip: c.get("actor").ip });
    setCookie(c, cookieName, id, {
      httpOnly: true,
      sameSite: "Lax",
      secure: cookieSecure,
      path: "/",
      maxAge: ABSOLUTE_LIFETIME_MS / 1000,
    });
  }

  /**
   * The second factor of an enrolled account: a code of the authenticator (each time step accepted
   * once) or an unused recovery code. "missing" when the sign-in carried neither.
   */
  async function secondFactorCheck(
    user: User,
    given: { totp?: string; recoveryCode?: string },
  ): Promise<"ok" | "missing" | "wrong"> {
    if (!user.secondFactor) return "ok";
    if (given.totp) {
      const { secret } = await store.secondFactor(user.id);
      const step = secret ? codeStep(secret, given.totp, now()) : null;
      return step !== null && (await store.acceptStep(user.id, step)) ? "ok" : "wrong";
    }
    if (given.recoveryCode) {
      const used = await store.useRecoveryCode(
        user.id,
        recoveryCodeHash(given.recoveryCode),
        new Date(now()).toISOString(),
      );
      return used ? "ok" : "wrong";
    }
    return "missing";
  }

  const withPending = async (user: User): Promise<User> => {
    const pending = await pendingStep(user, () => store.securitySettings());
    return pending ? { ...user, pending } : user;
  };

  return (
    new Hono<AppEnv>()
      .post(
        "/login",
        documented({
          summary:
            "Sign in: sets the session cookie. An account with a second factor also sends `totp` (or `recoveryCode`); without it the answer is 401 SECOND_FACTOR_REQUIRED",
          tag: "Accounts",
          access: "anyone",
          answers: { 200: UserAnswer },
          errors: [422],
        }),
        validJson(loginBody),
        async (c) => {
          const { username, password, totp, recoveryCode } = c.req.valid("json");
          const actor = c.get("actor");
          const found = await store.findUserForLogin(username);
          // The password and the second factor are one attempt for the gate: a wrong code counts as a
          // failure, and so does a right password sent without its code (else it would clear the count).
          let secondFactor = "ok" as "ok" | "missing" | "wrong";
          const ok = await gate.attempt(username, actor, async () => {
            if (found && !found.user.disabled) {
              if (!(await verifyPassword(password, found.passwordHash))) return false;
              secondFactor = await secondFactorCheck(found.user, { totp, recoveryCode });
              return secondFactor === "ok";
            }
            dummyHash ??= hashPassword("no such user", passwordParams);
            await verifyPassword(password, await dummyHash);
            return false;
          });
          if (found && secondFactor === "missing") {
            throw new ApiError(
              401,
              "SECOND_FACTOR_REQUIRED",
              "This account signs in with a code from its authenticator app (or a recovery code).",
            );
          }
          if (!found || !ok) {
            const after = secondFactor === "wrong" ? { username, secondFactor: "wrong" } : { username };
            await store.audit({ action: "login_failed", entity: "user", after }, actor);
            throw secondFactor === "wrong"
              ? new ApiError(401, "SECOND_FACTOR_INVALID", "The code is wrong, expired or already used.")
              : new ApiError(401, "INVALID_CREDENTIALS", "Wrong username or password.");
          }
          await startSession(c, found.user.id);
          await store.audit(
            {
              action: "login",
              entity: "user",
              entityId: String(found.user.id),
              unitId: found.user.unitId,
              after: recoveryCode && !totp ? { recoveryCode: true } : null,
            },
            { ...actor, userId: found.user.id, username: found.user.username },
          );
          return c.json({ user: await withPending(found.user) });
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
      .patch(
        "/me",
        documented({
          summary: "Change one's own name and contacts: e-mail, phone, the reminders' channel and language",
          tag: "Accounts",
          access: "signed-in",
          answers: { 200: UserAnswer },
          errors: [422],
        }),
        validJson(contactsBody),
        async (c) => {
          const user = requireUser(c);
          const body = c.req.valid("json");
          const changed = await store.updateUser(user.id, body, c.get("actor"));
          return c.json({ user: await withPending(changed) });
        },
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
          const changed = await store.updateUser(
            user.id,
            { passwordHash, mustChangePassword: false },
            c.get("actor"),
          );
          await startSession(c, user.id);
          return c.json({ user: await withPending(changed) });
        },
      )
      .post(
        "/totp",
        documented({
          summary:
            "Start enrolling a second factor (TOTP): a new secret, its otpauth:// address and a QR code to scan",
          tag: "Accounts",
          access: "signed-in",
          answers: { 200: SecondFactorStartAnswer },
          errors: [409],
        }),
        async (c) => {
          const user = requireUser(c);
          if (user.id < 0) throw new ApiError(403, "FORBIDDEN", "A program's token has no second factor.");
          if (user.secondFactor) {
            throw new ApiError(
              409,
              "SECOND_FACTOR_ENROLLED",
              "This account already has a second factor; an admin can reset it.",
            );
          }
          const started = await newSecondFactor(user.username);
          await store.beginSecondFactor(user.id, started.secret);
          return c.json(started);
        },
      )
      .post(
        "/totp/confirm",
        documented({
          summary: "Confirm the second factor with a code from the app: answers the 10 recovery codes, once",
          tag: "Accounts",
          access: "signed-in",
          answers: { 200: RecoveryCodesAnswer },
          errors: [409, 422],
        }),
        validJson(confirmBody),
        async (c) => {
          const user = requireUser(c);
          const factor = await store.secondFactor(user.id);
          if (user.secondFactor || !factor.secret) {
            throw new ApiError(
              409,
              user.secondFactor ? "SECOND_FACTOR_ENROLLED" : "SECOND_FACTOR_NOT_STARTED",
              user.secondFactor
                ? "This account already has a second factor."
                : "Start the enrolment first (POST /api/auth/totp).",
            );
          }
          const { code } = c.req.valid("json");
          const step = codeStep(factor.secret, code, now());
          if (step === null) {
            throw new ApiError(422, "SECOND_FACTOR_INVALID", "The code is wrong or expired.", [
              { field: "code", value: code, message: "is not the app's current code" },
            ]);
          }
          const recoveryCodes = newRecoveryCodes();
          await store.confirmSecondFactor(user.id, step, recoveryCodes.map(recoveryCodeHash), c.get("actor"));
          return c.json({ recoveryCodes });
        },
      )
      .get(
        "/sessions",
        documented({
          summary: "One's own sessions (browsers signed in), the latest seen first",
          tag: "Accounts",
          access: "signed-in",
          answers: { 200: SessionsAnswer },
        }),
        async (c) => {
          const user = requireUser(c);
          const current = c.get("sessionHash");
          const sessions = (await store.listSessions(user.id)).map((s) => ({
            handle: s.handle,
            createdAt: new Date(s.createdMs).toISOString(),
            lastSeenAt: new Date(s.lastSeenMs).toISOString(),
            agent: s.agent,
            ip: s.ip,
            current: s.idHash === current,
          }));
          return c.json({ sessions });
        },
      )
      .delete(
        "/sessions",
        documented({
          summary: "End every other session of one's own (this one stays)",
          tag: "Accounts",
          access: "signed-in",
          answers: { 200: z.strictObject({ ended: z.number().int() }) },
        }),
        async (c) => {
          const user = requireUser(c);
          const ended = await store.endOtherSessions(user.id, c.get("sessionHash") ?? "");
          await store.audit(
            { action: "sessions.end_others", entity: "user", entityId: String(user.id), after: { ended } },
            c.get("actor"),
          );
          return c.json({ ended });
        },
      )
  );
}
