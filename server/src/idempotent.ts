import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.ts";
import { ApiError } from "./errors.ts";
import type { Store } from "./store/store.ts";

/** A claim without an answer after this long is its process's, dead: the key may be claimed again. */
export const STALE_CLAIM_MS = 60_000;
/** How long a key's answer is kept: longer than any phone stays offline with a queued report. */
export const KEPT_KEYS_MS = 30 * 24 * 3600 * 1000;
/** A UUID, or any key of letters, digits and dashes a program makes (8 to 100 characters). */
const KEY = /^[A-Za-z0-9-]{8,100}$/;

/** What makes two requests the same request: the method, the path, the account and the body. */
export const requestFingerprint = (method: string, path: string, userId: number | null, body: string) =>
  createHash("sha256")
    .update(`${method} ${path}\n${userId ?? "anonymous"}\n${body}`)
    .digest("hex");

/**
 * `Idempotency-Key` (the IETF draft's header): a request sent again with the key it was first sent
 * with gets the first answer, written once; the same key with another request (another body, path
 * or account) is refused with 422 `IDEMPOTENCY_KEY_REUSED`, and while the first is still running
 * with 409 `IDEMPOTENCY_KEY_IN_USE`. Only a success is kept: a refused request (a locked week, a
 * wrong figure) lets its key go, so that the corrected request can be sent with it.
 */
export function idempotent(store: Store, now: () => number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (key === undefined) return next();
    if (!KEY.test(key)) {
      throw new ApiError(422, "IDEMPOTENCY_KEY_INVALID", "Idempotency-Key must be a UUID.", [
        { field: "Idempotency-Key", value: key, message: "must be a UUID" },
      ]);
    }
    const fingerprint = requestFingerprint(
      c.req.method,
      c.req.path,
      c.get("user")?.id ?? null,
      await c.req.text(),
    );
    const at = now();
    await store.forgetIdempotencyKeys(new Date(at - KEPT_KEYS_MS).toISOString());
    const claim = await store.claimIdempotencyKey(
      key,
      fingerprint,
      new Date(at).toISOString(),
      new Date(at - STALE_CLAIM_MS).toISOString(),
    );
    if (claim.state !== "claimed" && claim.fingerprint !== fingerprint) {
      throw new ApiError(
        422,
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was sent with another request: make a new key for a new request.",
        [{ field: "Idempotency-Key", value: key, message: "was used for another request" }],
      );
    }
    if (claim.state === "busy") {
      throw new ApiError(
        409,
        "IDEMPOTENCY_KEY_IN_USE",
        "The first request with this Idempotency-Key is still running: send it again in a moment.",
        { field: "Idempotency-Key", value: key },
        { "Retry-After": "1" },
      );
    }
    if (claim.state === "answered") {
      return c.body(claim.body, claim.status as 200, {
        "Content-Type": "application/json",
        "Idempotent-Replayed": "true",
      });
    }
    try {
      await next();
    } finally {
      if (c.res.status < 300 && !c.error) {
        await store.answerIdempotencyKey(key, c.res.status, await c.res.clone().text());
      } else {
        await store.releaseIdempotencyKey(key);
      }
    }
  };
}
