import { vietnamTime } from "@vneid-tracker/server/domain/reporting-weeks.ts";
import { useLocation } from "wouter";
import { replaceDraft } from "../../lib/drafts.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { REPORT_DRAFT, type ReportDraft } from "./report-draft.ts";
import { removeQueued, useReportQueue, useSendQueue } from "./report-queue.ts";

/**
 * The reports saved on this device and not yet on the server (*Chưa gửi*), of one commune or all:
 * each waiting for a connection, or refused with the server's reason and a way to correct it.
 */
export function QueueList({ unitId, userId }: { unitId?: string; userId: number }) {
  const { t, f, fill } = useI18n();
  const queue = useReportQueue();
  const send = useSendQueue();
  const [, navigate] = useLocation();
  const shown = (queue.data ?? []).filter((q) => unitId === undefined || String(q.body.unitId) === unitId);
  if (shown.length === 0) return null;
  return (
    <section className="card queue-list" id="queue" aria-labelledby="queue-title">
      <h2 id="queue-title">{fill(t.common.notSent, { count: shown.length })}</h2>
      <p className="small muted">{t.reports.queueIntro}</p>
      <ul>
        {shown.map((q) => (
          <li key={q.key}>
            <span>
              {fill(t.reports.queueItem, {
                unit: q.unitName,
                date: f.date(q.body.date),
                level2: f.integer(Number(q.body.level2)),
                population: f.integer(Number(q.body.population)),
                linked: f.integer(Number(q.body.linked)),
                dual: f.integer(Number(q.body.dual)),
              })}
            </span>{" "}
            <span className="small muted">
              {fill(t.reports.queueSavedAt, { time: vietnamTime(q.savedAt) })}
            </span>
            <p className={q.refusal ? "form-error" : "small"}>
              {q.refusal ? fill(t.reports.queueRefused, { reason: q.refusal.text }) : t.reports.queueWaiting}
            </p>
            {q.refusal && (
              <button
                type="button"
                onClick={async () => {
                  // Back into the form as a draft, to correct and save again (with a new key).
                  const draft: ReportDraft = {
                    unitId: String(q.body.unitId),
                    date: q.body.date,
                    counts: {
                      population: String(q.body.population),
                      level2: String(q.body.level2),
                      dual: String(q.body.dual),
                      linked: String(q.body.linked),
                    },
                  };
                  await replaceDraft(REPORT_DRAFT(userId), draft);
                  await removeQueued(q.key);
                  navigate("/reports/new");
                }}
              >
                {t.reports.queueEdit}
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" disabled={send.isPending} onClick={() => send.mutate({ retryRefused: true })}>
        {t.reports.queueSendNow}
      </button>
    </section>
  );
}
