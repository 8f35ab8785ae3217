import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { reminderSettingsQuery, useSaveReminderSettings } from "../reporting/api.ts";

/**
 * Reminders of missing reports (docs/reminders.md): sent at the week's due time and, if set, at a
 * later time; the channels are the server's configuration, shown here.
 */
export function RemindersSection() {
  const { t, fill } = useI18n();
  const settings = useQuery(reminderSettingsQuery());
  const save = useSaveReminderSettings();
  const [enabled, setEnabled] = useState(false);
  const [laterDays, setLaterDays] = useState("");
  const [laterTime, setLaterTime] = useState("");
  useEffect(() => {
    if (!settings.data) return;
    setEnabled(settings.data.enabled);
    setLaterDays(settings.data.later ? String(settings.data.later.days) : "");
    setLaterTime(settings.data.later?.time ?? "");
  }, [settings.data]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      enabled,
      later: laterDays === "" || laterTime === "" ? null : { days: Number(laterDays), time: laterTime },
    });
  };
  const channels = settings.data?.channels ?? [];
  return (
    <section className="card" aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t.reminderSettings.title}</h2>
      <p className="small muted">{t.reminderSettings.intro}</p>
      <p>
        {channels.length === 0
          ? t.reminderSettings.noChannel
          : fill(t.reminderSettings.channels, {
              list: channels.map((c) => t.reminderChannels[c]).join(", "),
            })}
      </p>
      <form className="form" onSubmit={submit}>
        <fieldset disabled={!settings.data || save.isPending}>
          <legend className="visually-hidden">{t.reminderSettings.title}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            {t.reminderSettings.enabled}
          </label>
          <div className="form-grid">
            <label>
              {t.reminderSettings.laterDays}
              <input
                type="number"
                min={0}
                max={6}
                value={laterDays}
                onChange={(e) => setLaterDays(e.target.value)}
              />
            </label>
            <label>
              {t.reminderSettings.laterTime}
              <input type="time" value={laterTime} onChange={(e) => setLaterTime(e.target.value)} />
            </label>
          </div>
          <p className="small muted">{t.reminderSettings.laterHint}</p>
          <div className="actions">
            <button type="submit" className="primary">
              {t.common.save}
            </button>
          </div>
        </fieldset>
      </form>
      {save.isSuccess && (
        <p className="form-success" role="status">
          {t.reminderSettings.saved}
        </p>
      )}
      {(save.isError || settings.isError) && (
        <p className="form-error" role="alert">
          {errorText(save.error ?? settings.error, t)}
        </p>
      )}
    </section>
  );
}
