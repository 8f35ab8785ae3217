import { vietnamTime } from "@vneid-tracker/server/domain/reporting-weeks.ts";
import { ApiRequestError } from "./api.ts";
import { type Dictionary, fillIn } from "./i18n.tsx";

/** An API error in the reader's language, from its stable code. */
export function errorText(error: unknown, t: Dictionary): string {
  const fill = fillIn(t);
  if (!(error instanceof ApiRequestError)) return t.errors.other;
  const byCode = { ...t.errors, ...t.fieldErrors } as Record<string, string>;
  // A refusal the web has no words for still says it was refused, never that the server did not answer.
  const fallback = error.status >= 400 && error.status < 500 ? t.errors.refused : t.errors.other;
  const text = byCode[error.code] ?? fallback;
  const details = (error.info ?? error.details) as unknown as
    | {
        cap?: string;
        limit?: number;
        weekStart?: string;
        weekEnd?: string;
        approvedBy?: string;
        approvedAt?: string;
        megabytes?: number;
      }
    | undefined;
  const date = (iso: string | undefined) =>
    iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : "";
  const cap = details?.cap ? ((t.importCaps as Record<string, string>)[details.cap] ?? details.cap) : "";
  return fill(text, {
    minutes: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)),
    code: error.code,
    cap: typeof details?.limit === "number" ? fill(cap, { limit: details.limit }) : cap,
    weekStart: date(details?.weekStart),
    weekEnd: date(details?.weekEnd),
    approvedBy: details?.approvedBy ?? "",
    approvedAt: details?.approvedAt ? vietnamTime(details.approvedAt) : "",
    megabytes: details?.megabytes ?? "",
  });
}

/** The error's message for one form field, when the API named that field. */
export function fieldError(error: unknown, field: string, t: Dictionary): string | null {
  if (!(error instanceof ApiRequestError) || !error.details.some((d) => d.field === field)) return null;
  return errorText(error, t);
}
