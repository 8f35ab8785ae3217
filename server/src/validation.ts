import { validator } from "hono/validator";
import { z } from "zod";
import { isIsoDate } from "./domain/dates.ts";
import { ApiError } from "./errors.ts";

export const isoDate = z.string().refine(isIsoDate, "must be a calendar date written YYYY-MM-DD");

/** Validates the query string against `schema`; a 400 `INVALID_QUERY` names each bad parameter and its value. */
export function validQuery<T extends z.ZodType>(schema: T) {
  return validator("query", (value): z.infer<T> => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const details = parsed.error.issues.map((issue) => {
      const field = issue.path.map(String).join(".");
      return { field, value: (value as Record<string, unknown>)[field] ?? null, message: issue.message };
    });
    const summary = details.map((d) => `${d.field}=${JSON.stringify(d.value)} ${d.message}`).join("; ");
    throw new ApiError(400, "INVALID_QUERY", `Invalid query parameter: ${summary}`, details);
  });
}
