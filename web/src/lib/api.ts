import type { UnitOverview } from "../../../server/src/domain/overview.ts";
import type { SeriesPoint } from "../../../server/src/domain/series.ts";
import type { Campaign, Unit } from "../../../server/src/domain/types.ts";

export type { Campaign, SeriesPoint, Unit, UnitOverview };
export type ChildOverview = UnitOverview["children"][number];
export type MetricStatus = UnitOverview["coverage"];
export type Flag = UnitOverview["flags"][number];
export type Figures = UnitOverview["figures"];

/** An error answer of the API: the web translates `code`, the server's `message` is English. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" } });
  } catch {
    throw new ApiRequestError(0, "NETWORK", "The server could not be reached.");
  }
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  throw new ApiRequestError(
    response.status,
    body?.error?.code ?? "HTTP_ERROR",
    body?.error?.message ?? response.statusText,
  );
}
