import { QueryClient, queryOptions } from "@tanstack/react-query";
import { type Campaign, fetchJson, type SeriesPoint, type Unit, type UnitOverview } from "./api.ts";

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
