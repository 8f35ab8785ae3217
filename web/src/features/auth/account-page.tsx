import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type Contacts, ContactsForm } from "../../components/contacts-form.tsx";
import { RequireAccess } from "../../components/require-access.tsx";
import { sendJson, type User } from "../../lib/api.ts";
import { errorText, fieldError } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { sessionQuery, useSession } from "../../lib/session.ts";
import { SecondFactorSection, SessionsSection } from "./second-factor.tsx";

export function AccountPage() {
  const { t, fill } = useI18n();
  const user = useSession().data;
  return (
    <RequireAccess>
      <div className="narrow">
        <h1 className="page-title">{t.auth.account}</h1>
        {user && <p>{fill(t.common.signedInAs, { user: user.username, role: t.roles[user.role] })}</p>}
        {user && <OwnContacts user={user} />}
        <ChangePassword />
        <SecondFactorSection />
        <SessionsSection />
      </div>
    </RequireAccess>
  );
}

/** One's own name and the contacts reminders reach. */
function OwnContacts({ user }: { user: User }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (contacts: Contacts) => sendJson<{ user: User }>("PATCH", "/api/auth/me", contacts),
    onSuccess: ({ user: changed }) => client.setQueryData(sessionQuery().queryKey, changed),
  });
  return (
    <section className="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t.contacts.title}</h2>
      <p className="muted">
        {user.role === "commune"
          ? t.contacts.intro
          : user.role === "police" || user.role === "admin"
            ? t.contacts.introOfficer
            : t.contacts.introNone}
      </p>
      <ContactsForm
        user={user}
        save={(contacts) => change.mutate(contacts)}
        pending={change.isPending}
        error={change.error}
        saved={change.isSuccess}
        idPrefix="own"
      />
    </section>
  );
}

/** The form to change one's password; `forced`: the one-time password of a new account. */
export function ChangePassword({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const change = useMutation({
    mutationFn: () =>
      sendJson<{ user: User }>("POST", "/api/auth/password", { currentPassword, newPassword }),
    onSuccess: ({ user }) => {
      client.setQueryData(sessionQuery().queryKey, user);
      setCurrent("");
      setNew("");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{forced ? t.auth.setOwnPasswordTitle : t.auth.changePassword}</h2>
      {forced && <p>{t.auth.setOwnPasswordIntro}</p>}
      <label>
        {forced ? t.auth.oneTimePassword : t.auth.currentPassword}
        <input
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </label>
      {fieldError(change.error, "currentPassword", t) && (
        <p className="form-error">{fieldError(change.error, "currentPassword", t)}</p>
      )}
      <label>
        {t.common.newPassword}
        <input
          type="password"
          autoComplete="new-password"
          required
          aria-describedby="password-hint"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
        />
      </label>
      <p id="password-hint" className="small muted">
        {t.common.passwordHint}
      </p>
      {change.isError && !fieldError(change.error, "currentPassword", t) && (
        <p className="form-error" role="alert">
          {errorText(change.error, t)}
        </p>
      )}
      {change.isSuccess && (
        <p className="form-success" role="status">
          {t.auth.saved}
        </p>
      )}
      <button type="submit" className="primary" disabled={change.isPending}>
        {t.auth.changePassword}
      </button>
    </form>
  );
}
