import { statement } from "../sql/sql.ts";
import type { StoreContext } from "./context.ts";

/** What a key holds when a request claims it. */
export type IdempotencyClaim =
  | { state: "claimed" }
  | { state: "answered"; fingerprint: string; status: number; body: string }
  | { state: "busy"; fingerprint: string };

/**
 * Keys of requests sent more than once (a phone's queue sends again when it cannot know whether the
 * first one arrived): claimed in the database before the write, so two processes never both write
 * for one key, and holding the answer once made.
 */
export interface IdempotencyArea {
  /**
   * Claims `key` for a request whose method, path, account and body hash to `fingerprint`: claimed
   * (go on and answer), the answer kept for it, or busy (a request with it is still running). A claim
   * older than `staleBefore` without an answer (its process died) is claimed again.
   */
  claimIdempotencyKey(
    key: string,
    fingerprint: string,
    at: string,
    staleBefore: string,
  ): Promise<IdempotencyClaim>;
  answerIdempotencyKey(key: string, status: number, body: string): Promise<void>;
  /** Lets the key go: the request failed, and may be sent again (corrected) with it. */
  releaseIdempotencyKey(key: string): Promise<void>;
  /** Forgets keys claimed before `before`. */
  forgetIdempotencyKeys(before: string): Promise<void>;
}

interface KeyRow {
  fingerprint: string;
  status: number | null;
  body: string | null;
  claimed_at: string;
}

const CLAIM = statement(
  `INSERT INTO idempotency_keys (idempotency_key, fingerprint, claimed_at) VALUES (@key, @fingerprint, @at)
   ON CONFLICT (idempotency_key) DO NOTHING`,
);
const TAKE_STALE = statement(
  `UPDATE idempotency_keys SET claimed_at = @at
   WHERE idempotency_key = @key AND fingerprint = @fingerprint AND status IS NULL AND claimed_at < @staleBefore`,
);
const READ = statement(
  "SELECT fingerprint, status, body, claimed_at FROM idempotency_keys WHERE idempotency_key = @key",
);
const ANSWER = statement(
  "UPDATE idempotency_keys SET status = @status, body = @body WHERE idempotency_key = @key",
);
const RELEASE = statement("DELETE FROM idempotency_keys WHERE idempotency_key = @key AND status IS NULL");
const FORGET = statement("DELETE FROM idempotency_keys WHERE claimed_at < @before");

export function idempotencyArea(ctx: StoreContext): IdempotencyArea {
  return {
    claimIdempotencyKey: (key, fingerprint, at, staleBefore) =>
      ctx.write(null, async (tx) => {
        if ((await tx.run(CLAIM, { key, fingerprint, at })).changes > 0) return { state: "claimed" };
        if ((await tx.run(TAKE_STALE, { key, fingerprint, at, staleBefore })).changes > 0)
          return { state: "claimed" };
        const row = (await tx.get<KeyRow>(READ, { key })) as KeyRow;
        return row.status === null || row.body === null
          ? { state: "busy", fingerprint: row.fingerprint }
          : { state: "answered", fingerprint: row.fingerprint, status: Number(row.status), body: row.body };
      }),
    answerIdempotencyKey: async (key, status, body) => {
      await ctx.sql.run(ANSWER, { key, status, body });
    },
    releaseIdempotencyKey: async (key) => {
      await ctx.sql.run(RELEASE, { key });
    },
    forgetIdempotencyKeys: async (before) => {
      await ctx.sql.run(FORGET, { before });
    },
  };
}
