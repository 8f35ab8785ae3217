import { useQuery } from "@tanstack/react-query";
import { vietnamTime } from "@vneid-tracker/server/domain/reporting-weeks.ts";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { outboxQuery, useSendReminders } from "./api.ts";

/** Sends the week's reminders now to the communes that have not reported (police, admin). */
export function SendReminders({ week }: { week: string }) {
  const { t, fill } = useI18n();
  const send = useSendReminders();
  const outcome = send.data;
  return (
    <div className="send-reminders">
      <p className="muted">{t.reporting.remindIntro}</p>
      <button type="button" className="primary" disabled={send.isPending} onClick={() => send.mutate(week)}>
        {t.reporting.remindNow}
      </button>
      {outcome && (
        <p role="status">
          {fill(t.reporting.remindResult, {
            queued: outcome.queued,
            already: outcome.units.filter((u) => u.skipped === "already").length,
            unreachable: outcome.units.filter((u) => u.skipped === "no_account" || u.skipped === "no_contact")
              .length,
          })}
        </p>
      )}
      {send.isError && (
        <p className="form-error" role="alert">
          {errorText(send.error, t)}
        </p>
      )}
    </div>
  );
}

/** The week's reminders and where each one's sending stands: sent, waiting, failed with the reason. */
export function OutboxList({ week, label }: { week: string; label: string }) {
  const { t, fill } = useI18n();
  const outbox = useQuery(outboxQuery(week));
  if (!outbox.data) return null;
  const { messages } = outbox.data;
  const count = (status: string) => messages.filter((m) => m.status === status).length;
  return (
    <section className="card" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{fill(t.reporting.outboxTitle, { week: label })}</h2>
      {messages.length === 0 ? (
        <p>{t.reporting.outboxEmpty}</p>
      ) : (
        <>
          <p>
            {fill(t.reporting.outboxCounts, {
              sent: count("sent"),
              waiting: count("waiting"),
              failed: count("failed"),
            })}
          </p>
          <ScrollRegion label={fill(t.reporting.outboxTitle, { week: label })}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.reporting.outboxRecipient}</th>
                  <th scope="col">{t.reporting.outboxChannel}</th>
                  <th scope="col">{t.reporting.outboxStatusColumn}</th>
                  <th scope="col">{t.reporting.outboxAttempts}</th>
                  <th scope="col">{t.reporting.outboxAt}</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.id} className={m.status === "failed" ? "row-error" : undefined}>
                    <td>
                      {m.recipient}
                      <div className="small muted">{m.address}</div>
                    </td>
                    <td>
                      {t.reminderChannels[m.channel]}
                      <div className="small muted">{t.reporting.rounds[m.round]}</div>
                    </td>
                    <td>
                      {t.reporting.outboxStatus[m.status]}
                      {m.lastError && <div className="small muted">{m.lastError}</div>}
                    </td>
                    <td className="num">{m.attempts}</td>
                    <td>{vietnamTime(m.sentAt ?? (m.status === "waiting" ? m.nextAt : m.createdAt))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
