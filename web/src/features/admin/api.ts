import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { type AuditRecord, fetchJson, type Role, sendJson, type User } from "../../lib/api.ts";

export const usersQuery = () =>
  queryOptions({ queryKey: ["users"], queryFn: () => fetchJson<{ users: User[] }>("/api/users") });

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
    queryFn: () => fetchJson<{ entries: AuditRecord[] }>(`/api/audit?${params}`),
  });
};

export interface NewUser {
  username: string;
  role: Role;
  unitId: string | null;
  password: string;
}

export type UserChanges = Partial<{ role: Role; unitId: string | null; disabled: boolean; password: string }>;

function useInvalidateUsers() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({ predicate: (q) => q.queryKey[0] === "users" || q.queryKey[0] === "audit" });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (user: NewUser) => sendJson<{ user: User }>("POST", "/api/users", user),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: UserChanges }) =>
      sendJson<{ user: User }>("PATCH", `/api/users/${id}`, changes),
    onSuccess: invalidate,
  });
}
