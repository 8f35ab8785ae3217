import { ApiError } from "../errors.ts";
import { slots } from "../slots.ts";
import type { Actor } from "../store/audit.ts";
import type { AttemptLimit, Store } from "../store/store.ts";

/** Failures per username from one address: the throttle a real user meets after mistyping. */
export const PAIR_LIMIT = { max: 5, windowMs: 15 * 60_000 };
/** Failures from one address whatever the name: higher, so that people behind one proxy are not locked out together. */
export const ADDRESS_LIMIT = { max: 20, windowMs: 15 * 60_000 };
/**
 * All failures together: a slower ceiling on guessing spread over many names and addresses, high
 * enough that a few hundred strangers' guesses do not lock every real user out.
 */
export const GLOBAL_LIMIT = { max: 1_000, windowMs: 15 * 60_000 };
/** Password checks running at once, and waiting: scrypt takes 128 MB and a libuv thread each. */
export const HASHES_AT_ONCE = 1;
export const HASHES_WAITING = 8;

/**
 * Every password check (sign-in, password change) passes here: the attempt is counted before the
 * hash, by username-and-address pair and globally, so attempts sent at once are counted as they
 * arrive; the hash waits for one of a few slots, and a full queue answers 429 rather than starving
 * the server. A stranger elsewhere cannot lock a user out: the pair includes the address.
 */
export function signInGate(store: Store, now: () => number) {
  const busy = () =>
    new ApiError(429, "SIGN_IN_BUSY", "Too many sign-ins at once; try again in a few seconds.", undefined, {
      "Retry-After": "5",
    });
  const withHashSlot = slots({ atOnce: HASHES_AT_ONCE, waiting: HASHES_WAITING }, busy);

  return {
    /**
     * Runs `check` (true when the password is right) under the throttle and the hash slots. A wrong
     * password leaves the attempt counted; a right one gives it back and clears the pair.
     */
    async attempt(username: string, actor: Actor, check: () => Promise<boolean>): Promise<boolean> {
      const pair = `pair:${actor.ip ?? "-"}|${username.toLowerCase()}`;
      const limits: AttemptLimit[] = [
        { key: pair, ...PAIR_LIMIT },
        { key: `address:${actor.ip ?? "-"}`, ...ADDRESS_LIMIT },
        { key: "global", ...GLOBAL_LIMIT },
      ];
      // A full line is refused before the attempt is written: a flood costs no disk writes.
      if (withHashSlot.full()) throw busy();
      const claim = await store.claimAttempt(limits, now());
      if (!claim.ok) {
        if (claim.firstRefusal) {
          await store.audit(
            {
              action: "login_throttled",
              entity: "user",
              after: { username, limit: claim.key.split(":")[0] },
            },
            actor,
          );
        }
        const retryAfter = Math.max(1, Math.ceil(claim.retryAfterMs / 1000));
        throw new ApiError(
          429,
          "TOO_MANY_ATTEMPTS",
          `Too many failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} minutes.`,
          { retryAfter },
          { "Retry-After": String(retryAfter) },
        );
      }
      const ok = await withHashSlot(check);
      if (ok) await store.releaseAttempt(claim.attempt, pair);
      return ok;
    },
  };
}
