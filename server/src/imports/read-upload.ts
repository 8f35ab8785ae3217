import { Worker } from "node:worker_threads";
import type { Context } from "hono";
import { ApiError } from "../errors.ts";
import { slots } from "../slots.ts";
import type { BoundaryFeature } from "./boundaries.ts";
import { IMPORT_CAPS } from "./caps.ts";
import type { Table } from "./read-table.ts";
import type { Read, ReaderAnswer, ReadRequest } from "./read-worker.ts";

/** Files read at once, and how long another upload waits for its turn before a 429. */
export const READS_AT_ONCE = 1;
export const READ_WAIT_MS = 10_000;

const WORKER = new URL("./read-worker.ts", import.meta.url).href;
// The worker runs TypeScript like the server: it registers tsx's loader, then loads its entry.
const BOOTSTRAP = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER)}); });`;

const oneAtATime = slots(
  { atOnce: READS_AT_ONCE, waitMs: READ_WAIT_MS },
  () =>
    new ApiError(
      429,
      "IMPORT_BUSY",
      "Another file is being read; send this one again in a few seconds.",
      undefined,
      {
        "Retry-After": "10",
      },
    ),
);

/**
 * Reads an uploaded CSV or XLSX file in a worker thread with its own memory ceiling and a time
 * limit, one file at a time: the event loop keeps answering meanwhile, and a file that would need
 * more memory or time than a real one is refused with `IMPORT_TOO_LARGE`, never a crash.
 */
export async function readUpload(request: ReadRequest & { kind: "csv" | "xlsx" }): Promise<Table> {
  return ((await oneAtATime(() => readInWorker(request))) as { table: Table }).table;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Reads the uploaded file in a worker, within the caps (see imports/caps.ts). */
export async function readTableFile(file: File): Promise<Table> {
  const name = file.name.toLowerCase();
  const kind =
    name.endsWith(".xlsx") || file.type === XLSX_TYPE
      ? "xlsx"
      : name.endsWith(".csv") || name.endsWith(".txt") || file.type.startsWith("text/")
        ? "csv"
        : null;
  if (!kind) {
    throw new ApiError(415, "UNSUPPORTED_FILE_TYPE", `${file.name} is neither a CSV nor an XLSX file.`, [
      { field: "file", value: file.name, message: "must be .csv or .xlsx" },
    ]);
  }
  return readUpload({ kind, bytes: new Uint8Array(await file.arrayBuffer()) });
}

/** The file of a multipart upload's field `file`, or a 422 naming the field. */
export async function uploadedFile(c: Context): Promise<File> {
  const file = (await c.req.parseBody()).file;
  if (!(file instanceof File)) {
    throw new ApiError(422, "FILE_MISSING", "Send the file in the multipart field `file`.", [
      { field: "file", value: null, message: "is missing" },
    ]);
  }
  return file;
}

/** The same for a file of boundaries saved on disk: its features, checked and rebuilt (boundaries.ts). */
export async function readBoundaryUpload(path: string, name: string): Promise<BoundaryFeature[]> {
  try {
    const read = await oneAtATime(() => readInWorker({ kind: "geojson", path }));
    return (read as { features: BoundaryFeature[] }).features;
  } catch (error) {
    if (error instanceof ApiError && error.code === "UNREADABLE_FILE")
      throw new ApiError(422, "BOUNDARIES_INVALID", error.message, { field: "file", value: name });
    throw error;
  }
}

/** The reading thread, started on the first upload and again after it was stopped. */
let worker: Worker | null = null;
/** An idle reader is stopped after this long. */
const IDLE_MS = 3_000;
let idleTimer: NodeJS.Timeout | undefined;
/**
 * A reader whose heap grew past this (a large file) is stopped as soon as it answers, so that the
 * memory reading took goes back before the file's rows are checked and written: kept idle, it was
 * still there during the write of a 100,000-row import, and the process peaked 40–80 MB higher
 * (docs/benchmarks.md). A reader of small files is kept for the next one (starting one takes ~0.3 s).
 */
const GROWN_READER_MB = 48;
/**
 * A large table's preview is followed by its write, the same file sent again: the grown reader is
 * replaced by a fresh one (~30 MB) kept this long, so that the write does not wait for a reader to start.
 */
const AFTER_LARGE_TABLE_MS = 120_000;

/** The running reader's thread id, or null when none runs (tests). */
export const readerThreadId = () => worker?.threadId ?? null;

function readerThread(): Worker {
  if (worker) return worker;
  const started = new Worker(BOOTSTRAP, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: IMPORT_CAPS.workerMemoryMb, maxYoungGenerationSizeMb: 32 },
  });
  started.unref();
  started.once("exit", () => {
    if (worker === started) worker = null;
  });
  // A reader that fails while no file waits for it (one started ahead, for the next file) is
  // forgotten, not left to crash the server: the next file starts another.
  started.on("error", () => {
    if (worker === started) worker = null;
  });
  worker = started;
  return started;
}

function stopReader(thread: Worker) {
  if (worker === thread) worker = null;
  void thread.terminate();
}

function stopWhenIdle(thread: Worker, ms: number) {
  idleTimer = setTimeout(() => stopReader(thread), ms);
  idleTimer.unref();
}

function readInWorker(request: ReadRequest): Promise<Read> {
  clearTimeout(idleTimer);
  const thread = readerThread();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      done("stop");
      reject(tooLarge("workerSeconds", `Reading the file took longer than ${IMPORT_CAPS.workerSeconds} s.`));
    }, IMPORT_CAPS.workerSeconds * 1000);
    const onMessage = (answer: ReaderAnswer) => {
      const grown = answer.heapMb > GROWN_READER_MB;
      done(grown ? (answer.ok && "table" in answer ? "replace" : "stop") : "keep");
      if (answer.ok) resolve(answer);
      else if (answer.error === "too_large") reject(tooLarge(answer.cap, answer.message));
      else reject(new ApiError(422, "UNREADABLE_FILE", answer.message));
    };
    const onError = (error: Error & { code?: string }) => {
      done("stop");
      reject(
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? tooLarge(
              "workerMemoryMb",
              `Reading the file needs more than ${IMPORT_CAPS.workerMemoryMb} MB of memory; a file of figures needs far less.`,
            )
          : error,
      );
    };
    const done = (next: "keep" | "stop" | "replace") => {
      clearTimeout(timer);
      thread.off("message", onMessage);
      thread.off("error", onError);
      if (next === "keep") stopWhenIdle(thread, IDLE_MS);
      else {
        stopReader(thread);
        if (next === "replace") stopWhenIdle(readerThread(), AFTER_LARGE_TABLE_MS);
      }
    };
    thread.on("message", onMessage);
    thread.on("error", onError);
    thread.postMessage(request, "bytes" in request ? [request.bytes.buffer as ArrayBuffer] : []);
  });
}

const tooLarge = (cap: string, message: string) =>
  new ApiError(413, "IMPORT_TOO_LARGE", message, {
    cap,
    limit: IMPORT_CAPS[cap as keyof typeof IMPORT_CAPS],
  });
