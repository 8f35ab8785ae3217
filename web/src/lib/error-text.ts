import { ApiRequestError } from "./api.ts";
import { type Dictionary, fill } from "./i18n.tsx";

/** An API error in the reader's language, from its stable code. */
export function errorText(error: unknown, t: Dictionary): string {
  if (!(error instanceof ApiRequestError)) return t.errors.other;
  const byCode = { ...t.errors, ...t.fieldErrors } as Record<string, string>;
  const text = byCode[error.code] ?? t.errors.other;
  return fill(text, { minutes: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)) });
}

/** The error's message for one form field, when the API named that field. */
export function fieldError(error: unknown, field: string, t: Dictionary): string | null {
  if (!(error instanceof ApiRequestError) || !error.details.some((d) => d.field === field)) return null;
  return errorText(error, t);
}
