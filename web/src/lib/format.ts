import { documentFormat } from "@vneid-tracker/server/domain/flag-text.ts";
import { format, parseISO } from "date-fns";
import { enGB, vi } from "date-fns/locale";

export type Language = "vi" | "en";

const numberLocale: Record<Language, string> = { vi: "vi-VN", en: "en-GB" };

/**
 * Number and date formats for one language: Vietnamese habits are 80.272, 65,68% and 03/02/2024.
 * Counts and percents are the server documents' own formats; dates go through date-fns' locales.
 */
export function formatters(language: Language) {
  const shared = documentFormat(language);
  const points = new Intl.NumberFormat(numberLocale[language], {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: "exceptZero",
  });
  const signed = new Intl.NumberFormat(numberLocale[language], {
    maximumFractionDigits: 0,
    signDisplay: "exceptZero",
  });
  const locale = language === "vi" ? vi : enGB;
  return {
    ...shared,
    signedInteger: (n: number) => signed.format(n),
    /** A change in percentage points, always with its sign: +2,51. */
    points: (n: number) => points.format(n),
    date: (isoDate: string) => format(parseISO(isoDate), "dd/MM/yyyy", { locale }),
    shortDate: (isoDate: string) => format(parseISO(isoDate), "dd/MM", { locale }),
    longDate: (isoDate: string) => format(parseISO(isoDate), "EEEE, dd/MM/yyyy", { locale }),
    /** The day's name from the date library's locale: Thứ Hai, Monday. */
    weekday: (isoDate: string) => format(parseISO(isoDate), "EEEE", { locale }),
  };
}

export type Formatters = ReturnType<typeof formatters>;
