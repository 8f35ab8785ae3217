import { vietnamTime } from "@vneid-tracker/server/domain/reporting-weeks.ts";
import { Link } from "wouter";
import { useI18n } from "../lib/i18n.tsx";
import type { ReportingWeek } from "../lib/queries.ts";

/**
 * Beside the figures: the week's completeness ("14/15 xã đã báo cáo tuần này, 12 đúng hạn") and
 * whether its figures are provisional or approved (by whom, when).
 */
export function WeekStatus({
  approval,
  week,
  date,
}: {
  approval: { by: string; at: string } | null | undefined;
  week?: ReportingWeek;
  date: string;
}) {
  const { t, fill } = useI18n();
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
        {approval
          ? fill(t.reporting.approvedBy, { by: approval.by, at: vietnamTime(approval.at) })
          : t.reporting.provisional}
      </span>
    </p>
  );
}
