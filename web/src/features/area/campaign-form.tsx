import { percentTextOf, rateOfPercentText } from "@vneid-tracker/server/domain/percent.ts";
import { type FormEvent, useState } from "react";
import { DateInput } from "../../components/date-input.tsx";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import type { CampaignInput } from "./api.ts";

/** A campaign's name, dates and targets (in percent on screen, as fractions in the API). */
export function CampaignForm({
  initial,
  submitLabel,
  onSubmit,
  error,
  busy,
  onCancel,
}: {
  /** The targets as the API's percents ("100.00"), the rest as the API has them. */
  initial: Omit<CampaignInput, "targets"> & { targetPercents: { coverage: string; linking: string } };
  submitLabel: string;
  onSubmit: (campaign: CampaignInput) => void;
  error: unknown;
  busy: boolean;
  onCancel?: () => void;
}) {
  const { t, language } = useI18n();
  const [name, setName] = useState(initial.name);
  const [start, setStart] = useState(initial.start);
  const [deadline, setDeadline] = useState(initial.deadline);
  // "100.00" → "100", "97.50" → "97,5": only the decimals' trailing zeros go.
  const shown = (percent: string) => percentTextOf(percent, language === "vi" ? "," : ".");
  const [coverage, setCoverage] = useState(shown(initial.targetPercents.coverage));
  const [linking, setLinking] = useState(shown(initial.targetPercents.linking));
  // A target that is not a percent goes as null: the server names the field and refuses it.
  const rate = (percent: string) => rateOfPercentText(percent) as number;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      name,
      start,
      deadline,
      targets: { coverage: rate(coverage), linking: rate(linking) },
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <label className="full">
          {t.area.campaignName}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <div className="field">
          <label htmlFor="campaign-start">{t.area.start}</label>
          <DateInput id="campaign-start" value={start} onChange={setStart} />
        </div>
        <div className="field">
          <label htmlFor="campaign-deadline">{t.area.deadline}</label>
          <DateInput id="campaign-deadline" value={deadline} onChange={setDeadline} />
        </div>
        <label>
          {t.area.targetCoverage}
          <input inputMode="numeric" value={coverage} onChange={(e) => setCoverage(e.target.value)} />
        </label>
        <label>
          {t.area.targetLinking}
          <input inputMode="numeric" value={linking} onChange={(e) => setLinking(e.target.value)} />
        </label>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {errorText(error, t)}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t.area.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
