import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ApiRequestError } from "../../lib/api.ts";
import { deviceGet, deviceSet } from "../../lib/device-store.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type ReportBody, sendReport } from "./api.ts";

/**
 * A report saved without a connection (docs/offline.md): kept on the device until the server has
 * it, sent again with the same Idempotency-Key so that it is written once however often it is sent.
 * One the server refused (a locked week, a wrong figure, signed out) keeps its reason, for correction.
 */
export interface QueuedReport {
  key: string;
  body: ReportBody;
  unitName: string;
  savedAt: string;
  refusal: { code: string; text: string } | null;
}

const QUEUE = "report-queue";
export const queueQuery = {
  queryKey: ["device", "report-queue"],
  queryFn: readQueue,
  networkMode: "always",
} as const;

async function readQueue(): Promise<QueuedReport[]> {
  return (await deviceGet<QueuedReport[]>(QUEUE)) ?? [];
}

// One change at a time: two tabs' changes in one tab's order, never a lost update within a tab.
let changing: Promise<unknown> = Promise.resolve();
function changeQueue(change: (queue: QueuedReport[]) => QueuedReport[]): Promise<void> {
  const next = changing.then(async () => deviceSet(QUEUE, change(await readQueue())));
  changing = next.catch(() => {});
  return next;
}

export const queueReport = (report: QueuedReport) =>
  changeQueue((queue) => [...queue.filter((q) => q.key !== report.key), report]);
export const removeQueued = (key: string) => changeQueue((queue) => queue.filter((q) => q.key !== key));

/** No signal, a server busy or down, or the first send still running: tried again later, not refused. */
const isPassing = (error: unknown) =>
  error instanceof ApiRequestError &&
  (error.code === "NETWORK" ||
    error.code === "IDEMPOTENCY_KEY_IN_USE" ||
    error.status === 429 ||
    error.status >= 500);

export function useReportQueue() {
  return useQuery(queueQuery);
}

/**
 * Sends the queued reports (all of them, or those not refused yet): each that arrives leaves the
 * device; one refused keeps its reason; without a connection the rest wait for the next try.
 */
export function useSendQueue() {
  const client = useQueryClient();
  const { t } = useI18n();
  return useMutation({
    networkMode: "always",
    mutationFn: async ({ retryRefused }: { retryRefused: boolean }) => {
      let sent = 0;
      for (const queued of await readQueue()) {
        if (queued.refusal && !retryRefused) continue;
        try {
          await sendReport(queued.body, queued.key);
          await removeQueued(queued.key);
          sent++;
        } catch (error) {
          if (isPassing(error)) break;
          const code = error instanceof ApiRequestError ? error.code : "HTTP_ERROR";
          await changeQueue((queue) =>
            queue.map((q) =>
              q.key === queued.key ? { ...q, refusal: { code, text: errorText(error, t) } } : q,
            ),
          );
        }
      }
      return sent;
    },
    onSettled: (sent) =>
      client.invalidateQueries({
        predicate: (q) =>
          q.queryKey[0] === "device" ||
          (Boolean(sent) && ["overview", "series", "reporting"].includes(String(q.queryKey[0]))),
      }),
  });
}

/** How often reports waiting on the device are tried again: a weak signal fires no "online" event. */
export const RETRY_QUEUE_MS = 15_000;

/**
 * Sends what waits when the app opens, whenever the browser says the connection is back or the page
 * is shown again, and every few seconds while something waits.
 */
export function QueueSender() {
  const send = useSendQueue();
  const queue = useReportQueue();
  const waiting = (queue.data ?? []).some((q) => !q.refusal);
  const { mutate } = send;
  useEffect(() => {
    if (!waiting) return;
    const sendNow = () => mutate({ retryRefused: false });
    const whenShown = () => document.visibilityState === "visible" && sendNow();
    sendNow();
    const timer = setInterval(sendNow, RETRY_QUEUE_MS);
    window.addEventListener("online", sendNow);
    document.addEventListener("visibilitychange", whenShown);
    return () => {
      clearInterval(timer);
      window.removeEventListener("online", sendNow);
      document.removeEventListener("visibilitychange", whenShown);
    };
  }, [waiting, mutate]);
  return null;
}
