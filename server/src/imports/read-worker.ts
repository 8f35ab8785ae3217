// The entry of the worker thread that reads uploaded files, one at a time (see read-upload.ts):
// parsing a hostile file costs this thread's memory and time, never the server's.
import { getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";
import { BadBoundaries, type BoundaryFeature, readBoundaryFile } from "./boundaries.ts";
import { ImportTooLarge, UnreadableFile } from "./caps.ts";
import { decodeCsv, readCsv, readXlsx, type Table } from "./read-table.ts";
import { shapesForDisplay } from "./simplify-shapes.ts";

/**
 * A table of figures (CSV, XLSX) sent as bytes, or boundaries (GeoJSON, or a zip of GeoJSON files)
 * as the path of the upload on disk: simplified for display.
 */
export type ReadRequest = { kind: "csv" | "xlsx"; bytes: Uint8Array } | { kind: "geojson"; path: string };
export type Read = { table: Table } | { features: BoundaryFeature[] };
export type ReadResult =
  | ({ ok: true } & Read)
  | { ok: false; error: "too_large"; cap: string; message: string }
  | { ok: false; error: "unreadable"; message: string };

async function read(request: ReadRequest): Promise<ReadResult> {
  try {
    if (request.kind === "geojson")
      return { ok: true, features: shapesForDisplay(await readBoundaryFile(request.path)) };
    const { kind, bytes } = request;
    const table = kind === "xlsx" ? await readXlsx(bytes) : readCsv(decodeCsv(bytes));
    return { ok: true, table };
  } catch (error) {
    if (error instanceof ImportTooLarge)
      return { ok: false, error: "too_large", cap: error.cap, message: error.message };
    if (error instanceof UnreadableFile || error instanceof BadBoundaries)
      return { ok: false, error: "unreadable", message: error.message };
    return {
      ok: false,
      error: "unreadable",
      message: `The file could not be read: ${(error as Error).message}`,
    };
  }
}

/** A reader's answer: the read, and how large the reader's heap has grown (read-upload.ts stops a grown reader at once). */
export type ReaderAnswer = ReadResult & { heapMb: number };

parentPort?.on("message", async (request: ReadRequest) => {
  const result = await read(request);
  const answer: ReaderAnswer = { ...result, heapMb: getHeapStatistics().total_heap_size / 2 ** 20 };
  parentPort?.postMessage(answer);
});
