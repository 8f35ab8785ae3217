import { describe, expect, it } from "vitest";
import {
  createClock,
  createDemoApp,
  createEmptyDatabase,
  createUser,
  json,
  postJson,
  sessionCookie,
  signIn,
  TEST_PASSWORD,
} from "../../test/testing.ts";
import { currentCode } from "../auth/second-factor.ts";
import { PAIR_LIMIT } from "../auth/sign-in-gate.ts";

const ACTOR = { userId: null, username: "test", ip: null, at: "2024-06-01T08:00:00.000Z" };

/** The demo with the setting as a new deployment has it (admins must use a second factor), and a settable clock. */
async function asInstalled() {
  const clock = createClock();
  const { app, store } = await createDemoApp({ now: clock.now });
  await store.updateSecuritySettings({ secondFactorRoles: ["admin"] }, ACTOR);
  await createUser(store, { username: "quan-tri", role: "admin" });
  return { app, store, clock };
}

const login = (app: Awaited<ReturnType<typeof asInstalled>>["app"], body: Record<string, string>) =>
  postJson(app, "/api/auth/login", { username: "quan-tri", password: TEST_PASSWORD, ...body });

/** Enrols quan-tri: its secret and recovery codes, and a cookie of a session with nothing pending. */
async function enrolled() {
  const setup = await asInstalled();
  const { app, clock } = setup;
  const cookie = sessionCookie(await login(app, {}));
  const { secret, otpauthUrl, qrSvg } = await json(await postJson(app, "/api/auth/totp", {}, cookie));
  expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*secret=/);
  expect(qrSvg).toContain("<svg");
  const confirmed = await postJson(
    app,
    "/api/auth/totp/confirm",
    { code: currentCode(secret, clock.now()) },
    cookie,
  );
  expect(confirmed.status).toBe(200);
  const { recoveryCodes } = await json(confirmed);
  return { ...setup, secret, recoveryCodes: recoveryCodes as string[], cookie };
}

describe("a second factor (TOTP)", () => {
  it("is required of admins in a new deployment, and optional for police", async () => {
    const { store } = await createEmptyDatabase({ asInstalled: true });
    expect(await store.securitySettings()).toEqual({ secondFactorRoles: ["admin"] });
  });

  it("holds an admin without one at enrolment: nothing else answers until the app is set up", async () => {
    const { app, clock } = await asInstalled();
    const signedIn = await login(app, {});
    expect(signedIn.status).toBe(200);
    expect((await json(signedIn)).user).toMatchObject({ secondFactor: false, pending: "secondFactor" });
    const cookie = sessionCookie(signedIn);
    const users = await app.request("/api/users", { headers: { cookie } });
    expect(users.status).toBe(403);
    expect((await json(users)).error.code).toBe("SECOND_FACTOR_ENROLMENT_REQUIRED");
    expect((await json(await app.request("/api/auth/me", { headers: { cookie } }))).user.pending).toBe(
      "secondFactor",
    );

    const { secret } = await json(await postJson(app, "/api/auth/totp", {}, cookie));
    const wrong = await postJson(app, "/api/auth/totp/confirm", { code: "000000" }, cookie);
    expect(wrong.status).toBe(422);
    expect((await json(wrong)).error.details[0]).toMatchObject({ field: "code", value: "000000" });
    const confirmed = await postJson(
      app,
      "/api/auth/totp/confirm",
      { code: currentCode(secret, clock.now()) },
      cookie,
    );
    const { recoveryCodes } = await json(confirmed);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // Enrolled: the same session now answers.
    expect((await app.request("/api/users", { headers: { cookie } })).status).toBe(200);
    // A second enrolment is refused: an admin resets it.
    expect((await postJson(app, "/api/auth/totp", {}, cookie)).status).toBe(409);
  });

  it("answers 401 SECOND_FACTOR_REQUIRED without a code and 200 with the current one, each code once", async () => {
    const { app, secret, clock } = await enrolled();
    const without = await login(app, {});
    expect(without.status).toBe(401);
    expect((await json(without)).error.code).toBe("SECOND_FACTOR_REQUIRED");
    expect(without.headers.get("set-cookie")).toBeNull();
    // The code confirmed at enrolment was spent: the next time step's code signs in.
    clock.advance(30_000);
    const code = currentCode(secret, clock.now());
    const withCode = await login(app, { totp: code });
    expect(withCode.status).toBe(200);
    const { user } = await json(withCode);
    expect(user).toMatchObject({ secondFactor: true });
    expect(user.pending).toBeUndefined();
    // The same code again (a replay, seen over a shoulder) is refused.
    const replay = await login(app, { totp: code });
    expect(replay.status).toBe(401);
    expect((await json(replay)).error.code).toBe("SECOND_FACTOR_INVALID");
    // A code of two steps ago is too old.
    clock.advance(90_000);
    expect((await login(app, { totp: currentCode(secret, clock.now() - 60_000) })).status).toBe(401);
  });

  it("takes each recovery code once", async () => {
    const { app, store, recoveryCodes } = await enrolled();
    const [first] = recoveryCodes;
    expect((await login(app, { recoveryCode: (first as string).toLowerCase() })).status).toBe(200);
    expect((await login(app, { recoveryCode: first as string })).status).toBe(401);
    const user = await store.findUserForLogin("quan-tri");
    expect(await store.recoveryCodesLeft(user?.user.id ?? 0)).toBe(9);
  });

  it("counts a wrong code as a failed sign-in: the gate closes after five", async () => {
    const { app } = await enrolled();
    for (let i = 0; i < PAIR_LIMIT.max; i++) {
      expect((await login(app, { totp: String(100000 + i) })).status).toBe(401);
    }
    const throttled = await login(app, { totp: "123456" });
    expect(throttled.status).toBe(429);
    expect((await json(throttled)).error.code).toBe("TOO_MANY_ATTEMPTS");
  });

  it("can be reset by an admin (audited): the account's sessions end and it enrols again", async () => {
    const { app, store, cookie, secret, clock } = await enrolled();
    const id = (await store.findUserForLogin("quan-tri"))?.user.id;
    await createUser(store, { username: "quan-tri-2", role: "admin" });
    // The second admin must enrol too before it can reset anyone.
    const other = await signIn(app, "quan-tri-2");
    const held = await postJson(app, `/api/users/${id}/second-factor`, {}, other, "DELETE");
    expect((await json(held)).error.code).toBe("SECOND_FACTOR_ENROLMENT_REQUIRED");
    const started = await json(await postJson(app, "/api/auth/totp", {}, other));
    await postJson(app, "/api/auth/totp/confirm", { code: currentCode(started.secret, clock.now()) }, other);

    const reset = await postJson(app, `/api/users/${id}/second-factor`, {}, other, "DELETE");
    expect(reset.status).toBe(200);
    expect((await json(reset)).user).toMatchObject({ secondFactor: false });
    expect((await json(await app.request("/api/auth/me", { headers: { cookie } }))).user).toBeNull();
    const [entry] = await store.auditLog({ action: "user.second_factor_reset", limit: 1 });
    expect(entry).toMatchObject({ username: "quan-tri-2", entityId: String(id) });
    // The old secret no longer matters; the account is held at enrolment again.
    clock.advance(30_000);
    const again = await login(app, { totp: currentCode(secret, clock.now()) });
    expect((await json(again)).user.pending).toBe("secondFactor");
  });

  it("is forced on police when the setting names them", async () => {
    const { app, store } = await asInstalled();
    await createUser(store, { username: "cong-an", role: "police" });
    const police = async () =>
      (await json(await postJson(app, "/api/auth/login", { username: "cong-an", password: TEST_PASSWORD })))
        .user;
    expect((await police()).pending).toBeUndefined();
    await store.updateSecuritySettings({ secondFactorRoles: ["admin", "police"] }, ACTOR);
    expect((await police()).pending).toBe("secondFactor");
  });
});

describe("one's own sessions", () => {
  it("lists them, the current one marked, and ends the others", async () => {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "can-bo", role: "commune", unitId: "21850" });
    const phone = await signIn(app, "can-bo");
    const office = await signIn(app, "can-bo");
    const listed = await json(await app.request("/api/auth/sessions", { headers: { cookie: office } }));
    expect(listed.sessions).toHaveLength(2);
    expect(listed.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(office.split("=")[1]);
    const ended = await postJson(app, "/api/auth/sessions", {}, office, "DELETE");
    expect(await json(ended)).toEqual({ ended: 1 });
    expect((await json(await app.request("/api/auth/me", { headers: { cookie: phone } }))).user).toBeNull();
    expect(
      (await json(await app.request("/api/auth/me", { headers: { cookie: office } }))).user,
    ).not.toBeNull();
  });
});
