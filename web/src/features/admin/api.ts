import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, sendFile, sendJson } from "../../lib/api.ts";
import type { Answer, Body } from "../../lib/contract.ts";

export const usersQuery = () =>
  queryOptions({ queryKey: ["users"], queryFn: () => fetchJson<Answer<"/api/users">>("/api/users") });

export interface AuditFilters {
  user?: string;
  unit?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const auditQuery = (filters: AuditFilters) => {
  const params = new URLSearchParams(
    Object.entries(filters).filter(([, value]) => value) as [string, string][],
  );
  return queryOptions({
    queryKey: ["audit", filters],
    queryFn: () => fetchJson<Answer<"/api/audit">>(`/api/audit?${params}`),
  });
};

export type NewUser = Body<"/api/users", "post">;
export type UserChanges = Body<"/api/users/{id}", "patch">;

function useInvalidateUsers() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({ predicate: (q) => q.queryKey[0] === "users" || q.queryKey[0] === "audit" });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (user: NewUser) => sendJson<Answer<"/api/users", "post", 201>>("POST", "/api/users", user),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: UserChanges }) =>
      sendJson<Answer<"/api/users/{id}", "patch">>("PATCH", `/api/users/${id}`, changes),
    onSuccess: invalidate,
  });
}

export type BulkPreview = Answer<"/api/users/bulk", "post", 200>;
export type BulkCreated = Answer<"/api/users/bulk", "post", 201>;

/** A list of accounts: checked (`dryRun`), then made all at once. */
export function useBulkAccounts() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      sendFile<BulkPreview | BulkCreated>(`/api/users/bulk${dryRun ? "?dryRun=true" : ""}`, file),
    onSuccess: (answer) => {
      if (!answer.dryRun) invalidate();
    },
  });
}

export function useResetSecondFactor() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: number) =>
      sendJson<Answer<"/api/users/{id}/second-factor", "delete">>("DELETE", `/api/users/${id}/second-factor`),
    onSuccess: invalidate,
  });
}
