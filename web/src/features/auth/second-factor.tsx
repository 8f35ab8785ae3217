import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { vietnamTime } from "@vneid-tracker/server/domain/reporting-weeks.ts";
import { type FormEvent, useState } from "react";
import { fetchJson, sendJson } from "../../lib/api.ts";
import type { Answer } from "../../lib/contract.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { sessionQuery, useSession } from "../../lib/session.ts";

type Started = Answer<"/api/auth/totp", "post">;
type Sessions = Answer<"/api/auth/sessions">;

/** The account's second factor: whether it is on, and the way to turn it on. */
export function SecondFactorSection() {
  const { t } = useI18n();
  const user = useSession().data;
  if (!user) return null;
  return (
    <section className="card">
      <h2>{t.auth.secondFactorTitle}</h2>
      {user.secondFactor ? <p>{t.auth.secondFactorOn}</p> : <SecondFactorEnrolment />}
    </section>
  );
}

/**
 * Enrolment: a new secret as a QR code (and as text), confirmed by a code of the app; then the ten
 * recovery codes, shown once, printable. The session is read again once the person has them.
 */
export function SecondFactorEnrolment({ required = false }: { required?: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [code, setCode] = useState("");
  const start = useMutation({ mutationFn: () => sendJson<Started>("POST", "/api/auth/totp") });
  const confirm = useMutation({
    mutationFn: () =>
      sendJson<Answer<"/api/auth/totp/confirm", "post">>("POST", "/api/auth/totp/confirm", { code }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(undefined, { onError: () => setCode("") });
  };
  if (confirm.data) {
    return (
      <div className="recovery-codes print-only-this">
        <h3>{t.auth.recoveryTitle}</h3>
        <p>{t.auth.recoveryIntro}</p>
        <ol className="code-list">
          {confirm.data.recoveryCodes.map((recovery) => (
            <li key={recovery}>
              <code>{recovery}</code>
            </li>
          ))}
        </ol>
        <div className="button-row no-print">
          <button type="button" onClick={() => window.print()}>
            {t.auth.recoveryPrint}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => client.invalidateQueries({ queryKey: sessionQuery().queryKey })}
          >
            {t.auth.recoveryDone}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <p>{required ? t.auth.secondFactorRequired : t.auth.secondFactorOff}</p>
      {!start.data ? (
        <button type="button" className="primary" disabled={start.isPending} onClick={() => start.mutate()}>
          {t.auth.enrolStart}
        </button>
      ) : (
        <form className="form" onSubmit={submit}>
          <p>{t.auth.enrolScan}</p>
          <img
            className="qr-code"
            width={200}
            height={200}
            alt={t.auth.qrAlt}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.data.qrSvg)}`}
          />
          <p className="small">
            {t.auth.enrolSecret} <code className="secret">{start.data.secret}</code>
          </p>
          <label>
            {t.auth.codeLabel}
            <input
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          {confirm.isError && (
            <p className="form-error" role="alert">
              {errorText(confirm.error, t)}
            </p>
          )}
          <button type="submit" className="primary" disabled={confirm.isPending}>
            {t.auth.verify}
          </button>
        </form>
      )}
      {start.isError && (
        <p className="form-error" role="alert">
          {errorText(start.error, t)}
        </p>
      )}
    </div>
  );
}

/** One's own sessions, and a button that signs out every other one. */
export function SessionsSection() {
  const { t, fill } = useI18n();
  const sessions = useQuery({
    queryKey: ["sessions"],
    queryFn: () => fetchJson<Sessions>("/api/auth/sessions"),
  });
  const endOthers = useMutation({
    mutationFn: () => sendJson<{ ended: number }>("DELETE", "/api/auth/sessions"),
    onSuccess: () => sessions.refetch(),
  });
  const list = sessions.data?.sessions ?? [];
  return (
    <section className="card">
      <h2>{t.auth.sessionsTitle}</h2>
      <ul className="session-list">
        {list.map((session) => (
          <li key={session.handle}>
            <strong>
              {session.current
                ? t.auth.sessionCurrent
                : deviceName(session.agent, t.auth.sessionUnknownDevice)}
            </strong>
            {session.current && <span className="muted"> · {deviceName(session.agent, "")}</span>}
            <div className="small muted">
              {fill(t.auth.sessionSince, {
                since: vietnamTime(session.createdAt),
                seen: vietnamTime(session.lastSeenAt),
              })}
              {session.ip ? ` · ${session.ip}` : ""}
            </div>
          </li>
        ))}
      </ul>
      {endOthers.isSuccess && (
        <p className="form-success" role="status">
          {fill(t.auth.otherSessionsEnded, { count: endOthers.data.ended })}
        </p>
      )}
      <button
        type="button"
        disabled={list.length < 2 || endOthers.isPending}
        onClick={() => endOthers.mutate()}
      >
        {t.auth.endOtherSessions}
      </button>
    </section>
  );
}

/** "Chrome trên Android" is enough to recognise a session: the browser and the system from the user agent. */
function deviceName(agent: string | null, unknown: string): string {
  if (!agent) return unknown;
  const browser = /Edg\//.test(agent)
    ? "Edge"
    : /Firefox\//.test(agent)
      ? "Firefox"
      : /Chrome\//.test(agent)
        ? "Chrome"
        : /Safari\//.test(agent)
          ? "Safari"
          : null;
  const system = /Android/.test(agent)
    ? "Android"
    : /iPhone|iPad/.test(agent)
      ? "iOS"
      : /Windows/.test(agent)
        ? "Windows"
        : /Mac OS X/.test(agent)
          ? "macOS"
          : /Linux/.test(agent)
            ? "Linux"
            : null;
  return [browser, system].filter(Boolean).join(" · ") || unknown;
}
