import { formatMessage, MESSAGES, type Messages } from "../messages/format.ts";
import { isIsoDate } from "./dates.ts";
import { API_FORMAT, type TextFormat } from "./flag-text.ts";

/** One problem with a report, an import row or a drive: the field, a stable code, an English message with the numbers, the values. */
export interface Problem {
  field: string;
  code: string;
  message: string;
  values: Record<string, string | number | null>;
}

/** A problem as the API sends it: with the value that was sent for its field. */
export type ServerProblem = Problem & { value?: unknown };

/**
 * A problem (an error or a warning of a report, an import row or a drive) in the reader's language,
 * from its code and values: the one place its sentence is made. Besides its own values, a message
 * may use {field} (the field's name), {value} (the field's value, formatted) and {quoted} (the value
 * as given, quoted).
 */
export function problemText(problem: Omit<ServerProblem, "message">, t: Messages, f: TextFormat): string {
  const template = (t.problems as Record<string, string>)[problem.code];
  if (!template) return "message" in problem ? String(problem.message) : problem.code;
  const show = (value: unknown): string | number => {
    if (typeof value === "number") return Number.isInteger(value) ? f.integer(value) : f.decimal(value);
    if (typeof value === "string" && isIsoDate(value)) return f.date(value);
    return value === null || value === undefined ? "" : String(value);
  };
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem.values)) values[key] = show(value);
  const own = problem.values[problem.field] ?? problem.value;
  values.value = show(own);
  values.quoted = f.quote(own);
  values.field = (t.fields as Record<string, string>)[problem.field] ?? problem.field;
  return formatMessage(t.locale, template, values);
}

/** A problem with its English message made from the catalogue, as the web makes it in Vietnamese. */
export function makeProblem(field: string, code: string, values: Problem["values"]): Problem {
  return { field, code, values, message: problemText({ field, code, values }, MESSAGES.en, API_FORMAT) };
}
