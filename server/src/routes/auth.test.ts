import type { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createClock,
  createDemoApp,
  createUser,
  json,
  postJson,
  sessionCookie,
  signIn,
  TEST_CONFIG,
  TEST_PASSWORD,
} from "../../test/testing.ts";
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS } from "../auth/session.ts";
import {
  ADDRESS_LIMIT,
  HASHES_AT_ONCE,
  HASHES_WAITING,
  PAIR_LIMIT,
  signInGate,
} from "../auth/sign-in-gate.ts";
import type { Store } from "../store/store.ts";

let app: Hono;
let store: Store;
let clock: ReturnType<typeof createClock>;
const logged: string[] = [];

beforeEach(async () => {
  clock = createClock();
  ({ app, store } = await createDemoApp({ now: clock.now }));
  await createUser(store, { username: "lan", role: "commune", unitId: "21850" });
  await createUser(store, { username: "admin", role: "admin" });
  logged.length = 0;
  for (const level of ["log", "info", "warn", "error"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    });
  }
});

afterEach(() => {
  // No password and no hash ever reaches a log line.
  for (const line of logged) {
    expect(line).not.toContain(TEST_PASSWORD);
    expect(line).not.toContain("scrypt$");
  }
  vi.restoreAllMocks();
});

/** Who the cookie signs in, or null. */
const me = async (cookie: string): Promise<string | null> =>
  (await json(await app.request("/api/auth/me", { headers: { cookie } }))).user?.username ?? null;

describe("sign-in", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie and returns the user without any secret", async () => {
    const response = await postJson(app, "/api/auth/login", { username: "LAN", password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^vneid_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Path=/");
    const text = await response.text();
    expect(JSON.parse(text).user).toMatchObject({ username: "lan", role: "commune", unitId: "21850" });
    expect(text).not.toContain("scrypt");
    expect(text).not.toContain(TEST_PASSWORD);
    expect(response.headers.get("cache-control")).toBe("no-store");

    expect(await me(sessionCookie(response))).toBe("lan");
  });

  it("answers a wrong password and an unknown name alike", async () => {
    const wrong = await postJson(app, "/api/auth/login", { username: "lan", password: "not the password" });
    const unknown = await postJson(app, "/api/auth/login", {
      username: "nobody",
      password: "not the password",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await json(wrong)).toEqual(await json(unknown));
  });

  it("starts a new session at each sign-in and ends the one the browser had", async () => {
    const first = await signIn(app, "lan");
    const again = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: first },
      body: JSON.stringify({ username: "lan", password: TEST_PASSWORD }),
    });
    const second = sessionCookie(again);
    expect(second).not.toBe(first);
    expect(await me(first)).toBeNull();
    expect(await me(second)).toBe("lan");
  });

  it("records sign-ins and failed sign-ins in the audit log", async () => {
    await signIn(app, "lan");
    await postJson(app, "/api/auth/login", { username: "lan", password: "wrong password" });
    const entries = (await store.auditLog({ limit: 10 })).filter((e) => e.action.startsWith("login"));
    expect(entries.map((e) => [e.action, e.username ?? (e.after as { username: string }).username])).toEqual([
      ["login_failed", "lan"],
      ["login", "lan"],
    ]);
    expect(JSON.stringify(entries)).not.toContain("wrong password");
  });
});

describe("session lifetime", () => {
  it("ends after 8 idle hours", async () => {
    const cookie = await signIn(app, "lan");
    clock.advance(IDLE_TIMEOUT_MS - 60_000);
    expect(await me(cookie)).toBe("lan");
    clock.advance(IDLE_TIMEOUT_MS + 1);
    const expired = await app.request("/api/auth/me", { headers: { cookie } });
    expect((await json(expired)).user).toBeNull();
    expect(expired.headers.get("set-cookie")).toContain("vneid_session=;");
  });

  it("ends 7 days after sign-in however active it was", async () => {
    const cookie = await signIn(app, "lan");
    for (let elapsed = 0; elapsed < ABSOLUTE_LIFETIME_MS - 3_600_000; elapsed += 6 * 3_600_000) {
      clock.advance(6 * 3_600_000);
      expect(await me(cookie)).toBe("lan");
    }
    clock.advance(7 * 3_600_000);
    expect(await me(cookie)).toBeNull();
  });

  it("ends at sign-out", async () => {
    const cookie = await signIn(app, "lan");
    const out = await postJson(app, "/api/auth/logout", {}, cookie);
    expect(out.status).toBe(204);
    expect(await me(cookie)).toBeNull();
  });

  it("ends for every device when the user is disabled", async () => {
    const phone = await signIn(app, "lan");
    const desk = await signIn(app, "lan");
    const adminCookie = await signIn(app, "admin");
    const lan = (await store.findUserForLogin("lan"))?.user;
    const response = await postJson(app, `/api/users/${lan?.id}`, { disabled: true }, adminCookie, "PATCH");
    expect(response.status).toBe(200);
    expect(await me(phone)).toBeNull();
    expect(await me(desk)).toBeNull();
    expect(
      (await postJson(app, "/api/auth/login", { username: "lan", password: TEST_PASSWORD })).status,
    ).toBe(401);
  });

  it("ends the other sessions when the password changes, keeping the user signed in", async () => {
    const other = await signIn(app, "lan");
    const current = await signIn(app, "lan");
    const changed = await postJson(
      app,
      "/api/auth/password",
      { currentPassword: TEST_PASSWORD, newPassword: "mùa gặt năm nay" },
      current,
    );
    expect(changed.status).toBe(200);
    expect(await me(other)).toBeNull();
    expect(await me(current)).toBeNull();
    expect(await me(sessionCookie(changed))).toBe("lan");
    await signIn(app, "lan", "mùa gặt năm nay");
  });

  it("refuses a wrong current password and a common new one, naming the field", async () => {
    const cookie = await signIn(app, "lan");
    const wrong = await postJson(
      app,
      "/api/auth/password",
      { currentPassword: "nope nope", newPassword: "mùa gặt năm nay" },
      cookie,
    );
    expect(wrong.status).toBe(422);
    expect((await json(wrong)).error).toMatchObject({
      code: "WRONG_PASSWORD",
      details: [{ field: "currentPassword" }],
    });
    const common = await postJson(
      app,
      "/api/auth/password",
      { currentPassword: TEST_PASSWORD, newPassword: "password1" },
      cookie,
    );
    expect((await json(common)).error).toMatchObject({
      code: "PASSWORD_TOO_COMMON",
      details: [{ field: "newPassword", value: "(hidden)" }],
    });
  });
});

describe("throttling", () => {
  it("refuses a username after 5 failures in 15 minutes, with Retry-After, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      clock.advance(60_000);
      expect(
        (await postJson(app, "/api/auth/login", { username: "lan", password: `wrong ${i}` })).status,
      ).toBe(401);
    }
    const refused = await postJson(app, "/api/auth/login", { username: "lan", password: TEST_PASSWORD });
    expect(refused.status).toBe(429);
    // The first failure was 4 minutes ago: 11 minutes to wait.
    expect(refused.headers.get("retry-after")).toBe("660");
    expect((await json(refused)).error.code).toBe("TOO_MANY_ATTEMPTS");
    clock.advance(660_000);
    expect(
      (await postJson(app, "/api/auth/login", { username: "lan", password: TEST_PASSWORD })).status,
    ).toBe(200);
  });

  it("refuses an address that tries many names (a higher limit than one name's), without saying which names exist", async () => {
    const fromIp = (username: string) =>
      app.request(
        "/api/auth/login",
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username, password: "wrong pass" }),
        },
        { incoming: { socket: { remoteAddress: "203.0.113.7", remotePort: 5000, remoteFamily: "IPv4" } } },
      );
    for (let i = 0; i < ADDRESS_LIMIT.max; i++) expect((await fromIp(`name${i}`)).status).toBe(401);
    const known = await fromIp("admin");
    const unknown = await fromIp("nobody");
    expect(known.status).toBe(429);
    expect(await json(known)).toEqual(await json(unknown));
    // Another address is not affected.
    expect(
      (await postJson(app, "/api/auth/login", { username: "admin", password: TEST_PASSWORD })).status,
    ).toBe(200);
  });
});

describe("the sign-in throttle under attack", () => {
  const from = (address: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(
      "/api/auth/login",
      {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      },
      { incoming: { socket: { remoteAddress: address, remotePort: 5000, remoteFamily: "IPv4" } } },
    );

  it("checks at most the limit of 40 guesses sent at once, the right one included", async () => {
    const guesses = Array.from({ length: 40 }, (_, i) =>
      from("203.0.113.9", { username: "admin", password: i === 39 ? TEST_PASSWORD : `guess ${i}` }),
    );
    const statuses = (await Promise.all(guesses)).map((r) => r.status);
    expect(statuses.filter((s) => s !== 429)).toHaveLength(PAIR_LIMIT.max);
    expect(statuses.filter((s) => s === 200)).toHaveLength(0); // the right password came after the limit
    // One audit entry for the throttling, however many were refused.
    expect(await store.auditLog({ action: "login_throttled", limit: 100 })).toHaveLength(1);
  });

  it("does not let a stranger elsewhere lock a user out", async () => {
    for (let i = 0; i < PAIR_LIMIT.max; i++) {
      expect((await from("198.51.100.1", { username: "admin", password: `wrong ${i}` })).status).toBe(401);
    }
    expect((await from("198.51.100.1", { username: "admin", password: TEST_PASSWORD })).status).toBe(429);
    expect((await from("192.0.2.20", { username: "admin", password: TEST_PASSWORD })).status).toBe(200);
  });

  it("throttles the password change like a sign-in", async () => {
    const cookie = await signIn(app, "lan");
    const change = (currentPassword: string) =>
      postJson(app, "/api/auth/password", { currentPassword, newPassword: "một mật khẩu mới dài" }, cookie);
    for (let i = 0; i < PAIR_LIMIT.max; i++) expect((await change(`wrong ${i}`)).status).toBe(422);
    expect((await change(TEST_PASSWORD)).status).toBe(429);
  });

  it("takes the client address N hops from the right behind N proxies, never the leftmost", async () => {
    ({ app, store } = await createDemoApp({ now: clock.now, config: { ...TEST_CONFIG, trustProxy: 1 } }));
    await createUser(store, { username: "admin", role: "admin" });
    // The client writes its own X-Forwarded-For; the proxy appends the address it saw (203.0.113.50).
    for (let i = 0; i < PAIR_LIMIT.max; i++) {
      const spoofed = { "x-forwarded-for": `10.0.0.${i}, 203.0.113.50` };
      expect((await from("127.0.0.1", { username: "admin", password: `w${i}` }, spoofed)).status).toBe(401);
    }
    const again = { "x-forwarded-for": "10.9.9.9, 203.0.113.50" };
    expect((await from("127.0.0.1", { username: "admin", password: TEST_PASSWORD }, again)).status).toBe(429);
    const entries = await store.auditLog({ action: "login_failed", limit: 10 });
    expect(new Set(entries.map((e) => e.ip))).toEqual(new Set(["203.0.113.50"]));
    // Another client behind the same proxy is its own pair.
    const other = { "x-forwarded-for": "203.0.113.51" };
    expect((await from("127.0.0.1", { username: "admin", password: TEST_PASSWORD }, other)).status).toBe(200);
  });

  it("runs a few password checks at once and answers 429 beyond a short queue", async () => {
    const gate = signInGate(store, clock.now);
    const actor = { userId: null, username: null, ip: null, at: "" };
    let release = () => {};
    const held = new Promise<boolean>((resolve) => {
      release = () => resolve(false);
    });
    let running = 0;
    let most = 0;
    const slow = async () => {
      running++;
      most = Math.max(most, running);
      await held;
      running--;
      return false;
    };
    const claims = vi.spyOn(store, "claimAttempt");
    const admitted = Array.from({ length: HASHES_AT_ONCE + HASHES_WAITING }, (_, i) =>
      gate.attempt(`user${i}`, actor, slow),
    );
    // Every admitted attempt counted in the database (a round trip each on PostgreSQL), then in line.
    await Promise.all(claims.mock.results.map((result) => result.value));
    claims.mockRestore();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const late = vi.spyOn(store, "claimAttempt");
    await expect(gate.attempt("one-too-many", actor, slow)).rejects.toMatchObject({
      status: 429,
      code: "SIGN_IN_BUSY",
    });
    // Refused before anything was written: a flood of sign-ins costs the disk nothing.
    expect(late).not.toHaveBeenCalled();
    late.mockRestore();
    release();
    await Promise.all(admitted);
    expect(most).toBe(HASHES_AT_ONCE);
  });
});

describe("hardening", () => {
  const securityHeaders = (response: Response) => ({
    csp: response.headers.get("content-security-policy"),
    nosniff: response.headers.get("x-content-type-options"),
    frame: response.headers.get("x-frame-options"),
  });

  it("sends the security headers on every response, errors included", async () => {
    for (const path of ["/api/health", "/api/overview", "/api/overview?date=bad", "/api/nothing", "/"]) {
      const headers = securityHeaders(await app.request(path));
      expect(headers.csp, path).toContain("script-src 'self'");
      expect(headers.csp, path).toContain("frame-ancestors 'none'");
      expect(headers.csp, path).not.toContain("unsafe-inline");
      expect(headers.nosniff, path).toBe("nosniff");
      expect(headers.frame, path).toBe("DENY");
    }
    expect((await app.request("/api/health")).headers.get("strict-transport-security")).toBeNull();
  });

  it("uses a Secure __Host- cookie and HSTS for a year when served over HTTPS", async () => {
    const secure = await createDemoApp({ config: { ...TEST_CONFIG, cookieSecure: true } });
    await createUser(secure.store, { username: "lan", role: "commune" });
    const response = await postJson(secure.app, "/api/auth/login", {
      username: "lan",
      password: TEST_PASSWORD,
    });
    expect(response.headers.get("set-cookie")).toMatch(/^__Host-vneid_session=.*; Secure/);
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("refuses a cross-origin form POST", async () => {
    const response = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: `username=lan&password=${encodeURIComponent(TEST_PASSWORD)}`,
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a text/plain POST, even from the same origin", async () => {
    const response = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "http://localhost" },
      body: JSON.stringify({ username: "lan", password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(415);
    expect((await json(response)).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses a body over 1 MB and malformed JSON without a 500", async () => {
    const big = await postJson(app, "/api/auth/login", { username: "lan", password: "x".repeat(1_100_000) });
    expect(big.status).toBe(413);
    const broken = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(broken.status).toBe(400);
    expect((await json(broken)).error.code).toMatch(/^[A-Z_]+$/);
  });

  it("keeps the figures behind a login when the dashboard is not public", async () => {
    const closed = await createDemoApp({ config: { ...TEST_CONFIG, publicDashboard: false } });
    await createUser(closed.store, { username: "viewer", role: "viewer" });
    for (const path of ["/api/overview", "/api/units", "/api/units/547/series", "/api/campaign"]) {
      const response = await closed.app.request(path);
      expect(response.status, path).toBe(401);
      expect((await json(response)).error.code).toBe("UNAUTHENTICATED");
    }
    expect((await closed.app.request("/api/health")).status).toBe(200);
    const cookie = await signIn(closed.app, "viewer");
    expect((await closed.app.request("/api/overview", { headers: { cookie } })).status).toBe(200);
  });
});
