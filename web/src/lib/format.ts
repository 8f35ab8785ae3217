import { format, parseISO } from "date-fns";
import { enGB, vi } from "date-fns/locale";

export type Language = "vi" | "en";

const numberLocale: Record<Language, string> = { vi: "vi-VN", en: "en-GB" };

/** Number and date formats for one language: Vietnamese habits are 80.272, 65,68% and 03/02/2024. */
export function formatters(language: Language) {
  const integer = new Intl.NumberFormat(numberLocale[language], { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(numberLocale[language], { maximumFractionDigits: 2 });
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
    integer: (n: number) => integer.format(n),
    /** Per-day figures: up to two decimals. */
    decimal: (n: number) => decimal.format(n),
    signedInteger: (n: number) => signed.format(n),
    /** A change in percentage points, always with its sign: +2,51. */
    points: (n: number) => points.format(n),
    /** The API's canonical truncated percent ("65.68"), never recomputed: 65,68%. */
    percent: (percent: string | null) =>
      percent === null ? "—" : `${language === "vi" ? percent.replace(".", ",") : percent}%`,
    date: (isoDate: string) => format(parseISO(isoDate), "dd/MM/yyyy", { locale }),
    shortDate: (isoDate: string) => format(parseISO(isoDate), "dd/MM", { locale }),
    longDate: (isoDate: string) => format(parseISO(isoDate), "EEEE, dd/MM/yyyy", { locale }),
  };
}

export type Formatters = ReturnType<typeof formatters>;
