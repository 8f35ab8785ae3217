import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiRequestError, type ErrorDetail, sendJson } from "../../lib/api.ts";
import type { Answer, Body, Schemas } from "../../lib/contract.ts";

export type ReportBody = Body<"/api/reports", "post">;
export type ImportRow = Schemas["ImportRow"];

/** New figures change every view of the dashboard: overview, series and exports. */
function useInvalidateFigures() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (q) => ["overview", "series", "audit"].includes(String(q.queryKey[0])),
    });
}

/** Sends a report with its key; the server answers a key it has seen as it did the first time. */
export const sendReport = (body: ReportBody, key: string) =>
  sendJson<Answer<"/api/reports", "post">>("POST", "/api/reports", body, { "Idempotency-Key": key });

/**
 * Saves a report with the key it was first saved with (report-queue.ts): sent even when the browser
 * says it is offline, so that the failure is known and the report queued on the device.
 */
export function useSaveReport() {
  const invalidate = useInvalidateFigures();
  return useMutation({
    networkMode: "always",
    mutationFn: ({ body, key }: { body: ReportBody; key: string }) => sendReport(body, key),
    onSuccess: invalidate,
  });
}

export type ImportAnswer = Answer<"/api/imports", "post">;
/** dryRun=true: what writing the file would do, row by row. */
export type ImportChecked = Extract<ImportAnswer, { dryRun: true }>;

/** Uploads with XMLHttpRequest, the one browser API that reports upload progress (0–100). */
export function uploadImport(
  file: File,
  query: string,
  onProgress: (percent: number) => void,
): Promise<ImportAnswer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/imports?${query}`);
    request.setRequestHeader("Accept", "application/json");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.floor((100 * event.loaded) / event.total));
    };
    request.onerror = () => reject(new ApiRequestError(0, "NETWORK", "The server could not be reached."));
    request.onload = () => {
      let body: { error?: { code: string; message: string; details?: unknown } } & ImportAnswer;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        reject(new ApiRequestError(request.status, "HTTP_ERROR", request.statusText));
        return;
      }
      if (request.status >= 200 && request.status < 300) resolve(body);
      else {
        const details = Array.isArray(body.error?.details) ? (body.error.details as ErrorDetail[]) : [];
        reject(
          new ApiRequestError(
            request.status,
            body.error?.code ?? "HTTP_ERROR",
            body.error?.message ?? "",
            details,
          ),
        );
      }
    };
    const form = new FormData();
    form.set("file", file);
    request.send(form);
  });
}

export function useImport() {
  const invalidate = useInvalidateFigures();
  return useMutation({
    mutationFn: ({
      file,
      query,
      onProgress,
    }: {
      file: File;
      query: string;
      onProgress: (percent: number) => void;
    }) => uploadImport(file, query, onProgress),
    onSuccess: (answer) => {
      if (!answer.dryRun) invalidate();
    },
  });
}
