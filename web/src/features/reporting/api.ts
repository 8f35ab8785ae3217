import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sendJson } from "../../lib/api.ts";
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
