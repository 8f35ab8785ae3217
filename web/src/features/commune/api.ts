import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sendJson } from "../../lib/api.ts";

/** Deletes a report entered in error (admin and police); every figure is recomputed without it. */
export function useDeleteReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, date }: { unitId: string; date: string }) =>
      sendJson<void>("DELETE", `/api/reports/${encodeURIComponent(unitId)}/${date}`),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => ["overview", "series", "audit"].includes(String(q.queryKey[0])),
      }),
  });
}
