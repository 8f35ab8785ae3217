import { describe, expect, it } from "vitest";
import { MESSAGES } from "../messages/format.ts";
import { documentFormat, flagText } from "./flag-text.ts";
import type { Flag } from "./flags.ts";

const vi = (flag: Omit<Flag, "message">) =>
  flagText({ ...flag, message: "" }, MESSAGES.vi, documentFormat("vi"));
const en = (flag: Omit<Flag, "message">) =>
  flagText({ ...flag, message: "" }, MESSAGES.en, documentFormat("en"));

describe("flagText", () => {
  it("explains OFF_PACE with the ETA, or with no progress", () => {
    const late = {
      code: "OFF_PACE" as const,
      metric: "coverage" as const,
      values: {
        remaining: 1084,
        pacePerDay: 15.23,
        requiredPerDay: 542,
        eta: "2024-09-09",
        deadline: "2024-07-01",
        windowDays: 28,
      },
    };
    expect(vi(late)).toBe(
      "Với tốc độ 15,23 người/ngày, 1.084 người còn lại đến 09/09/2024 mới xong, không kịp hạn 01/07/2024; cần 542 người/ngày.",
    );
    expect(en(late)).toBe(
      "At 15.23 per day the 1,084 people still to reach take until 09/09/2024, after the 01/07/2024 deadline; 542 needed per day.",
    );
    expect(vi({ ...late, values: { ...late.values, pacePerDay: 0, eta: null } })).toBe(
      "Số tài khoản mức 2 không tăng trong 28 ngày qua; còn 1.084 người, cần 542 người/ngày.",
    );
    expect(vi({ ...late, values: { ...late.values, pacePerDay: 0, eta: null, requiredPerDay: null } })).toBe(
      "Số tài khoản mức 2 không tăng trong 28 ngày qua; còn 1.084 người, hạn đã qua.",
    );
  });

  it("explains STALE for a commune, a missing commune and a district", () => {
    expect(
      vi({ code: "STALE", metric: null, values: { latestReport: "2024-03-30", age: 21, staleDays: 7 } }),
    ).toBe("Báo cáo gần nhất ngày 30/03/2024, đã 21 ngày (quá 7 ngày).");
    expect(vi({ code: "STALE", metric: null, values: { latestReport: null, date: "2024-01-01" } })).toBe(
      "Chưa có báo cáo nào đến ngày 01/01/2024.",
    );
    expect(
      vi({
        code: "STALE",
        metric: null,
        values: { staleUnits: 2, missingUnits: 1, expected: 15, staleDays: 7 },
      }),
    ).toBe("2/15 xã chưa cập nhật số liệu trong 7 ngày. 1/15 xã chưa có báo cáo nào.");
  });

  it("explains DATA: a rate above 100% and a count that fell", () => {
    expect(
      vi({ code: "DATA", metric: "coverage", values: { field: "level2", count: 1012, base: 1000 } }),
    ).toBe("Số tài khoản mức 2 (1.012) lớn hơn dân số thuộc diện (1.000).");
    expect(
      vi({
        code: "DATA",
        metric: "coverage",
        values: { field: "level2", previous: 900, current: 886, previousDate: "2024-05-25" },
      }),
    ).toBe("Số tài khoản mức 2 giảm từ 900 (ngày 25/05/2024) xuống 886.");
  });
});
