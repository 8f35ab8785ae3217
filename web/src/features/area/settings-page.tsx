import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { DateInput } from "../../components/date-input.tsx";
import { RequireAccess } from "../../components/require-access.tsx";
import { ErrorState, Skeleton } from "../../components/states.tsx";
import { UnitChangeNote } from "../../components/unit-change-note.tsx";
import type { Campaign } from "../../lib/api.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import {
  areaQuery,
  campaignsQuery,
  type ReportingSettings,
  reportingSettingsQuery,
} from "../../lib/queries.ts";
import { vietnamToday } from "../../lib/today.ts";
import {
  type LateResolution,
  type ReorganisationPreview,
  useChooseArea,
  useChooseCampaign,
  useCreateCampaign,
  useReorganise,
  useUpdateCampaign,
  useUpdateReportingSettings,
  useUploadBoundaries,
} from "./api.ts";
import { CampaignForm } from "./campaign-form.tsx";
import { UnitPicker } from "./unit-picker.tsx";

/** Admin settings: the area, the campaigns over time, and applying a reorganisation of units. */
export function SettingsPage() {
  return (
    <RequireAccess action="manageUnits">
      <Settings />
    </RequireAccess>
  );
}

function Settings() {
  const { t } = useI18n();
  return (
    <div className="page narrow-page">
      <h1 className="page-title">{t.area.settingsTitle}</h1>
      <AreaSection />
      <CampaignsSection />
      <ReportingSection />
      <BoundariesSection />
      <ReorganisationSection />
    </div>
  );
}

function AreaSection() {
  const { t, fill } = useI18n();
  const area = useQuery(areaQuery());
  const choose = useChooseArea();
  const [changing, setChanging] = useState(false);
  if (area.isError) return <ErrorState error={area.error} onRetry={() => area.refetch()} />;
  if (!area.data) return <Skeleton blocks={1} />;
  return (
    <section className="card" aria-labelledby="area-title">
      <h2 id="area-title">{t.area.areaSection}</h2>
      {area.data.area && (
        <>
          <p>{fill(t.area.areaNow, { unit: area.data.area.name, count: area.data.communes ?? 0 })}</p>
          <UnitChangeNote
            unit={area.data.area}
            standing={area.data.standing ?? "valid"}
            date={vietnamToday()}
          />
        </>
      )}
      {changing ? (
        <UnitPicker
          onChoose={(unit) =>
            choose.mutate({ tree: unit.tree, code: unit.code }, { onSuccess: () => setChanging(false) })
          }
        />
      ) : (
        <button type="button" onClick={() => setChanging(true)}>
          {t.area.changeArea}
        </button>
      )}
      {choose.error ? (
        <p className="form-error" role="alert">
          {errorText(choose.error, t)}
        </p>
      ) : null}
    </section>
  );
}

function CampaignsSection() {
  const { t, f, fill } = useI18n();
  const campaigns = useQuery(campaignsQuery());
  const chooseCampaign = useChooseCampaign();
  const update = useUpdateCampaign();
  const create = useCreateCampaign();
  const [editing, setEditing] = useState<number | "new" | null>(null);
  if (campaigns.isError) return <ErrorState error={campaigns.error} onRetry={() => campaigns.refetch()} />;
  if (!campaigns.data) return <Skeleton blocks={1} />;
  const input = (c: Campaign) => ({
    name: c.name,
    start: c.start,
    deadline: c.deadline,
    targetPercents: c.targetPercents,
  });
  return (
    <section className="card" aria-labelledby="campaigns-title">
      <h2 id="campaigns-title">{t.area.campaigns}</h2>
      <ul className="campaign-list">
        {campaigns.data.campaigns.map((c) => (
          <li key={c.id}>
            <div>
              <strong>
                {c.id === campaigns.data.currentId ? fill(t.area.current, { name: c.name }) : c.name}
              </strong>
              <div className="small muted">
                {fill(t.area.period, { start: f.date(c.start), deadline: f.date(c.deadline) })} ·{" "}
                {t.common.metricCoverage} {f.percent(c.targetPercents.coverage)} · {t.common.metricLinking}{" "}
                {f.percent(c.targetPercents.linking)}
              </div>
            </div>
            <span className="picker-actions">
              {c.id !== campaigns.data.currentId && (
                <button type="button" onClick={() => chooseCampaign.mutate(c.id)}>
                  {t.area.makeCurrent}
                </button>
              )}
              <button type="button" onClick={() => setEditing(c.id)}>
                {t.area.edit}
              </button>
            </span>
            {editing === c.id && (
              <CampaignForm
                initial={input(c)}
                submitLabel={t.area.save}
                busy={update.isPending}
                error={update.error}
                onCancel={() => setEditing(null)}
                onSubmit={(next) =>
                  update.mutate({ id: c.id, ...next }, { onSuccess: () => setEditing(null) })
                }
              />
            )}
          </li>
        ))}
      </ul>
      {editing === "new" ? (
        <CampaignForm
          initial={{ name: "", start: "", deadline: "", targetPercents: { coverage: "100", linking: "100" } }}
          submitLabel={t.area.save}
          busy={create.isPending}
          error={create.error}
          onCancel={() => setEditing(null)}
          onSubmit={(next) => create.mutate(next, { onSuccess: () => setEditing(null) })}
        />
      ) : (
        <button type="button" onClick={() => setEditing("new")}>
          {t.area.newCampaign}
        </button>
      )}
    </section>
  );
}

/** When weekly reports are due, and the weekly document's heading, signer and recipients. */
function ReportingSection() {
  const settings = useQuery(reportingSettingsQuery());
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  if (!settings.data) return <Skeleton blocks={1} />;
  return <ReportingForm initial={settings.data} />;
}

function ReportingForm({ initial }: { initial: ReportingSettings }) {
  const { t } = useI18n();
  const update = useUpdateReportingSettings();
  const [days, setDays] = useState(String(initial.due.days));
  const [time, setTime] = useState(initial.due.time);
  const [doc, setDoc] = useState(initial.document);
  const [recipients, setRecipients] = useState(initial.document.recipients.join("\n"));
  const field = (key: Exclude<keyof typeof doc, "recipients">) => (
    <label key={key}>
      {t.documentSettings[key]}
      <input value={doc[key]} onChange={(e) => setDoc({ ...doc, [key]: e.target.value })} maxLength={200} />
    </label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      due: { days: Number(days), time },
      document: {
        ...doc,
        recipients: recipients
          .split("\n")
          .map((r) => r.trim())
          .filter(Boolean),
      },
    });
  };
  return (
    <section className="card" aria-labelledby="reporting-settings-title">
      <h2 id="reporting-settings-title">{t.documentSettings.title}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <label>
            {t.documentSettings.dueDays}
            <input inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
          </label>
          <label>
            {t.documentSettings.dueTime}
            <input value={time} onChange={(e) => setTime(e.target.value)} placeholder="12:00" />
          </label>
          {field("parentBody")}
          {field("issuer")}
          {field("symbol")}
          {field("place")}
          {field("signerTitle")}
          {field("signerName")}
          <label className="full">
            {t.documentSettings.recipients}
            <textarea rows={3} value={recipients} onChange={(e) => setRecipients(e.target.value)} />
          </label>
        </div>
        {update.error ? (
          <p className="form-error" role="alert">
            {errorText(update.error, t)}
          </p>
        ) : null}
        {update.isSuccess && <p role="status">{t.area.saved}</p>}
        <div className="actions">
          <button type="submit" className="primary" disabled={update.isPending}>
            {t.area.save}
          </button>
        </div>
      </form>
    </section>
  );
}

/** GeoJSON boundaries of the area's units, for the map to fill instead of drawing dots. */
function BoundariesSection() {
  const { t, fill } = useI18n();
  const upload = useUploadBoundaries();
  const [date, setDate] = useState(vietnamToday());
  const [file, setFile] = useState<File | null>(null);
  return (
    <section className="card" aria-labelledby="boundaries-title">
      <h2 id="boundaries-title">{t.boundaries.title}</h2>
      <p className="muted">{t.boundaries.intro}</p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (file) upload.mutate({ file, date });
        }}
      >
        <div className="field">
          <label htmlFor="boundaries-date">{t.boundaries.date}</label>
          <DateInput id="boundaries-date" value={date} onChange={setDate} />
        </div>
        <label>
          {t.boundaries.file}
          <input
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        {upload.error ? (
          <p className="form-error" role="alert">
            {errorText(upload.error, t)}
          </p>
        ) : null}
        {upload.data && (
          <p role="status">
            {fill(t.boundaries.done, {
              matched: upload.data.matched,
              unmatched: upload.data.unmatched.length,
            })}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={!file || upload.isPending}>
            {t.boundaries.upload}
          </button>
        </div>
      </form>
    </section>
  );
}

function ReorganisationSection() {
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
