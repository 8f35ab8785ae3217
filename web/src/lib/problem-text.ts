import { isIsoDate } from "@vneid-tracker/server/domain/dates.ts";
import type { Problem } from "@vneid-tracker/server/domain/report-validation.ts";
import type { Formatters } from "./format.ts";
import { type Dictionary, fillIn } from "./i18n.tsx";

/** A report problem (error or warning) in the reader's language, from its code and values. */
export type ServerProblem = Problem & { value?: unknown };

export function problemText(problem: ServerProblem, t: Dictionary, f: Formatters): string {
  const fill = fillIn(t);
  const template = (t.problems as Record<string, string>)[problem.code];
  if (!template) return problem.message;
  const show = (value: unknown): string | number => {
    if (typeof value === "number") return Number.isInteger(value) ? f.integer(value) : f.decimal(value);
    if (typeof value === "string" && isIsoDate(value)) return f.date(value);
    return value === null || value === undefined ? "" : String(value);
  };
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem.values)) values[key] = show(value);
  const own = problem.values[problem.field] ?? problem.value;
  values.value = show(own);
  values.field = (t.fields as Record<string, string>)[problem.field] ?? problem.field;
  return fill(template, values);
}
