import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { homeOf, useSignIn } from "../../lib/session.ts";

export function LoginPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const signIn = useSignIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Each person lands on their work: a commune account on its commune, a youth team on its drives.
    signIn.mutate({ username, password }, { onSuccess: ({ user }) => navigate(homeOf(user)) });
  };

  return (
    <div className="narrow">
      <h1 className="page-title">{t.auth.signInTitle}</h1>
      <p className="muted">{t.auth.signInIntro}</p>
      <form className="card form" onSubmit={submit}>
        <label>
          {t.common.username}
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          {t.common.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {signIn.isError && (
          <p className="form-error" role="alert">
            {errorText(signIn.error, t)}
          </p>
        )}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? t.auth.signingIn : t.common.signIn}
        </button>
      </form>
    </div>
  );
}
