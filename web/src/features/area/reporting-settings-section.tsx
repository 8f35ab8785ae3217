import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorState, Skeleton } from "../../components/states.tsx";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type ReportingSettings, reportingSettingsQuery } from "../../lib/queries.ts";
import { useUpdateReportingSettings } from "./api.ts";

/** When weekly reports are due, and the weekly document's heading, signer and recipients. */
export function ReportingSection() {
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
