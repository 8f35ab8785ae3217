import { vietnamTime } from "@vneid-tracker/server/domain/reporting-weeks.ts";
import { Link } from "wouter";
import type { Schemas } from "../lib/contract.ts";
import { useI18n } from "../lib/i18n.tsx";
import type { ReportingWeek } from "../lib/queries.ts";

/**
 * Beside the figures: the week's completeness ("14/15 xã đã báo cáo tuần này, 12 đúng hạn") and
 * whether its figures are provisional or approved (by whom, when).
 */
export function WeekStatus({
  approval,
  approvals,
  week,
  date,
}: {
  approval: { by: string; at: string } | null | undefined;
  /** The week's approvals by level, the lowest first. */
  approvals: Schemas["ApprovalLevel"][];
  week?: ReportingWeek;
  date: string;
}) {
  const { t, fill } = useI18n();
  const levels = approvals.map((level) =>
    fill(week && level.communes < week.expected ? t.reporting.levelPartial : t.reporting.levelLine, {
      unit: level.name,
      by: level.by,
      at: vietnamTime(level.at),
      communes: level.communes,
      expected: week?.expected ?? level.communes,
    }),
  );
  return (
    <p className="week-status">
      {week && (
        <>
          <Link href={`/reports/status?date=${date}`}>
            {fill(t.reporting.completeness, {
              reported: week.reported,
              expected: week.expected,
              onTime: week.onTime,
            })}
          </Link>
          {" · "}
        </>
      )}
      <span className={approval ? "approved" : "provisional"}>
        {approval ? "" : `${t.reporting.provisional}${levels.length ? " · " : ""}`}
        {levels.join("; ")}
      </span>
    </p>
  );
}
