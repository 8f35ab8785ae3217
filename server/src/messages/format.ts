import { type MessageFormatElement, TYPE } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { en } from "./en.ts";
import { type Messages, vi } from "./vi.ts";

export type Language = "vi" | "en";
export type { Messages };

/** The catalogue of each language. */
export const MESSAGES: Record<Language, Messages> = { vi, en };

const compiled = new Map<string, IntlMessageFormat>();

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
  let format = compiled.get(key);
  if (!format) {
    format = new IntlMessageFormat(message, language);
    compiled.set(key, format);
  }
  const all: Record<string, string | number> = {};
  for (const name of argumentsOf(format.getAst())) all[name] = `{${name}}`;
  return String(format.format({ ...all, ...values }));
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
