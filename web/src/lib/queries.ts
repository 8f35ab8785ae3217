import { QueryClient, queryOptions } from "@tanstack/react-query";
import type { Drive, DriveEffect, Suggestion } from "@vneid-tracker/server/domain/drives.ts";
import { type Campaign, fetchJson, type SeriesPoint, type Unit, type UnitOverview } from "./api.ts";

export type DriveWithEffect = Drive & { effect: DriveEffect | null };
export type { Drive, Suggestion };

// The read queries several features share; a feature's own queries live in its api.ts.

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false } },
});

export const overviewQuery = (unitId: string | null, date: string | null) => {
  const params = new URLSearchParams();
  if (unitId) params.set("unit", unitId);
  if (date) params.set("date", date);
  return queryOptions({
    queryKey: ["overview", unitId, date],
    queryFn: () => fetchJson<UnitOverview>(`/api/overview?${params}`),
  });
};

export const seriesQuery = (unitId: string) =>
  queryOptions({
    queryKey: ["series", unitId],
    queryFn: () => fetchJson<{ points: SeriesPoint[] }>(`/api/units/${encodeURIComponent(unitId)}/series`),
  });

export const campaignQuery = () =>
  queryOptions({
    queryKey: ["campaign"],
    queryFn: () => fetchJson<Campaign>("/api/campaign"),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const unitsQuery = () =>
  queryOptions({
    queryKey: ["units"],
    queryFn: () => fetchJson<{ units: Unit[] }>("/api/units"),
    staleTime: Number.POSITIVE_INFINITY,
  });

export interface DriveFilters {
  unit?: string;
  status?: Drive["status"];
  from?: string;
  to?: string;
}

/** Drives: the overview, the commune page and the drives feature all show them. */
export const drivesQuery = (filters: DriveFilters = {}) => {
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  return queryOptions({
    queryKey: ["drives", filters],
    queryFn: () => fetchJson<{ drives: DriveWithEffect[] }>(`/api/drives?${params}`),
  });
};

/** Where the next drives matter most, on `date` (default: the latest report). */
export const suggestionsQuery = (date: string | null, metric: "coverage" | "linking" = "coverage") =>
  queryOptions({
    queryKey: ["drives", "suggestions", date, metric],
    queryFn: () => {
      const query = new URLSearchParams();
      if (date) query.set("date", date);
      if (metric !== "coverage") query.set("metric", metric);
      const search = query.toString();
      return fetchJson<{ date: string; suggestions: Suggestion[] }>(
        `/api/drives/suggestions${search ? `?${search}` : ""}`,
      );
    },
  });
