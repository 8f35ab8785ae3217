import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { Busboy } from "@fastify/busboy";
import type { Context } from "hono";
import { ApiError } from "../errors.ts";

/** A file of a multipart upload written to a temporary folder; `remove()` deletes it. */
export interface UploadOnDisk {
  path: string;
  name: string;
  bytes: number;
  remove: () => Promise<void>;
}

/**
 * Streams the multipart field `file` of the request to a temporary file, never holding the file in
 * memory (busboy, the parser Node's HTTP frameworks use), and refuses a file over `maxBytes` with
 * 413 `PAYLOAD_TOO_LARGE` naming the limit in MB. Nothing is left on disk when the upload fails.
 */
export async function uploadToDisk(c: Context, maxBytes: number): Promise<UploadOnDisk> {
  const type = c.req.header("content-type") ?? "";
  const body = c.req.raw.body;
  if (!type.toLowerCase().startsWith("multipart/form-data") || !body) throw fileMissing();
  const folder = await mkdtemp(join(tmpdir(), "vneid-upload-"));
  const remove = () => rm(folder, { recursive: true, force: true });
  try {
    const saved = await new Promise<{ name: string; bytes: number } | null>((resolve, reject) => {
      let writing: Promise<{ name: string; bytes: number }> | null = null;
      const parser = Busboy({ headers: { "content-type": type }, limits: { files: 1, fileSize: maxBytes } });
      parser.on("file", (field, stream, filename) => {
        if (field !== "file" || writing) {
          stream.resume();
          return;
        }
        let bytes = 0;
        stream.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
        });
        writing = pipeline(stream, createWriteStream(join(folder, "upload"))).then(() => {
          if (stream.truncated) throw tooLarge(maxBytes);
          return { name: filename || "upload", bytes };
        });
        writing.catch(() => {});
      });
      parser.on("error", (error) => reject(unreadableUpload(error)));
      parser.on("finish", () => (writing ? writing.then(resolve, reject) : resolve(null)));
      Readable.fromWeb(body as WebReadableStream<Uint8Array>)
        .on("error", reject)
        .pipe(parser);
    });
    if (!saved) throw fileMissing();
    return { path: join(folder, "upload"), ...saved, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

export function tooLarge(maxBytes: number): ApiError {
  const megabytes = Math.round(maxBytes / 1024 / 1024);
  return new ApiError(413, "PAYLOAD_TOO_LARGE", `The request body is over ${megabytes} MB.`, { megabytes });
}

const fileMissing = () =>
  new ApiError(422, "FILE_MISSING", "Send the file in the multipart field `file`.", [
    { field: "file", value: null, message: "is missing" },
  ]);

const unreadableUpload = (error: unknown) =>
  error instanceof ApiError
    ? error
    : new ApiError(422, "FILE_MISSING", `The multipart body could not be read: ${(error as Error).message}`, [
        { field: "file", value: null, message: "is not a readable multipart upload" },
      ]);
