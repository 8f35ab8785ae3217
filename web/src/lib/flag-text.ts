import type { Flag } from "./api.ts";
import type { Formatters } from "./format.ts";
import { type Dictionary, fill } from "./i18n.tsx";

/** The flag's explanation in the reader's language, from its code and values (the server's message is English). */
export function flagText(flag: Flag, t: Dictionary, f: Formatters): string {
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
      const field = t.fieldName[str("field") as keyof Dictionary["fieldName"]] ?? str("field");
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
