import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DriveInput } from "@vneid-tracker/server/domain/drives.ts";
import { sendJson } from "../../lib/api.ts";
import type { Drive } from "../../lib/queries.ts";

function useInvalidateDrives() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({ predicate: (q) => ["drives", "audit"].includes(String(q.queryKey[0])) });
}

/** Creates a drive, or changes one (`id` given): its plan, its status, its results. */
export function useSaveDrive() {
  const invalidate = useInvalidateDrives();
  return useMutation({
    mutationFn: ({ id, drive }: { id?: number; drive: Partial<DriveInput> }) =>
      id === undefined
        ? sendJson<{ drive: Drive }>("POST", "/api/drives", drive)
        : sendJson<{ drive: Drive }>("PATCH", `/api/drives/${id}`, drive),
    onSuccess: invalidate,
  });
}

export function useDeleteDrive() {
  const invalidate = useInvalidateDrives();
  return useMutation({
    mutationFn: (id: number) => sendJson<void>("DELETE", `/api/drives/${id}`),
    onSuccess: invalidate,
  });
}
