import type { AuditRecord } from "@vneid-tracker/server/domain/audit.ts";
import type { CampaignRecord, CampaignView } from "@vneid-tracker/server/domain/campaign.ts";
import type { UnitOverview } from "@vneid-tracker/server/domain/overview.ts";
import type { SeriesPoint } from "@vneid-tracker/server/domain/series.ts";
import type { Unit } from "@vneid-tracker/server/domain/types.ts";
import type { User } from "@vneid-tracker/server/roles.ts";

export type { AuditRecord, SeriesPoint, Unit, UnitOverview, User };
/** A campaign as the API answers it: with its id and its targets as percents. */
export type Campaign = CampaignView<CampaignRecord>;
export type Role = User["role"];
export type ChildOverview = UnitOverview["children"][number];
export type MetricStatus = UnitOverview["coverage"];
export type Flag = UnitOverview["flags"][number];
export type Figures = UnitOverview["figures"];

export interface ErrorDetail {
  field: string;
  value: unknown;
  message: string;
}

/** An error answer of the API: the web translates `code`, the server's `message` is English. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly retryAfter: number | null = null,
    /** Details the API sends as one object (a refusal's cap, a locked week's approval), else null. */
    readonly info: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: "application/json", ...init.headers } });
  } catch {
    throw new ApiRequestError(0, "NETWORK", "The server could not be reached.");
  }
  if (response.status === 204) return undefined as T;
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: unknown };
  } | null;
  const retryAfter = response.headers.get("retry-after");
  throw new ApiRequestError(
    response.status,
    body?.error?.code ?? "HTTP_ERROR",
    body?.error?.message ?? response.statusText,
    Array.isArray(body?.error?.details) ? (body.error.details as ErrorDetail[]) : [],
    retryAfter === null ? null : Number(retryAfter),
    body?.error?.details && typeof body.error.details === "object" && !Array.isArray(body.error.details)
      ? (body.error.details as Record<string, unknown>)
      : null,
  );
}

export const fetchJson = <T>(path: string): Promise<T> => request<T>(path, { method: "GET" });

/** A mutation with a JSON body (the only kind, with multipart uploads, that the API accepts). */
export const sendJson = <T>(
  method: "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  body: unknown = {},
): Promise<T> =>
  request<T>(path, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

/** A file sent as the multipart field `file`. */
export const sendFile = <T>(path: string, file: File): Promise<T> => {
  const form = new FormData();
  form.set("file", file);
  return request<T>(path, { method: "POST", body: form });
};
