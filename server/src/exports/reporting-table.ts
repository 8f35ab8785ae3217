import { vietnamTime } from "../domain/reporting-weeks.ts";
import { vi } from "../messages/vi.ts";
import type { Cell } from "./cells.ts";

interface Week {
  week: string;
  start: string;
  due: string;
  approval: { by: string; at: string } | null;
  units: readonly {
    unitId: string;
    name: string;
    status: "on_time" | "late" | "missing";
    recordedAt: string | null;
  }[];
}

/** reporting.csv: the machine's columns (ISO times, status codes). */
export const REPORTING_HEADER = [
  "week",
  "week_start",
  "due",
  "unit_code",
  "unit_name",
  "status",
  "recorded_at",
  "approved_by",
];
/** reporting.xlsx: the same in Vietnamese, times in Vietnam's. */
export const REPORTING_HEADER_VI = [
  "Tuần",
  "Từ ngày",
  "Hạn báo cáo",
  "Mã đơn vị",
  "Tên đơn vị",
  "Tình trạng",
  "Thời điểm báo cáo",
  "Duyệt",
];
const STATUS_VI = vi.reporting.status;

/** One line per week and commune: who reported, on time or late, and the week's approval. */
export function reportingRows(weeks: readonly Week[], style: "machine" | "vi"): Cell[][] {
  const date = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return weeks.flatMap((week) =>
    week.units.map((u) =>
      style === "machine"
        ? [
            week.week,
            week.start,
            week.due,
            u.unitId,
            u.name,
            u.status,
            u.recordedAt,
            week.approval?.by ?? null,
          ]
        : [
            week.week,
            date(week.start),
            vietnamTime(week.due),
            u.unitId,
            u.name,
            STATUS_VI[u.status],
            u.recordedAt ? vietnamTime(u.recordedAt) : null,
            week.approval ? `${week.approval.by} (${vietnamTime(week.approval.at)})` : "Tạm tính",
          ],
    ),
  );
}
