import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sendJson } from "../../lib/api.ts";
import type { Answer, Body } from "../../lib/contract.ts";

export type DriveBody = Body<"/api/drives/{id}", "patch">;

function useInvalidateDrives() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({ predicate: (q) => ["drives", "audit"].includes(String(q.queryKey[0])) });
}

/** Creates a drive, or changes one (`id` given): its plan, its status, its results. */
export function useSaveDrive() {
  const invalidate = useInvalidateDrives();
  return useMutation({
    mutationFn: ({ id, drive }: { id?: number; drive: DriveBody }) =>
      id === undefined
        ? sendJson<Answer<"/api/drives", "post", 201>>("POST", "/api/drives", drive)
        : sendJson<Answer<"/api/drives/{id}", "patch">>("PATCH", `/api/drives/${id}`, drive),
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
