// The entry of the worker thread that reads uploaded files, one at a time (see read-upload.ts):
// parsing a hostile file costs this thread's memory and time, never the server's.
import { parentPort } from "node:worker_threads";
import { BadBoundaries, type BoundaryFeature, readBoundaryFiles } from "./boundaries.ts";
import { ImportTooLarge, UnreadableFile } from "./caps.ts";
import { decodeCsv, readCsv, readXlsx, type Table } from "./read-table.ts";
import { shapesForDisplay } from "./simplify-shapes.ts";

/** A table of figures (CSV, XLSX) or boundaries (GeoJSON, or a zip of GeoJSON files): simplified for display. */
export type ReadRequest = { kind: "csv" | "xlsx" | "geojson"; bytes: Uint8Array };
export type Read = { table: Table } | { features: BoundaryFeature[] };
export type ReadResult =
  | ({ ok: true } & Read)
  | { ok: false; error: "too_large"; cap: string; message: string }
  | { ok: false; error: "unreadable"; message: string };

async function read({ kind, bytes }: ReadRequest): Promise<ReadResult> {
  try {
    if (kind === "geojson") return { ok: true, features: shapesForDisplay(readBoundaryFiles(bytes)) };
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

parentPort?.on("message", async (request: ReadRequest) => parentPort?.postMessage(await read(request)));
