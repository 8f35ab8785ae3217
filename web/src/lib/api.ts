import type { Answer, Schemas } from "./contract.ts";

export type Unit = Schemas["Unit"];
export type User = Schemas["User"];
export type SeriesPoint = Schemas["SeriesPoint"];
export type AuditRecord = Schemas["AuditEntry"];
/** A campaign as the API answers it: with its id and its targets as percents. */
export type Campaign = Schemas["Campaign"];
/** A unit's figures and its children's, without what the overview says about the answer itself. */
export type UnitOverview = Omit<Answer<"/api/overview">, "standing" | "campaignId" | "week" | "approval">;
export type Role = User["role"];
export type ChildOverview = Schemas["ChildOverview"];
export type MetricStatus = Schemas["MetricStatus"];
export type Flag = Schemas["Flag"];
export type Figures = Schemas["Figures"];

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
  headers: Record<string, string> = {},
): Promise<T> =>
  request<T>(path, {
    method,
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

/** A file sent as the multipart field `file`. */
export const sendFile = <T>(path: string, file: File): Promise<T> => {
  const form = new FormData();
  form.set("file", file);
  return request<T>(path, { method: "POST", body: form });
};
