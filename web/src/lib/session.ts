import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { successorCodes } from "@vneid-tracker/server/domain/roles.ts";
import { ApiRequestError, fetchJson, sendJson, type User } from "./api.ts";
import { forgetKeptPaint } from "./kept-paint.ts";

/** The signed-in user, or null; shared by the header, the guarded pages and the features. */
export const sessionQuery = () =>
  queryOptions({
    queryKey: ["session"],
    queryFn: async () => (await fetchJson<{ user: User | null }>("/api/auth/me")).user,
    staleTime: 60_000,
  });

export const useSession = () => useQuery(sessionQuery());

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string; totp?: string; recoveryCode?: string }) =>
      sendJson<{ user: User }>("POST", "/api/auth/login", credentials),
    onSuccess: ({ user }) => {
      client.setQueryData(sessionQuery().queryKey, user);
      client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "session" });
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<void>("POST", "/api/auth/logout"),
    onSuccess: () => {
      client.setQueryData(sessionQuery().queryKey, null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" });
      forgetKeptPaint();
    },
  });
}

/** Whether the API refused because the account signs in with a second factor and none was sent. */
export const needsSecondFactor = (error: unknown) =>
  error instanceof ApiRequestError && error.code === "SECOND_FACTOR_REQUIRED";

/** Where a person's work is: a commune account's own commune (or, once it ended, the one covering it), a youth team's drives, else the overview. */
export function homeOf(user: User | null): string {
  if (user?.role === "commune" && user.unitId) return `/units/${successorCodes(user)[0] ?? user.unitId}`;
  if (user?.role === "youth") return "/drives";
  return "/";
}
