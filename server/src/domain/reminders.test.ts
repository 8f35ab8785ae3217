import { describe, expect, it } from "vitest";
import { communeReminder, reminderWeek, roundsDue, summaryReminder } from "./reminders.ts";
import { DEFAULT_DUE } from "./reporting-weeks.ts";

const at = (vietnamTime: string) => Date.parse(`${vietnamTime}+07:00`);
const ON = { enabled: true, later: { days: 2, time: "08:00" } };

describe("the scheduled rounds of reminders", () => {
  it("are the week being chased: its due round from Monday 12:00, its later round from the time set", () => {
    // Week 15 of 2024 runs 08/04–14/04; its reports are due Monday 15/04 at 12:00.
    expect(roundsDue(at("2024-04-15T11:59:00"), DEFAULT_DUE, ON)).toEqual([
      { week: "2024-W14", monday: "2024-04-01", round: "due" },
      { week: "2024-W14", monday: "2024-04-01", round: "later" },
    ]);
    expect(roundsDue(at("2024-04-15T12:00:00"), DEFAULT_DUE, ON)).toEqual([
      { week: "2024-W15", monday: "2024-04-08", round: "due" },
    ]);
    expect(roundsDue(at("2024-04-17T08:00:00"), DEFAULT_DUE, ON).map((r) => `${r.week} ${r.round}`)).toEqual([
      "2024-W15 due",
      "2024-W15 later",
    ]);
  });

  it("are none when reminders are off, and only the due round without a later time", () => {
    expect(roundsDue(at("2024-04-17T08:00:00"), DEFAULT_DUE, { ...ON, enabled: false })).toEqual([]);
    expect(roundsDue(at("2024-04-17T08:00:00"), DEFAULT_DUE, { enabled: true, later: null })).toHaveLength(1);
  });
});

describe("the texts of reminders", () => {
  const week = reminderWeek("2024-04-01", DEFAULT_DUE);
  const form = "https://vneid.gialai.gov.vn/reports/new?unit=21823&date=2024-04-07";

  it("name the commune, the week and its due time, and fit one SMS with the form's address", () => {
    const vi = communeReminder("vi", "Xã Bình Thành", week, form);
    expect(vi.subject).toBe("Nhắc báo cáo tuần 14/2024: Xã Bình Thành");
    expect(vi.body).toBe(
      `Xã Bình Thành chưa báo cáo định danh mức 2 tuần 14/2024, hạn 08/04 12:00. Nhập số liệu: ${form}`,
    );
    expect(vi.body.length).toBeLessThanOrEqual(160);
    const en = communeReminder("en", "Xã Bình Thành", week, form);
    expect(en.body).toBe(
      `Xã Bình Thành has not sent its level-2 e-ID report for week 14/2024, due 08/04 12:00. Enter it: ${form}`,
    );
  });

  it("name three communes in an officer's summary and count the rest", () => {
    const five = ["Xã Ia Grai", "Xã Ia Hrung", "Xã Ia Krái", "Xã Ia Dơk", "Xã Ia Băng"];
    expect(summaryReminder("vi", "Tỉnh Gia Lai", five, week, "https://x/reports/status").body).toBe(
      "Tuần 14/2024: 5 xã của Tỉnh Gia Lai chưa báo cáo (Xã Ia Grai, Xã Ia Hrung, Xã Ia Krái và 2 xã khác); đã nhắc từng xã. Xem: https://x/reports/status",
    );
    expect(summaryReminder("en", "Tỉnh Gia Lai", five.slice(0, 1), week, "https://x").subject).toBe(
      "Week 14/2024: 1 commune has not reported (Tỉnh Gia Lai)",
    );
  });
});
