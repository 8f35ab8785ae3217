import { QueryClient, queryOptions } from "@tanstack/react-query";
import type { Metric } from "@vneid-tracker/server/domain/types.ts";
import { type Campaign, fetchJson } from "./api.ts";
import type { Answer, Schemas } from "./contract.ts";
import { KEPT_ON_DEVICE_MS } from "./offline-cache.ts";

export type Drive = Schemas["Drive"];
export type DriveWithEffect = Answer<"/api/drives">["drives"][number];
export type Suggestion = Schemas["Suggestion"];

// The read queries several features share; a feature's own queries live in its api.ts.

export const queryClient = new QueryClient({
  defaultOptions: {
    // Kept as long as the device keeps them (offline-cache.ts): a page opened without signal shows them.
    queries: { staleTime: 60_000, gcTime: KEPT_ON_DEVICE_MS, retry: 1, refetchOnWindowFocus: false },
  },
});

/** A query string of the parameters that are set. */
const query = (params: Record<string, string | number | null | undefined>) => {
  const set = Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== "");
  return set.length === 0 ? "" : `?${new URLSearchParams(set.map(([k, v]) => [k, String(v)]))}`;
};

/** A unit's figures on a date (default: its latest report), for a campaign (default: the current one). */
export const overviewQuery = (unitId: string | null, date: string | null, campaign: string | null = null) =>
  queryOptions({
    queryKey: ["overview", unitId, date, campaign],
    queryFn: () => fetchJson<AreaOverview>(`/api/overview${query({ unit: unitId, date, campaign })}`),
  });

/** The series of the unit version valid on `date` (default: today), across changes of units. */
export const seriesQuery = (unitId: string, date: string | null = null, campaign: string | null = null) =>
  queryOptions({
    queryKey: ["series", unitId, date, campaign],
    queryFn: () =>
      fetchJson<Answer<"/api/units/{id}/series">>(
        `/api/units/${encodeURIComponent(unitId)}/series${query({ date, campaign })}`,
      ),
  });

export const campaignQuery = (campaign: string | null = null) =>
  queryOptions({
    queryKey: ["campaign", campaign],
    queryFn: () => fetchJson<Campaign>(`/api/campaign${query({ campaign })}`),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Every campaign the deployment keeps, and which is current. */
export const campaignsQuery = () =>
  queryOptions({
    queryKey: ["campaign", "all"],
    queryFn: () => fetchJson<Answer<"/api/campaigns">>("/api/campaigns"),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The units valid on `date` (default: today in Vietnam). */
export const unitsQuery = (date: string | null = null) =>
  queryOptions({
    queryKey: ["units", date],
    queryFn: () => fetchJson<Answer<"/api/units">>(`/api/units${query({ date })}`),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The deployment's area; null until an admin chooses it. */
export const areaQuery = () =>
  queryOptions({
    queryKey: ["units", "area"],
    queryFn: () => fetchJson<Area>("/api/area"),
    staleTime: Number.POSITIVE_INFINITY,
  });

export type Area = Answer<"/api/area">;

/** An overview answer: the unit asked for, where it stands on the date, and the campaign it was judged by. */
export type AreaOverview = Answer<"/api/overview">;

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
    queryFn: () => fetchJson<Answer<"/api/drives">>(`/api/drives?${params}`),
  });
};

/** Where the next drives matter most, on `date` (default: the latest report). */
export const suggestionsQuery = (date: string | null, metric: Metric = "coverage") =>
  queryOptions({
    queryKey: ["drives", "suggestions", date, metric],
    queryFn: () => {
      const query = new URLSearchParams();
      if (date) query.set("date", date);
      if (metric !== "coverage") query.set("metric", metric);
      const search = query.toString();
      return fetchJson<Answer<"/api/drives/suggestions">>(
        `/api/drives/suggestions${search ? `?${search}` : ""}`,
      );
    },
  });

export type Reporting = Answer<"/api/reporting">;
export type ReportingWeek = Schemas["ReportingWeek"];

/** Who reported each week from `from` to `to` (default: the eight weeks up to today). */
export const reportingQuery = (params: {
  unit?: string | null;
  from?: string | null;
  to?: string | null;
}) => {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  return queryOptions({
    queryKey: ["reporting", params],
    queryFn: () => fetchJson<Reporting>(`/api/reporting?${query}`),
  });
};

export type ReportingSettings = Schemas["ReportingSettings"];

export const reportingSettingsQuery = () =>
  queryOptions({
    queryKey: ["reporting", "settings"],
    queryFn: () => fetchJson<ReportingSettings>("/api/settings/reporting"),
    staleTime: Number.POSITIVE_INFINITY,
  });

export type BoundaryFeature = Schemas["Boundaries"]["features"][number];

/**
 * The boundaries of a unit's children on a date, uploaded in Settings (none: the map draws dots),
 * kept under the children's unit versions (`children`), not the date: stepping from week to week over
 * the same communes never fetches them again.
 */
export const boundariesQuery = (unitId: string, date: string, children: string) =>
  queryOptions({
    queryKey: ["units", "boundaries", unitId, children],
    queryFn: () =>
      fetchJson<Schemas["Boundaries"]>(
        `/api/area/boundaries?unit=${encodeURIComponent(unitId)}&date=${date}`,
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
