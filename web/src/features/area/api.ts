import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { type Campaign, fetchJson, sendFile, sendJson } from "../../lib/api.ts";
import type { Answer, Body } from "../../lib/contract.ts";
import type { ReportingSettings } from "../../lib/queries.ts";

export type CatalogueUnit = Answer<"/api/catalogue">["units"][number];
/** The national catalogue: a search by name or code, else the units under `parent` (the provinces without one). */
export const catalogueQuery = (tree: "2024" | "2025", q: string, parent: string | null) => {
  const params = new URLSearchParams({ tree });
  if (q.trim()) params.set("q", q.trim());
  else if (parent) params.set("parent", parent);
  return queryOptions({
    queryKey: ["catalogue", tree, q.trim(), parent],
    queryFn: () => fetchJson<Answer<"/api/catalogue">>(`/api/catalogue?${params}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
};

export interface CampaignInput {
  name: string;
  start: string;
  deadline: string;
  targets: { coverage: number; linking: number };
}

export type ReorganisationPreview = Answer<"/api/area/reorganisation", "post">;
/** What to do with reports an ending commune sent on or after the change. */
export type LateResolution = NonNullable<Body<"/api/area/reorganisation", "post">["lateReports"]>;

/** After a change of the area, its units or its campaigns, every figure is asked again. */
function useRefreshAll() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (q) => q.queryKey[0] !== "session" && q.queryKey[0] !== "catalogue",
    });
}

export function useChooseArea() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (area: { tree: "2024" | "2025"; code: string }) =>
      sendJson<Answer<"/api/area", "post", 201>>("POST", "/api/area", area),
    onSuccess: refresh,
  });
}

export function useCreateCampaign() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (campaign: CampaignInput) =>
      sendJson<Campaign>("POST", "/api/campaigns", { ...campaign, current: true }),
    onSuccess: refresh,
  });
}

export function useUpdateCampaign() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ id, ...campaign }: CampaignInput & { id: number }) =>
      sendJson<Campaign>("PATCH", `/api/campaigns/${id}`, campaign),
    onSuccess: refresh,
  });
}

export function useChooseCampaign() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (id: number) => sendJson<Campaign>("POST", `/api/campaigns/${id}/current`),
    onSuccess: refresh,
  });
}

export function useReorganise() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({
      date,
      dryRun,
      lateReports,
    }: {
      date: string;
      dryRun: boolean;
      lateReports?: LateResolution;
    }) =>
      sendJson<ReorganisationPreview>("POST", `/api/area/reorganisation${dryRun ? "?dryRun=true" : ""}`, {
        date,
        lateReports,
      }),
    onSuccess: (plan) => {
      if (!plan.dryRun) refresh();
    },
  });
}

/** When reports are due and the weekly document's heading (Settings). */
export function useUpdateReportingSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: ReportingSettings) =>
      sendJson<ReportingSettings>("PUT", "/api/settings/reporting", settings),
    onSuccess: () => client.invalidateQueries({ predicate: (q) => q.queryKey[0] === "reporting" }),
  });
}

export type BoundariesRead = Answer<"/api/area/boundaries", "post", 201>;

/**
 * Boundaries (GeoJSON, or a zip of GeoJSON files) for the units valid on `date`: checked first
 * (`dryRun`: the matches, those by name to confirm), then saved; the map then fills their shapes.
 */
export function useUploadBoundaries() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, date, dryRun }: { file: File; date: string; dryRun: boolean }) =>
      sendFile<BoundariesRead>(`/api/area/boundaries?date=${date}${dryRun ? "&dryRun=true" : ""}`, file),
    onSuccess: (answer) => {
      if (!answer.dryRun) client.invalidateQueries({ queryKey: ["units", "boundaries"] });
    },
  });
}

/** Removes the boundaries of the units valid on `date`. */
export function useRemoveBoundaries() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (date: string) =>
      sendJson<Answer<"/api/area/boundaries", "delete">>("DELETE", `/api/area/boundaries?date=${date}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ["units", "boundaries"] }),
  });
}
