import { type MessageFormatElement, TYPE } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { en } from "./en.ts";
import { type Messages, vi } from "./vi.ts";

export type Language = "vi" | "en";
export type { Messages };

/** The catalogue of each language. */
export const MESSAGES: Record<Language, Messages> = { vi, en };

/** Each message compiled once, with the names of its placeholders (a country's overview makes tens of thousands of sentences). */
const compiled = new Map<string, Compiled>();

/**
 * A compiled message: a message of text and plain placeholders only (most of them) is filled by
 * joining its parts, which is several times faster than the general formatter a country's
 * thousands of sentences would otherwise wait on; plurals and selects go through intl-messageformat.
 */
type Compiled =
  | { parts: (string | { name: string })[]; numbers: Intl.NumberFormat }
  | { format: IntlMessageFormat; names: string[] };

/**
 * An ICU message filled with its values in the language's rules (plurals, selects). A placeholder
 * without a value stays visible as `{name}` rather than failing the page.
 */
export function formatMessage(
  language: Language,
  message: string,
  values: Record<string, string | number> = {},
): string {
  const key = `${language}\u0000${message}`;
  let entry = compiled.get(key);
  if (!entry) {
    const format = new IntlMessageFormat(message, language);
    const ast = format.getAst();
    entry = ast.every((e) => e.type === TYPE.literal || e.type === TYPE.argument)
      ? {
          parts: ast.map((e) => (e.type === TYPE.literal ? e.value : { name: e.value })),
          numbers: new Intl.NumberFormat(language),
        }
      : { format, names: [...new Set(argumentsOf(ast))] };
    compiled.set(key, entry);
  }
  if ("parts" in entry) {
    const { numbers } = entry;
    let text = "";
    for (const part of entry.parts) {
      if (typeof part === "string") text += part;
      else {
        const value = values[part.name];
        text +=
          value === undefined ? `{${part.name}}` : typeof value === "number" ? numbers.format(value) : value;
      }
    }
    return text;
  }
  let all = values;
  for (const name of entry.names) {
    if (name in all) continue;
    all = { ...all, [name]: `{${name}}` };
  }
  return String(entry.format.format(all));
}

/** The names of a message's placeholders, however deep in plurals and selects. */
export function messageArguments(message: string): string[] {
  return [...new Set(argumentsOf(new IntlMessageFormat(message, "en").getAst()))].sort();
}

function argumentsOf(elements: readonly MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal || element.type === TYPE.pound) return [];
    if (element.type === TYPE.tag) return argumentsOf(element.children);
    const own = [element.value];
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      return [...own, ...Object.values(element.options).flatMap((option) => argumentsOf(option.value))];
    }
    return own;
  });
}
