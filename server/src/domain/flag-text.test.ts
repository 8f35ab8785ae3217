import { describe, expect, it } from "vitest";
import { MESSAGES } from "../messages/format.ts";
import { API_FORMAT, documentFormat, flagText } from "./flag-text.ts";
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
      "Với tốc độ 16 tài khoản/ngày, 1.084 người còn lại đến 09/09/2024 mới xong, không kịp hạn 01/07/2024; cần 542 người/ngày.",
    );
    expect(en(late)).toBe(
      "At 16 level-2 accounts per day, the 1,084 still needed would be reached on 09/09/2024, not before the deadline 01/07/2024; 542 per day are needed.",
    );
    expect(vi({ ...late, values: { ...late.values, pacePerDay: 0, eta: null } })).toBe(
      "Không có thêm tài khoản trong 28 ngày qua (0 người/ngày); còn 1.084 người, cần 542 người/ngày.",
    );
    expect(vi({ ...late, values: { ...late.values, pacePerDay: 0, eta: null, requiredPerDay: null } })).toBe(
      "Không có thêm tài khoản trong 28 ngày qua (0 người/ngày); còn 1.084 người, hạn 01/07/2024 đã qua.",
    );
    // The API's English message is the same sentence, with its own number and date formats.
    expect(flagText({ ...late, message: "" }, MESSAGES.en, API_FORMAT)).toBe(
      "At 15.23 level-2 accounts per day, the 1,084 still needed would be reached on 2024-09-09, not before the deadline 2024-07-01; 542.00 per day are needed.",
    );
  });

  it("explains STALE for a commune, a missing commune and a district", () => {
    expect(
      vi({
        code: "STALE",
        metric: null,
        values: { latestReport: "2024-03-30", age: 21, date: "2024-04-20", staleDays: 7 },
      }),
    ).toBe("Báo cáo gần nhất ngày 30/03/2024, đã 21 ngày tính đến 20/04/2024 (quá 7 ngày).");
    expect(vi({ code: "STALE", metric: null, values: { latestReport: null, date: "2024-01-01" } })).toBe(
      "Chưa có báo cáo nào đến ngày 01/01/2024.",
    );
    expect(
      vi({
        code: "STALE",
        metric: null,
        values: { staleUnits: 2, missingUnits: 1, expected: 15, staleDays: 7, date: "2024-04-20" },
      }),
    ).toBe(
      "2/15 xã chưa cập nhật số liệu trong 7 ngày tính đến 20/04/2024, trong đó 1 xã chưa có báo cáo nào.",
    );
  });

  it("explains DATA: a rate above 100% and a count that fell", () => {
    expect(
      vi({ code: "DATA", metric: "coverage", values: { field: "level2", count: 1012, base: 1000 } }),
    ).toBe("Số tài khoản mức 2 (1.012) lớn hơn dân số thuộc diện (1.000).");
    expect(
      vi({
        code: "DATA",
        metric: "coverage",
        values: {
          field: "level2",
          previous: 900,
          current: 886,
          previousDate: "2024-05-25",
          date: "2024-06-01",
        },
      }),
    ).toBe("Số tài khoản mức 2 giảm từ 900 (ngày 25/05/2024) xuống 886 (ngày 01/06/2024).");
  });
});
