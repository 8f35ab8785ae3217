import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Context } from "hono";

const gzipped = promisify(gzip);
const brotlied = promisify(brotliCompress);

/**
 * A JSON answer kept as it is sent: its text, the same gzipped and brotli-compressed, and its ETag,
 * each made once; every request for it after that sends stored bytes.
 */
export interface KeptAnswer {
  text: string;
  gzip: Uint8Array<ArrayBuffer>;
  brotli: Uint8Array<ArrayBuffer>;
  etag: string;
}

const own = (bytes: Buffer) =>
  new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);

/** Compresses off the event loop (zlib's thread pool); the ETag is given, or the text's digest. */
export async function keptAnswer(text: string, etag = `"${digest(text)}"`): Promise<KeptAnswer> {
  const [gz, br] = await Promise.all([
    gzipped(text),
    // Quality 5: most of brotli's gain over gzip for JSON, at a small share of quality 11's time.
    brotlied(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  ]);
  return { text, gzip: own(gz), brotli: own(br), etag };
}

const digest = (text: string) => createHash("sha1").update(text).digest("base64url");

let code: string | undefined;
/**
 * The server's code, as a short digest of its sources: an ETag made of the figures' version and the
 * question also names it, so that an answer an older version of the server made is never taken
 * for the new one's. The same in every process running the same code.
 */
function codeVersion(): string {
  if (code === undefined) {
    const hash = createHash("sha1");
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : 1,
      )) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) visit(path);
        else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
          hash.update(readFileSync(path));
      }
    };
    visit(import.meta.dirname);
    code = hash.digest("base64url").slice(0, 10);
  }
  return code;
}

/** The ETag of the answer to `question` while the figures are at `version`: known before the answer is made. */
export const versionTag = (version: number, question: string) =>
  `"${version}-${codeVersion()}-${digest(question).slice(0, 16)}"`;

/** Whether the client already holds the answer tagged `etag` (If-None-Match, weak tags too). */
export function clientHolds(c: Context, etag: string): boolean {
  const held: string[] = c.req.header("If-None-Match")?.match(/"[^"]*"/g) ?? [];
  return held.includes(etag.replace(/^W\//, ""));
}

const HEADERS = { "Content-Type": "application/json; charset=UTF-8", Vary: "Accept-Encoding" };

/** The headers of a kept answer: public figures are revalidated, everything else never stored. */
function keptHeaders(c: Context, etag: string) {
  c.set("kept", true);
  return { ...HEADERS, ETag: etag, "Cache-Control": c.get("publicDashboard") ? "no-cache" : "no-store" };
}

/** 304 Not Modified for a client that holds the answer tagged `etag`. */
export const notModified = (c: Context, etag: string) => c.body(null, 304, keptHeaders(c, etag));

/** Sends a kept answer: 304 when the client holds it, else the stored bytes the client accepts. */
export function sendKept(c: Context, kept: KeptAnswer): Response {
  if (clientHolds(c, kept.etag)) return notModified(c, kept.etag);
  const headers = keptHeaders(c, kept.etag);
  const accepted = c.req.header("Accept-Encoding") ?? "";
  if (/\bbr\b/.test(accepted)) return c.body(kept.brotli, 200, { ...headers, "Content-Encoding": "br" });
  if (/\bgzip\b/.test(accepted)) return c.body(kept.gzip, 200, { ...headers, "Content-Encoding": "gzip" });
  return c.body(kept.text, 200, headers);
}

/**
 * A route's answers kept as sent (at most `size`), under a version and the question (the path and
 * every parameter the answer depends on, defaults resolved): the tag is known before the answer is
 * made, so a reader who holds it is answered 304 by any process without making it, and the requests
 * that arrive while an answer is made wait for it. Only for answers that depend on nothing but the
 * question and what raises that version: the figures' (units, reports, approvals, campaigns,
 * reporting settings) or the units' (their boundaries).
 */
export function keptAnswers(size: number) {
  const cache = new Map<string, Promise<KeptAnswer>>();
  return async (c: Context, version: number, question: string, make: () => Promise<string>) => {
    const etag = versionTag(version, question);
    if (clientHolds(c, etag)) return notModified(c, etag);
    const key = `${version}|${question}`;
    let kept = cache.get(key);
    if (kept === undefined) {
      kept = make().then((body) => keptAnswer(body, etag));
      // A failure (a unit not found) is not kept.
      kept.catch(() => cache.delete(key));
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      cache.set(key, kept);
    }
    return sendKept(c, await kept);
  };
}
