import { formatMessage, type Messages } from "../messages/format.ts";
import type { Flag } from "./flags.ts";

/** How numbers and dates are written in the reader's language. */
export interface TextFormat {
  integer: (n: number) => string;
  /** People per day: whole people, rounded up, for readers; two decimals in the API's messages. */
  perDay: (n: number) => string;
  /** Up to two decimals (percentage points). */
  decimal: (n: number) => string;
  /** A canonical truncated percent string ("65.68"). */
  percent: (percent: string | null) => string;
  date: (isoDate: string) => string;
  /** A value as the user gave it, quoted: “1,5” in documents and pages, "1,5" (JSON) in the API. */
  quote: (value: unknown) => string;
}

/** Numbers and dates for documents: 80.272, 65,68%, 03/02/2024 in Vietnamese. */
export function documentFormat(language: "vi" | "en"): TextFormat {
  const locale = language === "vi" ? "vi-VN" : "en-GB";
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return {
    integer: (n) => integer.format(n),
    // "cần 436,87 người/ngày" is not a number of people: 437 are needed.
    perDay: (n) => integer.format(Math.ceil(n)),
    decimal: (n) => decimal.format(n),
    /** The API's canonical truncated percent ("65.68"), never recomputed: 65,68%. */
    percent: (p) => (p === null ? "—" : `${language === "vi" ? p.replace(".", ",") : p}%`),
    date: (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`,
    quote: (value) => `“${String(value ?? "")}”`,
  };
}

/**
 * How the API writes the numbers of its English messages: 1,012, 2.40, 58.00% and ISO dates, the
 * same on every server whatever its locale.
 */
export const API_FORMAT: TextFormat = {
  integer: (n) => groupThousands(String(Math.round(n))),
  perDay: (n) => API_FORMAT.decimal(n),
  decimal: (n) => {
    const [whole, fraction] = n.toFixed(2).split(".");
    return `${groupThousands(whole as string)}.${fraction}`;
  },
  percent: (p) => (p === null ? "—" : `${p}%`),
  date: (iso) => iso,
  quote: (value) => JSON.stringify(value ?? null),
};

/** "1234567" → "1,234,567" (the API's messages make thousands of them: Intl would be the slow part). */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * The flag's explanation in the reader's language, from its code and values: the one place a
 * flag's sentence is made (the API's English `message` too, with API_FORMAT).
 */
export function flagText(flag: Flag, t: Messages, f: TextFormat): string {
  const fill = (message: string, values: Record<string, string | number>) =>
    formatMessage(t.locale, message, values);
  const v = flag.values;
  const num = (key: string) => Number(v[key] ?? 0);
  const str = (key: string) => String(v[key] ?? "");
  const percent = (key: string) => f.percent(v[key] === null ? null : str(key));
  const metric = flag.metric ?? "coverage";
  const words = {
    metric: t.metricRateName[metric],
    rate: t.metricRateWord[metric],
    count: t.metricCountWord[metric],
  };
  switch (flag.code) {
    case "BEHIND":
      return fill(t.flagText.behind, {
        ...words,
        percent: percent("percent"),
        expected: percent("expectedPercent"),
        points: f.decimal(num("points")),
        gap: f.integer(num("gap")),
      });
    case "OFF_PACE": {
      if (Array.isArray(v.units)) {
        const named = v.units.map(
          (u) => `${u.name} (${u.eta === null ? t.flagText.etaNone : f.date(u.eta)})`,
        );
        const more = num("offTrack") - named.length;
        return fill(t.flagText.offPaceParent, {
          ...words,
          offTrack: num("offTrack"),
          expected: num("expected"),
          deadline: f.date(str("deadline")),
          units: named.join(", ") + (more > 0 ? fill(t.flagText.moreUnits, { more }) : ""),
          projection: percent("projectionPercent"),
        });
      }
      const need =
        v.requiredPerDay === null
          ? fill(t.flagText.afterDeadline, { deadline: f.date(str("deadline")) })
          : fill(t.flagText.need, { required: f.perDay(num("requiredPerDay")) });
      const common = {
        ...words,
        pace: f.perDay(num("pacePerDay")),
        remaining: f.integer(num("remaining")),
        need,
      };
      if (v.eta === null) return fill(t.flagText.offPaceNoProgress, { ...common, window: num("windowDays") });
      return fill(t.flagText.offPaceLate, {
        ...common,
        eta: f.date(str("eta")),
        deadline: f.date(str("deadline")),
      });
    }
    case "STALE":
      if ("staleUnits" in v) {
        return fill(t.flagText.staleParent, {
          stale: num("staleUnits"),
          expected: num("expected"),
          staleDays: num("staleDays"),
          date: f.date(str("date")),
          missing: num("missingUnits"),
        });
      }
      if (v.latestReport === null) return fill(t.flagText.missingUnit, { date: f.date(str("date")) });
      return fill(t.flagText.staleUnit, {
        latest: f.date(str("latestReport")),
        age: num("age"),
        date: f.date(str("date")),
        staleDays: num("staleDays"),
      });
    case "DATA": {
      if ("dataUnits" in v)
        return fill(t.flagText.dataParent, { count: num("dataUnits"), expected: num("expected") });
      if ("incompleteBefore" in v)
        return fill(t.flagText.dataIncomplete, {
          date: f.date(str("incompleteBefore")),
          units: str("units"),
        });
      const field = t.fieldName[str("field") as keyof Messages["fieldName"]] ?? str("field");
      if ("previous" in v) {
        return fill(t.flagText.dataFell, {
          field,
          previous: f.integer(num("previous")),
          previousDate: f.date(str("previousDate")),
          current: f.integer(num("current")),
          date: f.date(str("date")),
        });
      }
      return fill(t.flagText.dataAbove, {
        field,
        count: f.integer(num("count")),
        base: fill(t.baseName[metric], { base: f.integer(num("base")) }),
      });
    }
  }
}
