import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { countValue } from "@vneid-tracker/server/domain/counts.ts";
import { isIsoDate } from "@vneid-tracker/server/domain/dates.ts";
import { truncatedPercent } from "@vneid-tracker/server/domain/percent.ts";
import type { ServerProblem } from "@vneid-tracker/server/domain/problem-text.ts";
import {
  COUNT_FIELDS,
  type CountField,
  checkAgainstHistory,
  checkShape,
  earliestReportDate,
  historyBefore,
} from "@vneid-tracker/server/domain/report-validation.ts";
import { vietnamTime } from "@vneid-tracker/server/domain/reporting-weeks.ts";
import { can, successorCodes } from "@vneid-tracker/server/domain/roles.ts";
import { isReportingUnit } from "@vneid-tracker/server/domain/tree.ts";
import type { Report } from "@vneid-tracker/server/domain/types.ts";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { DateInput } from "../../components/date-input.tsx";
import { ProblemList } from "../../components/problem-list.tsx";
import { RequireAccess } from "../../components/require-access.tsx";
import { ApiRequestError, type User } from "../../lib/api.ts";
import { newRequestKey } from "../../lib/device-store.ts";
import { useDraft } from "../../lib/drafts.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { campaignQuery, reportingQuery, seriesQuery, unitsQuery } from "../../lib/queries.ts";
import { useSession } from "../../lib/session.ts";
import { vietnamToday } from "../../lib/today.ts";
import { useSearchParam } from "../../lib/url-state.ts";
import { useSaveReport } from "./api.ts";
import { QueueList } from "./queue-list.tsx";
import { REPORT_DRAFT, type ReportDraft } from "./report-draft.ts";
import { queueQuery, queueReport } from "./report-queue.ts";

export function ReportFormPage() {
  return (
    <RequireAccess action="writeReports">
      <ReportForm />
    </RequireAccess>
  );
}

function ReportForm() {
  const { t, f, fill } = useI18n();
  const user = useSession().data as User;
  // A reminder's link names the commune and a day of the week it is for (docs/reminders.md).
  const [unitParam] = useSearchParam("unit");
  const [dateParam] = useSearchParam("date");
  const [date, setDate] = useState(dateParam && isIsoDate(dateParam) ? dateParam : vietnamToday());
  // The communes valid on the report's date (a report of 2024 goes to the communes of then).
  const units = useQuery({ ...unitsQuery(isIsoDate(date) ? date : null), placeholderData: keepPreviousData });
  // The communes this user may report for (all of them, or their own): the server checks the same rule.
  const communes = (units.data?.units ?? []).filter(
    (u) => isReportingUnit(u) && can(user, "writeReports", { unitId: u.id }),
  );
  // A commune account reports for its commune (or, once it ended, for the commune that covers it today).
  const ownCommune =
    user.unitId !== null && !can(user, "writeReports", { unitId: "" }) && !successorCodes(user).length
      ? user.unitId
      : null;
  const asked = unitParam && can(user, "writeReports", { unitId: unitParam }) ? unitParam : null;
  const [unitId, setUnitId] = useState(ownCommune ?? asked ?? successorCodes(user)[0] ?? "");
  const [counts, setCounts] = useState<Record<CountField, string>>({
    population: "",
    level2: "",
    dual: "",
    linked: "",
  });
  const [confirmed, setConfirmed] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  // The key the report is sent with, made when it is first saved and kept until it is on the server.
  const [requestKey, setRequestKey] = useState<string | null>(null);
  const [queued, setQueued] = useState<{ unit: string; date: string } | null>(null);
  const draft = useDraft<ReportDraft>(REPORT_DRAFT(user.id), { unitId, date, counts }, (saved) => {
    if (ownCommune === null) setUnitId(saved.unitId);
    setDate(saved.date);
    setCounts(saved.counts);
  });
  const series = useQuery({ ...seriesQuery(unitId, isIsoDate(date) ? date : null), enabled: unitId !== "" });
  const campaign = useQuery(campaignQuery());
  const save = useSaveReport();
  const client = useQueryClient();
  // Whether the report's week is approved (locked), known before anything is typed.
  const reporting = useQuery({
    ...reportingQuery({ unit: unitId, from: date, to: date }),
    enabled: unitId !== "" && isIsoDate(date),
  });
  const lock = unitId !== "" && isIsoDate(date) ? (reporting.data?.weeks[0]?.approval ?? null) : null;
  const lockedWeek = lock ? reporting.data?.weeks[0] : undefined;

  const unit = communes.find((u) => u.id === unitId);
  const history: Report[] = (series.data?.points ?? [])
    .filter((p) => p.date !== date)
    .map((p) => ({
      unitId,
      date: p.date,
      population: p.population,
      level2: p.level2,
      dual: p.dual,
      linked: p.linked,
    }));
  const input = {
    unitId,
    date,
    population: countValue(counts.population),
    level2: countValue(counts.level2),
    dual: countValue(counts.dual),
    linked: countValue(counts.linked),
  };
  // The same rules as the server, checked as the figures are typed.
  const shape = checkShape(
    input,
    unit,
    vietnamToday(),
    earliestReportDate(campaign.data?.start ?? vietnamToday()),
  );
  const context = historyBefore(history, date);
  const warnings = shape.report ? checkAgainstHistory(shape.report, context) : [];
  const shownErrors = shape.errors.filter(
    (e) =>
      submitted ||
      (e.field in counts ? counts[e.field as CountField] !== "" : e.field !== "unitId" || unitId !== ""),
  );
  const serverProblems =
    save.error instanceof ApiRequestError
      ? (save.error.details as unknown as ServerProblem[]).filter((d) => d.code)
      : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setQueued(null);
    if (!shape.report || (warnings.length > 0 && !confirmed)) return;
    const body = { ...shape.report, confirm: warnings.length > 0 && confirmed };
    const key = requestKey ?? newRequestKey();
    setRequestKey(key);
    save.mutate(
      { body, key },
      {
        onSuccess: () => {
          setRequestKey(null);
          void draft.clear();
        },
        onError: async (error) => {
          // No connection: the report waits on the device and goes when the connection is back.
          if (!(error instanceof ApiRequestError && error.code === "NETWORK")) return;
          const unitName = unit?.name ?? body.unitId;
          await queueReport({ key, body, unitName, savedAt: new Date().toISOString(), refusal: null });
          await draft.clear();
          setRequestKey(null);
          save.reset();
          setQueued({ unit: unitName, date: body.date });
          void client.invalidateQueries({ queryKey: queueQuery.queryKey });
        },
      },
    );
  };
  const setCount = (field: CountField) => (event: { target: { value: string } }) => {
    setCounts({ ...counts, [field]: event.target.value });
    setConfirmed(false);
    setQueued(null);
    save.reset();
  };
  const previous = context.previous;
  // Revising a date: the figures are compared with the report they replace, not the one before it.
  const replaced = series.data?.points.find((p) => p.date === date);
  const before = replaced ?? previous;

  return (
    <div className="page">
      <h1 className="page-title">{t.reports.reportTitle}</h1>
      <p className="muted">{t.reports.reportIntro}</p>
      <QueueList userId={user.id} />
      {draft.restored && (
        <p className="notice draft-notice" role="status">
          {t.reports.draftRestored}
        </p>
      )}
      <form className="card form report-form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="report-unit">{t.common.commune}</label>
            <select
              id="report-unit"
              value={unitId}
              disabled={ownCommune !== null}
              onChange={(e) => {
                setUnitId(e.target.value);
                save.reset();
              }}
            >
              <option value="">{t.reports.chooseCommune}</option>
              {communes.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.id})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="report-date">{t.reports.reportDate}</label>
            <DateInput id="report-date" value={date} max={vietnamToday()} onChange={setDate} />
          </div>
        </div>
        {lock && lockedWeek && (
          <p className="notice" role="status">
            {fill(t.reports.reportWeekLocked, {
              from: f.date(lockedWeek.start),
              to: f.date(lockedWeek.end),
              by: lock.by,
              at: vietnamTime(lock.at),
            })}
          </p>
        )}
        <table className="data-table compact report-table">
          <caption className="visually-hidden">{t.reports.reportTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.reports.figure}</th>
              <th scope="col" className="numeric">
                {replaced
                  ? fill(t.reports.replacedReport, { date: f.date(replaced.date) })
                  : previous
                    ? fill(t.reports.previousReport, { date: f.date(previous.date) })
                    : t.reports.previousReportShort}
              </th>
              <th scope="col">{t.reports.newValue}</th>
              <th scope="col" className="numeric">
                {t.reports.changeValue}
              </th>
            </tr>
          </thead>
          <tbody>
            {COUNT_FIELDS.map((field) => {
              const value = input[field];
              const change = before && typeof value === "number" ? value - before[field] : null;
              return (
                <tr key={field}>
                  <th scope="row">
                    <label htmlFor={`report-${field}`}>{t.fields[field]}</label>
                  </th>
                  <td className="numeric">{before ? f.integer(before[field]) : "—"}</td>
                  <td>
                    <input
                      id={`report-${field}`}
                      inputMode="numeric"
                      autoComplete="off"
                      value={counts[field]}
                      disabled={lock !== null}
                      aria-invalid={shownErrors.some((e) => e.field === field)}
                      onChange={setCount(field)}
                    />
                  </td>
                  <td className="numeric">{change === null ? "" : f.signedInteger(change)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!before && unitId && <p className="small muted">{t.reports.noPreviousReport}</p>}
        {shape.report && (
          <p className="report-preview">
            {fill(t.reports.reportCoveragePreview, {
              coverage: f.percent(truncatedPercent(shape.report.level2, shape.report.population)),
              linking: f.percent(truncatedPercent(shape.report.linked, shape.report.dual)),
            })}
            {before &&
              ` ${fill(t.reports.reportCoverageBefore, {
                coverage: f.percent(truncatedPercent(before.level2, before.population)),
                date: f.date(before.date),
              })}`}
          </p>
        )}
        <ProblemList title={t.common.errorsTitle} problems={shownErrors} tone="error" />
        <ProblemList title={t.reports.warningsTitle} problems={warnings} tone="warning" />
        {serverProblems.length > 0 && (
          <ProblemList title={t.common.errorsTitle} problems={serverProblems} tone="error" />
        )}
        {warnings.length > 0 && (
          <label className="checkbox">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            {t.reports.confirmWarnings}
          </label>
        )}
        {save.isError && serverProblems.length === 0 && (
          <p className="form-error" role="alert">
            {errorText(save.error, t)}
          </p>
        )}
        {queued && (
          <p className="notice" role="status">
            {fill(t.reports.reportQueued, { unit: queued.unit, date: f.date(queued.date) })}
          </p>
        )}
        {save.isSuccess && unit && (
          <p className="form-success" role="status">
            {fill(
              save.data.change === "created"
                ? t.reports.reportSaved
                : save.data.change === "revised"
                  ? t.reports.reportRevised
                  : t.reports.reportUnchanged,
              { unit: unit.name, date: f.date(date) },
            )}{" "}
            <Link href={`/units/${unit.id}?date=${date}`}>{t.reports.viewCommune}</Link>
          </p>
        )}
        <button
          type="submit"
          className="primary"
          disabled={save.isPending || lock !== null || (warnings.length > 0 && !confirmed)}
        >
          {save.isPending ? t.reports.saving : t.reports.saveReport}
        </button>
      </form>
    </div>
  );
}
