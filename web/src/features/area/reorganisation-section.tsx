import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DateInput } from "../../components/date-input.tsx";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { areaQuery } from "../../lib/queries.ts";
import { type LateResolution, type ReorganisationPreview, useReorganise } from "./api.ts";

export function ReorganisationSection() {
  const { t, f, fill } = useI18n();
  const area = useQuery(areaQuery());
  const reorganise = useReorganise();
  const [date, setDate] = useState("2025-07-01");
  const [lateReports, setLateReports] = useState<LateResolution | undefined>(undefined);
  const plan = reorganise.data;
  const preview = (resolution: LateResolution | undefined) => {
    setLateReports(resolution);
    reorganise.mutate({ date, dryRun: true, lateReports: resolution });
  };
  return (
    <section className="card" aria-labelledby="reorganisation-title">
      <h2 id="reorganisation-title">{t.area.reorganisation}</h2>
      <p className="muted">{t.area.reorganisationIntro}</p>
      {area.data && "reorganisationPending" in area.data && area.data.reorganisationPending && (
        <p className="notice" role="status">
          {t.area.reorganisationPending}
        </p>
      )}
      <div className="toolbar">
        <label htmlFor="reorganisation-date">{t.area.date}</label>
        <DateInput id="reorganisation-date" value={date} onChange={setDate} />
        <button type="button" onClick={() => preview(undefined)}>
          {t.area.preview}
        </button>
      </div>
      {reorganise.error ? (
        <p className="form-error" role="alert">
          {errorText(reorganise.error, t)}
        </p>
      ) : null}
      {plan?.alreadyApplied && (
        <p className="notice" role="status">
          {fill(t.area.alreadyApplied, { date: f.date(plan.date) })}
        </p>
      )}
      {plan?.applied && (
        <p className="notice" role="status">
          {fill(t.area.applied, { date: f.date(plan.date) })}
        </p>
      )}
      {plan?.dryRun && !plan.alreadyApplied && (
        <Preview
          plan={plan}
          lateReports={lateReports}
          onLateReports={preview}
          onApply={() => {
            if (window.confirm(fill(t.area.confirmApply, { date: f.date(plan.date) })))
              reorganise.mutate({ date: plan.date, dryRun: false, lateReports });
          }}
        />
      )}
    </section>
  );
}

function Preview({
  plan,
  lateReports,
  onLateReports,
  onApply,
}: {
  plan: ReorganisationPreview;
  lateReports: LateResolution | undefined;
  onLateReports: (resolution: LateResolution) => void;
  onApply: () => void;
}) {
  const { t, f, fill } = useI18n();
  const names = new Map([...plan.ending, ...plan.beginning].map((u) => [u.id, u.name]));
  // Villages follow their commune: the preview lists the units people answer for.
  const ending = plan.ending.filter((u) => u.kind !== "village");
  const lateProblems = new Set(plan.late.problems);
  const blocking = plan.problems.filter((p) => !lateProblems.has(p));
  if (blocking.length > 0) {
    return (
      <p className="form-error" role="alert">
        {fill(t.area.problems, { problems: blocking.join(" ") })}
      </p>
    );
  }
  const late = plan.late.reports;
  return (
    <div className="reorganisation-preview">
      <p>{fill(t.area.ending, { count: ending.length, units: ending.map((u) => u.name).join(", ") })}</p>
      <p>
        <strong>{fill(t.area.beginning, { count: plan.successors.length })}</strong>
      </p>
      <ul>
        {plan.successors.map((s) => (
          <li key={s.unit.id}>
            {fill(t.area.from, {
              unit: `${s.unit.name} (${s.unit.id})`,
              units: s.predecessors
                .map((p) =>
                  !p.held
                    ? fill(t.area.outside, { unit: p.id })
                    : p.share === null
                      ? fill(t.area.shareUnknown, { unit: p.name })
                      : p.share === 1
                        ? p.name
                        : fill(t.area.share, { unit: p.name, share: f.decimal(p.share) }),
                )
                .join(" + "),
            })}
            {s.incomplete && <span className="badge warn"> {t.area.incomplete}</span>}
          </li>
        ))}
      </ul>
      {plan.accounts.length > 0 && (
        <p>
          {fill(t.area.accounts, {
            list: plan.accounts
              .map((a) =>
                fill(t.area.account, {
                  user: a.username,
                  from: names.get(a.unitId) ?? a.unitId,
                  to: a.successors.map((id) => names.get(id) ?? id).join(", "),
                }),
              )
              .join("; "),
          })}
        </p>
      )}
      {late.length > 0 && (
        <fieldset className="late-reports">
          <legend>{fill(t.area.lateTitle, { count: late.length, date: f.date(plan.date) })}</legend>
          <p>{fill(t.area.lateIntro, { date: f.date(plan.date) })}</p>
          <ul>
            {late.map((r) => (
              <li key={`${r.unitId}/${r.date}`}>
                {fill(t.area.lateLine, {
                  unit: `${r.unitName} (${r.unitId})`,
                  date: f.date(r.date),
                  level2: f.integer(r.level2),
                  population: f.integer(r.population),
                  successors: r.successors.map((s) => s.name).join(", "),
                })}
              </li>
            ))}
          </ul>
          {(["delete", "merge"] as const).map((resolution) => (
            <label key={resolution} className="choice">
              <input
                type="radio"
                name="late-reports"
                checked={lateReports === resolution}
                onChange={() => onLateReports(resolution)}
              />{" "}
              {resolution === "delete" ? t.area.lateDelete : t.area.lateMerge}
            </label>
          ))}
          {lateReports === undefined ? (
            <p className="muted">{t.area.lateChoose}</p>
          ) : (
            plan.late.problems.length > 0 && (
              <p className="form-error" role="alert">
                {fill(t.area.problems, { problems: plan.late.problems.join(" ") })}
              </p>
            )
          )}
        </fieldset>
      )}
      <button type="button" className="primary" onClick={onApply} disabled={plan.problems.length > 0}>
        {t.area.apply}
      </button>
    </div>
  );
}
