import { formatMessage, MESSAGES, type Messages } from "@vneid-tracker/server/messages/format.ts";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { type Formatters, formatters, type Language } from "./format.ts";

/** Fills an ICU message from a catalogue in that catalogue's language (for code outside components). */
export const fillIn =
  (t: Dictionary) =>
  (message: string, values: Record<string, string | number> = {}) =>
    formatMessage(t.locale, message, values);

export type Dictionary = Messages;

export const dictionaries: Record<Language, Dictionary> = MESSAGES;
const STORAGE_KEY = "vneid-tracker.language";

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Dictionary;
  f: Formatters;
  /** Fills an ICU message of `t` with its values, in the language's plural rules. */
  fill: (message: string, values?: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage: (next) => {
        setLanguageState(next);
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Private browsing without storage: the choice lasts for this page only.
        }
      },
      t: dictionaries[language],
      f: formatters(language),
      fill: fillIn(dictionaries[language]),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}
