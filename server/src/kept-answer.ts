import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { Context } from "hono";

const gzipped = promisify(gzip);

/** A JSON answer kept as it is sent: its text, the same gzipped, and its ETag, each computed once. */
export interface KeptAnswer {
  text: string;
  gzip: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** Compresses off the event loop (zlib's thread pool). */
export async function keptAnswer(text: string): Promise<KeptAnswer> {
  const etag = `"${createHash("sha1").update(text).digest("base64url")}"`;
  const bytes = await gzipped(text);
  return {
    text,
    gzip: new Uint8Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    ),
    etag,
  };
}

/** Sends a kept answer: 304 when the client holds it, gzipped bytes when it accepts them. */
export function sendKept(c: Context, kept: KeptAnswer): Response {
  const headers: Record<string, string> = {
    "Content-Type": "application/json; charset=UTF-8",
    ETag: kept.etag,
    Vary: "Accept-Encoding",
  };
  if (c.req.header("If-None-Match") === kept.etag) return c.body(null, 304, headers);
  if (/\bgzip\b/.test(c.req.header("Accept-Encoding") ?? ""))
    return c.body(kept.gzip, 200, { ...headers, "Content-Encoding": "gzip" });
  return c.body(kept.text, 200, headers);
}
