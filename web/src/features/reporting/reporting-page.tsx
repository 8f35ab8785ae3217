import { useQuery } from "@tanstack/react-query";
import { addDays } from "@vneid-tracker/server/domain/dates.ts";
import {
  REPORTING_WINDOW_WEEKS,
  vietnamTime,
  weekNumberOf,
  weekOfYear,
} from "@vneid-tracker/server/domain/reporting-weeks.ts";
import { can } from "@vneid-tracker/server/domain/roles.ts";
import { foldText } from "@vneid-tracker/server/domain/unit-names.ts";
import { useState } from "react";
import { Link } from "wouter";
import { DateNav } from "../../components/date-nav.tsx";
import { FilterBar } from "../../components/filter-bar.tsx";
import { Icon, type IconName } from "../../components/icon.tsx";
import { ModalDialog } from "../../components/modal-dialog.tsx";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { ErrorState, Skeleton } from "../../components/states.tsx";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import {
  overviewQuery,
  type ReportingWeek,
  reportingQuery,
  reportingSettingsQuery,
} from "../../lib/queries.ts";
import { useSession } from "../../lib/session.ts";
import { useSearchParam } from "../../lib/url-state.ts";
import { useApproveWeek, useReopenWeek } from "./api.ts";
import { OutboxList, SendReminders } from "./reminders-panel.tsx";

const STATUS_ICON: Record<ReportingWeek["units"][number]["status"], IconName> = {
  on_time: "check",
  late: "clock",
  missing: "cross",
};

/**
 * Who reported each week, on time or late (the reporting-rate view DHIS2 users know): weeks ×
 * communes, the rates, this week's missing communes with a reminder to copy, and the week's approval.
 */
const REPORTING_FILTERS = ["all", "missing", "late", "anyGap"] as const;
type ReportingFilter = (typeof REPORTING_FILTERS)[number];

export function ReportingPage() {
  const { t, f, fill } = useI18n();
  const [dateParam, setDate] = useSearchParam("date");
  // The weeks up to the date asked for, else the latest report's.
  const latest = useQuery({ ...overviewQuery(null, null), enabled: dateParam === null });
  const to = dateParam ?? latest.data?.date ?? null;
  const from = to ? addDays(to, -7 * (REPORTING_WINDOW_WEEKS - 1)) : null;
  const reporting = useQuery({ ...reportingQuery({ from, to }), enabled: to !== null });
  const settings = useQuery(reportingSettingsQuery());
  const user = useSession().data ?? null;
  const approve = useApproveWeek();
  const reopen = useReopenWeek();
  // The week an approval or a reopening is being asked about, in the page's own dialog.
  const [asking, setAsking] = useState<{ action: "approve" | "reopen"; week: ReportingWeek } | null>(null);
  const [reason, setReason] = useState("");
  const [search, setSearch] = useState("");
  const [show, setShow] = useState<ReportingFilter>("all");
  const [reasonError, setReasonError] = useState(false);
  if (reporting.isError && !reporting.data)
    return <ErrorState error={reporting.error} onRetry={() => reporting.refetch()} />;
  if (!to || !reporting.data || !settings.data) return <Skeleton blocks={3} />;
  // The latest week first: on a phone it is the one in view.
  const weeks = [...reporting.data.weeks].reverse();
  const { accounts, reopenings } = reporting.data;
  const current = weeks[0] as ReportingWeek;
  // The rows: every commune of the period with its rate over the weeks (the server counts them),
  // narrowed by the search and the filter.
  const words = foldText(search).trim();
  const statusNow = new Map(current.units.map((u) => [u.unitId, u.status]));
  const kept: Record<
    ReportingFilter,
    (c: { unitId: string; reported: number; onTime: number; expected: number }) => boolean
  > = {
    all: () => true,
    missing: (c) => statusNow.get(c.unitId) === "missing",
    late: (c) => statusNow.get(c.unitId) === "late",
    anyGap: (c) => c.onTime < c.expected,
  };
  const communes = reporting.data.communes.filter(
    (c) => (!words || foldText(c.name).includes(words)) && kept[show](c),
  );
  // "16/2024" in sentences; the grid's columns say "Tuần 16" over "15/04–21/04".
  const weekNumber = (w: ReportingWeek) => weekNumberOf(w.week);
  const range = (w: ReportingWeek) =>
    fill(t.reporting.weekRange, { from: f.date(w.start).slice(0, 5), to: f.date(w.end).slice(0, 5) });
  const missing = current.units.filter((u) => u.status === "missing");
  const reminder = fill(t.reporting.reminder, {
    issuer: settings.data.document.issuer || current.unit.name,
    count: missing.length,
    units: missing.map((u) => u.name).join(", "),
    week: weekNumber(current),
    from: f.date(current.start),
    to: f.date(current.end),
    due: vietnamTime(current.due),
  });
  const mayApprove = can(user, "approveWeeks");
  const query = `from=${from}&to=${to}`;
  return (
    <div className="page reporting-page">
      <h1 className="page-title">
        {t.reporting.title} · {current.unit.name}
      </h1>
      <p className="muted">
        {fill(t.reporting.intro, {
          due: fill(t.reporting.dueRule, { days: settings.data.due.days, time: settings.data.due.time }),
        })}
      </p>
      <div className="toolbar">
        <span className="as-of">{t.common.asOf}</span>
        <DateNav date={to} onChange={setDate} />
        <span className="downloads no-print">
          {t.reporting.downloads}: <a href={`/api/exports/reporting.csv?${query}`}>CSV</a> ·{" "}
          <a href={`/api/exports/reporting.xlsx?${query}`}>XLSX</a>
        </span>
      </div>
      {(approve.error || reopen.error) && (
        <p className="form-error" role="alert">
          {errorText(approve.error ?? reopen.error, t)}
        </p>
      )}
      <FilterBar
        query={search}
        onQuery={setSearch}
        filterLabel={t.common.filterLabel}
        value={show}
        onValue={setShow}
        options={REPORTING_FILTERS.map((filter) => ({
          value: filter,
          label: fill(t.reportingFilters[filter], { week: weekNumber(current) }),
        }))}
        status={fill(t.common.unitsMatched, {
          matched: communes.length,
          total: reporting.data.communes.length,
        })}
      />
      <ScrollRegion label={t.reporting.title}>
        <table className="data-table reporting-grid">
          <caption className="visually-hidden">{t.reporting.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.reporting.commune}</th>
              {weeks.map((w) => (
                <th scope="col" key={w.week}>
                  {fill(t.reporting.week, { number: weekOfYear(w.week) })}
                  <div className="small muted">{range(w)}</div>
                </th>
              ))}
              <th scope="col">{t.reporting.rate}</th>
            </tr>
          </thead>
          <tbody>
            {communes.map((commune) => {
              const cells = weeks.map((w) => w.units.find((u) => u.unitId === commune.unitId));
              return (
                <tr key={commune.unitId}>
                  <th scope="row">
                    <Link href={`/units/${commune.unitId}?date=${to}`}>{commune.name}</Link>
                  </th>
                  {cells.map((u, i) =>
                    u ? (
                      <td key={weeks[i]?.week} className={`report-status status-${u.status}`}>
                        <Icon name={STATUS_ICON[u.status]} />{" "}
                        {u.status === "missing" && !weeks[i]?.closed
                          ? t.reporting.open
                          : t.reporting.status[u.status]}
                      </td>
                    ) : (
                      <td key={weeks[i]?.week}>—</td>
                    ),
                  )}
                  <td className="nowrap">
                    {fill(t.reporting.rateValue, {
                      reported: commune.reported,
                      expected: commune.expected,
                      onTime: commune.onTime,
                    })}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.reporting.rate}</th>
              {weeks.map((w) => (
                <td key={w.week}>
                  <div>
                    {fill(t.reporting.rateValue, {
                      reported: w.reported,
                      expected: w.expected,
                      onTime: w.onTime,
                    })}
                  </div>
                  <ApprovalLevels week={w} />
                  {!w.approval && reopenings?.[w.week] && (
                    <div className="small muted reopened">
                      {fill(t.reporting.reopened, {
                        by: reopenings[w.week]?.by ?? "?",
                        at: vietnamTime(reopenings[w.week]?.at ?? ""),
                        reason: reopenings[w.week]?.reason ?? "",
                      })}
                    </div>
                  )}
                  {mayApprove &&
                    (w.approvals.some((level) => level.unitId === w.unit.id) ? (
                      <button
                        type="button"
                        onClick={() => {
                          setReason("");
                          setReasonError(false);
                          setAsking({ action: "reopen", week: w });
                        }}
                      >
                        {t.reporting.reopen}
                      </button>
                    ) : (
                      <button
                        type="button"
                        aria-label={fill(t.reporting.approveLabel, {
                          week: weekNumber(w),
                          unit: w.unit.name,
                        })}
                        onClick={() => setAsking({ action: "approve", week: w })}
                      >
                        {t.reporting.approve}
                      </button>
                    ))}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      {asking?.action === "approve" && (
        <ModalDialog
          title={fill(t.reporting.approveTitle, { week: weekNumber(asking.week) })}
          confirmLabel={t.reporting.approve}
          cancelLabel={t.reporting.cancel}
          onClose={() => setAsking(null)}
          onConfirm={() => {
            approve.mutate({ unitId: asking.week.unit.id, week: asking.week.week });
            return true;
          }}
        >
          <p>
            {asking.week.reported < asking.week.expected
              ? fill(t.reporting.approveCount, {
                  reported: asking.week.reported,
                  expected: asking.week.expected,
                })
              : fill(t.reporting.approveAll, { expected: asking.week.expected })}
          </p>
        </ModalDialog>
      )}
      {asking?.action === "reopen" && (
        <ModalDialog
          title={fill(t.reporting.reopenTitle, { week: weekNumber(asking.week) })}
          confirmLabel={t.reporting.reopen}
          cancelLabel={t.reporting.cancel}
          onClose={() => setAsking(null)}
          onConfirm={() => {
            if (reason.trim().length < 3) {
              setReasonError(true);
              return false;
            }
            reopen.mutate({ unitId: asking.week.unit.id, week: asking.week.week, reason: reason.trim() });
            return true;
          }}
        >
          <p>{t.reporting.reopenIntro}</p>
          <label htmlFor="reopen-reason">
            {fill(t.reporting.reopenReason, { week: weekNumber(asking.week) })}
          </label>
          <textarea
            id="reopen-reason"
            value={reason}
            maxLength={500}
            aria-invalid={reasonError}
            aria-describedby={reasonError ? "reopen-reason-error" : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {reasonError && (
            <p id="reopen-reason-error" className="form-error" role="alert">
              {t.reporting.reopenNeedsReason}
            </p>
          )}
        </ModalDialog>
      )}
      <section className="card" aria-labelledby="missing-title">
        <h2 id="missing-title">
          {fill(t.reporting.missingTitle, { week: weekNumber(current), count: missing.length })}
        </h2>
        {missing.length === 0 ? (
          <p>{t.reporting.noneMissing}</p>
        ) : (
          <>
            <ul>
              {missing.map((u) => (
                <li key={u.unitId}>
                  <strong>{u.name}</strong>
                  {accounts && (
                    <span className="muted">
                      {" "}
                      ·{" "}
                      {accounts[u.unitId]?.length
                        ? fill(t.reporting.accounts, { list: accounts[u.unitId]?.join(", ") ?? "" })
                        : t.reporting.noAccount}
                    </span>
                  )}
                </li>
              ))}
            </ul>
            {can(user, "sendReminders") && <SendReminders week={current.week} />}
            <Reminder text={reminder} />
          </>
        )}
      </section>
      {can(user, "readAudit") && <OutboxList week={current.week} label={weekNumber(current)} />}
    </div>
  );
}

/** A reminder to paste into Zalo or an SMS, with a copy button. */
function Reminder({ text }: { text: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="reminder">
      <label htmlFor="reminder-text">{t.reporting.reminderLabel}</label>
      <textarea id="reminder-text" readOnly rows={3} value={text} />
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard.writeText(text);
          setCopied(true);
        }}
      >
        {t.reporting.copy}
      </button>{" "}
      {copied && <span role="status">{t.reporting.copied}</span>}
    </div>
  );
}

/**
 * A week's approvals, level by level from the commune up ("Xã Tây Phú: … duyệt lúc …"), or
 * "provisional"; a level that approved only some of the communes says how many.
 */
export function ApprovalLevels({
  week,
}: {
  week: Pick<ReportingWeek, "approvals" | "expected"> & { approval?: ReportingWeek["approval"] };
}) {
  const { t, fill } = useI18n();
  if (week.approvals.length === 0) return <div className="small">{t.reporting.provisional}</div>;
  return (
    <ul className="approval-levels small" aria-label={t.reporting.levelsTitle}>
      {week.approvals.map((level) => (
        <li key={level.unitId}>
          {fill(level.communes < week.expected ? t.reporting.levelPartial : t.reporting.levelLine, {
            unit: level.name,
            by: level.by,
            at: vietnamTime(level.at),
            communes: level.communes,
            expected: week.expected,
          })}
        </li>
      ))}
    </ul>
  );
}
