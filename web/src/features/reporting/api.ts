import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, sendJson } from "../../lib/api.ts";
import type { Answer } from "../../lib/contract.ts";

/** Approving or reopening a week changes what every page says beside its figures. */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (q) => ["reporting", "overview", "audit"].includes(String(q.queryKey[0])),
    });
}

export function useApproveWeek() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { unitId: string; week: string }) =>
      sendJson<Answer<"/api/approvals", "post", 201>>("POST", "/api/approvals", body),
    onSuccess: refresh,
  });
}

export function useReopenWeek() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ unitId, week, reason }: { unitId: string; week: string; reason: string }) =>
      sendJson<Answer<"/api/approvals/{unitId}/{week}", "delete">>(
        "DELETE",
        `/api/approvals/${encodeURIComponent(unitId)}/${week}`,
        { reason },
      ),
    onSuccess: refresh,
  });
}

export type Outbox = Answer<"/api/reminders">;
export type ReminderSettings = Answer<"/api/settings/reminders">;

/** The reminders of a week and where their sending stands (asked again while some wait). */
export const outboxQuery = (week: string) =>
  queryOptions({
    queryKey: ["reminders", week],
    queryFn: () => fetchJson<Outbox>(`/api/reminders?week=${week}`),
    refetchInterval: (query) =>
      query.state.data?.messages.some((m) => m.status === "waiting") ? 10_000 : false,
  });

/** Reminds now the communes of a week that have not reported (once per unit, week and round). */
export function useSendReminders() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (week: string) =>
      sendJson<Answer<"/api/reminders", "post", 201>>("POST", "/api/reminders", { week }),
    onSuccess: (_, week) => client.invalidateQueries({ queryKey: ["reminders", week] }),
  });
}

export const reminderSettingsQuery = () =>
  queryOptions({
    queryKey: ["reminders", "settings"],
    queryFn: () => fetchJson<ReminderSettings>("/api/settings/reminders"),
  });

export function useSaveReminderSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: Pick<ReminderSettings, "enabled" | "later">) =>
      sendJson<ReminderSettings>("PUT", "/api/settings/reminders", settings),
    onSuccess: (saved) => client.setQueryData(reminderSettingsQuery().queryKey, saved),
  });
}
