import type { Flag } from "./flags.ts";

/**
 * The words for flags in Vietnamese and English: the web shows them, and the server writes them
 * into the documents it produces (the weekly report). The API's `message` stays English.
 */
export const FLAG_WORDS = {
  vi: {
    flag: {
      BEHIND: "Chậm so với lộ trình",
      OFF_PACE: "Không kịp hạn",
      STALE: "Chưa cập nhật số liệu",
      DATA: "Cần kiểm tra số liệu",
    },
    flagMetric: { coverage: "mức 2", linking: "liên kết" },
    flagText: {
      behind:
        "{metric} {percent}, thấp hơn mức kỳ vọng {expected} là {points} điểm phần trăm: cần thêm {gap} tài khoản để về đúng lộ trình.",
      offPaceNoProgress: "{count} không tăng trong {window} ngày qua; còn {remaining} người, {need}.",
      offPaceLate:
        "Với tốc độ {pace} người/ngày, {remaining} người còn lại đến {eta} mới xong, không kịp hạn {deadline}; {need}.",
      need: "cần {required} người/ngày",
      offPaceParent:
        "{count}/{expected} xã không kịp {deadline} với tốc độ hiện tại: {units}. Với tốc độ hiện tại đạt {projection} vào hạn.",
      etaNone: "không tăng",
      afterDeadline: "hạn đã qua",
      staleUnit: "Báo cáo gần nhất ngày {latest}, đã {age} ngày (quá {staleDays} ngày).",
      missingUnit: "Chưa có báo cáo nào đến ngày {date}.",
      staleParent: "{stale}/{expected} xã chưa cập nhật số liệu trong {staleDays} ngày.",
      missingParent: "{missing}/{expected} xã chưa có báo cáo nào.",
      dataAbove: "{field} ({count}) lớn hơn {base}.",
      dataFell: "{field} giảm từ {previous} (ngày {previousDate}) xuống {current}.",
      dataParent: "{count}/{expected} xã có số liệu cần kiểm tra (tỷ lệ trên 100% hoặc số liệu giảm).",
    },
    metricRateName: { coverage: "Tỷ lệ mức 2", linking: "Tỷ lệ liên kết" },
    metricCountName: { coverage: "Số tài khoản mức 2", linking: "Số tài khoản đã liên kết" },
    fieldName: {
      level2: "Số tài khoản mức 2",
      dual: "Số người có cả hai tài khoản",
      linked: "Số tài khoản đã liên kết",
    },
    baseName: { coverage: "dân số thuộc diện ({base})", linking: "số người có cả hai tài khoản ({base})" },
  },
  en: {
    flag: {
      BEHIND: "Behind the trajectory",
      OFF_PACE: "Off pace",
      STALE: "Report out of date",
      DATA: "Figures to check",
    },
    flagMetric: { coverage: "level 2", linking: "linking" },
    flagText: {
      behind:
        "{metric} {percent}, {points} points below the {expected} expected: {gap} more accounts needed to be back on the trajectory.",
      offPaceNoProgress:
        "{count} did not grow over the last {window} days; {remaining} people to go, {need}.",
      offPaceLate:
        "At {pace} per day the {remaining} people still to reach take until {eta}, after the {deadline} deadline; {need}.",
      need: "{required} needed per day",
      offPaceParent:
        "{count} of {expected} communes will not make {deadline} at their current pace: {units}. At current paces: {projection} by the deadline.",
      etaNone: "no progress",
      afterDeadline: "the deadline has passed",
      staleUnit: "Latest report dated {latest}, {age} days old (more than {staleDays}).",
      missingUnit: "No report up to {date}.",
      staleParent: "{stale} of {expected} communes have not reported in {staleDays} days.",
      missingParent: "{missing} of {expected} communes have no report at all.",
      dataAbove: "{field} ({count}) exceeds the {base}.",
      dataFell: "{field} fell from {previous} (on {previousDate}) to {current}.",
      dataParent:
        "{count} of {expected} communes have figures to check (a rate above 100% or a count that fell).",
    },
    metricRateName: { coverage: "Level-2 coverage", linking: "Link rate" },
    metricCountName: { coverage: "Level-2 accounts", linking: "Linked accounts" },
    fieldName: {
      level2: "Level-2 accounts",
      dual: "People holding both accounts",
      linked: "Linked accounts",
    },
    baseName: { coverage: "population in scope ({base})", linking: "people holding both accounts ({base})" },
  },
};

export type FlagWords = (typeof FLAG_WORDS)["vi"];

/** How numbers and dates are written in the reader's language. */
export interface TextFormat {
  integer: (n: number) => string;
  decimal: (n: number) => string;
  /** A canonical truncated percent string ("65.68"). */
  percent: (percent: string | null) => string;
  date: (isoDate: string) => string;
}

/** Fills `{name}` placeholders and leaves unknown ones visible. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
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
export function flagText(flag: Flag, t: FlagWords, f: TextFormat): string {
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
      const field = t.fieldName[str("field") as keyof FlagWords["fieldName"]] ?? str("field");
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
