import { validator } from "hono/validator";
import { resolver, uniqueSymbol } from "hono-openapi";
import { z } from "zod";
import { parseCount } from "./domain/counts.ts";
import { isIsoDate } from "./domain/dates.ts";
import { weekFromLabel } from "./domain/reporting-weeks.ts";
import { ApiError } from "./errors.ts";

/** Characters no document can hold (XML 1.0 refuses them): controls but tab and line breaks, U+FFFE, U+FFFF. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
export const UNWRITABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

/** Text a person typed that goes into documents: refused, naming the character, when no document could hold it. */
export const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((text, ctx) => {
      const found = new RegExp(UNWRITABLE.source).exec(text);
      if (found) {
        const code = (found[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0");
        ctx.addIssue({
          code: "custom",
          message: `holds the control character U+${code} at position ${found.index + 1}, which a document cannot hold: remove it`,
        });
      }
    });

export const isoDate = z
  .string()
  .refine(isIsoDate, "must be a calendar date written YYYY-MM-DD")
  .meta({ format: "date", description: "A calendar day, YYYY-MM-DD" });

/** An ISO week label, "2024-W14" (one that exists: not "2024-W54"). */
export const isoWeek = z
  .string()
  .refine((w) => weekFromLabel(w) !== undefined, "must be an ISO week such as 2024-W14");

/** A moment of the week after a reporting week: `days` after its Sunday, at `time` in Vietnam. */
export const dueRule = z.object({
  days: z.number().int().min(0, "must be 0 (the Sunday) to 6").max(6, "must be 0 (the Sunday) to 6"),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time written HH:MM"),
});

/** A count in a query string, read by the product's one count parser ("1.000" is a thousand, "1,5" an error). */
export const countParam = z.string().transform((text, ctx) => {
  const count = parseCount(text);
  if (count === null || count < 0) {
    ctx.addIssue({ code: "custom", message: "must be a whole number of 0 or more" });
    return z.NEVER;
  }
  return count;
});

/** Validates the query string against `schema`; a 400 `INVALID_QUERY` names each bad parameter and its value. */
/** The request's part as the OpenAPI document describes it (hono-openapi reads this off the middleware). */
const documentedAs = <M extends object>(middleware: M, target: "query" | "json", schema: z.ZodType) =>
  Object.assign(middleware, { [uniqueSymbol]: { target, ...resolver(schema) } });

export function validQuery<T extends z.ZodType>(schema: T) {
  return documentedAs(
    validator("query", (value): z.infer<T> => {
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      const details = parsed.error.issues.map((issue) => {
        const field = issue.path.map(String).join(".");
        return { field, value: (value as Record<string, unknown>)[field] ?? null, message: issue.message };
      });
      const summary = details.map((d) => `${d.field}=${JSON.stringify(d.value)} ${d.message}`).join("; ");
      throw new ApiError(400, "INVALID_QUERY", `Invalid query parameter: ${summary}`, details);
    }),
    "query",
    schema,
  );
}

/** A field's value as it may be echoed in an error: never a password. */
const shown = (field: string, value: unknown) => (/password/i.test(field) ? "(hidden)" : (value ?? null));

/**
 * Validates a JSON body against `schema`: 400 `INVALID_JSON` when it does not parse, 422
 * `VALIDATION_FAILED` with one entry per problem (field, value, message) when it does not fit.
 */
export function validJson<T extends z.ZodType>(schema: T) {
  return documentedAs(
    validator("json", async (_value, c): Promise<z.infer<T>> => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new ApiError(400, "INVALID_JSON", "The request body is not valid JSON.");
      }
      const parsed = schema.safeParse(body);
      if (parsed.success) return parsed.data;
      const details = parsed.error.issues.map((issue) => {
        const field = issue.path.map(String).join(".");
        const value = issue.path.reduce<unknown>(
          (at, key) =>
            at !== null && typeof at === "object" ? (at as Record<string, unknown>)[String(key)] : undefined,
          body,
        );
        return { field, value: shown(field, value), message: issue.message };
      });
      const summary = details
        .map((d) => `${d.field || "body"}=${JSON.stringify(d.value)} ${d.message}`)
        .join("; ");
      throw new ApiError(422, "VALIDATION_FAILED", `Invalid request: ${summary}`, details);
    }),
    "json",
    schema,
  );
}
