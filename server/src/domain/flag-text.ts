import { formatMessage, type Messages } from "../messages/format.ts";
import type { Flag } from "./flags.ts";

/** How numbers and dates are written in the reader's language. */
export interface TextFormat {
  integer: (n: number) => string;
  decimal: (n: number) => string;
  /** A canonical truncated percent string ("65.68"). */
  percent: (percent: string | null) => string;
  date: (isoDate: string) => string;
}

/** Numbers and dates for documents: 80.272, 65,68%, 03/02/2024 in Vietnamese. */
export function documentFormat(language: "vi" | "en"): TextFormat {
  const locale = language === "vi" ? "vi-VN" : "en-GB";
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return {
    integer: (n) => integer.format(n),
    /** Per-day figures: up to two decimals. */
    decimal: (n) => decimal.format(n),
    /** The API's canonical truncated percent ("65.68"), never recomputed: 65,68%. */
    percent: (p) => (p === null ? "—" : `${language === "vi" ? p.replace(".", ",") : p}%`),
    date: (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`,
  };
}

/** The flag's explanation in the reader's language, from its code and values. */
export function flagText(flag: Flag, t: Messages, f: TextFormat): string {
  const fill = (message: string, values: Record<string, string | number>) =>
    formatMessage(t.locale, message, values);
  const v = flag.values;
  const num = (key: string) => Number(v[key] ?? 0);
  const str = (key: string) => String(v[key] ?? "");
  const metric = flag.metric ?? "coverage";
  switch (flag.code) {
    case "BEHIND":
      return fill(t.flagText.behind, {
        metric: t.metricRateName[metric],
        percent: f.percent(v.percent === null ? null : str("percent")),
        expected: f.percent(v.expectedPercent === null ? null : str("expectedPercent")),
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
          count: num("offTrack"),
          expected: num("expected"),
          deadline: f.date(str("deadline")),
          units: more > 0 ? `${named.join(", ")} +${more}` : named.join(", "),
          projection: f.percent(v.projectionPercent === null ? null : str("projectionPercent")),
        });
      }
      const need =
        v.requiredPerDay === null
          ? t.flagText.afterDeadline
          : fill(t.flagText.need, { required: f.decimal(num("requiredPerDay")) });
      if (v.eta === null) {
        return fill(t.flagText.offPaceNoProgress, {
          count: t.metricCountName[metric],
          window: num("windowDays"),
          remaining: f.integer(num("remaining")),
          need,
        });
      }
      return fill(t.flagText.offPaceLate, {
        pace: f.decimal(num("pacePerDay")),
        remaining: f.integer(num("remaining")),
        eta: f.date(str("eta")),
        deadline: f.date(str("deadline")),
        need,
      });
    }
    case "STALE":
      if ("staleUnits" in v) {
        const stale = fill(t.flagText.staleParent, {
          stale: num("staleUnits"),
          expected: num("expected"),
          staleDays: num("staleDays"),
        });
        const missing = num("missingUnits");
        return missing > 0
          ? `${stale} ${fill(t.flagText.missingParent, { missing, expected: num("expected") })}`
          : stale;
      }
      if (v.latestReport === null) return fill(t.flagText.missingUnit, { date: f.date(str("date")) });
      return fill(t.flagText.staleUnit, {
        latest: f.date(str("latestReport")),
        age: num("age"),
        staleDays: num("staleDays"),
      });
    case "DATA": {
      if ("dataUnits" in v)
        return fill(t.flagText.dataParent, { count: num("dataUnits"), expected: num("expected") });
      const field = t.fieldName[str("field") as keyof Messages["fieldName"]] ?? str("field");
      if ("previous" in v) {
        return fill(t.flagText.dataFell, {
          field,
          previous: f.integer(num("previous")),
          previousDate: f.date(str("previousDate")),
          current: f.integer(num("current")),
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
