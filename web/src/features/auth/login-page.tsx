import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { homeOf, needsSecondFactor, useSignIn } from "../../lib/session.ts";

export function LoginPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const signIn = useSignIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  // The second step, once the server asked for it: the app's code, or a recovery code.
  const [askCode, setAskCode] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const second = !askCode ? {} : useRecovery ? { recoveryCode: code } : { totp: code };
    // Each person lands on their work: a commune account on its commune, a youth team on its drives.
    signIn.mutate(
      { username, password, ...second },
      {
        onSuccess: ({ user }) => navigate(homeOf(user)),
        onError: (error) => {
          if (needsSecondFactor(error)) setAskCode(true);
          setCode("");
        },
      },
    );
  };
  const showError = signIn.isError && !needsSecondFactor(signIn.error);

  return (
    <div className="narrow">
      <h1 className="page-title">{t.auth.signInTitle}</h1>
      <p className="muted">{askCode ? t.auth.codeIntro : t.auth.signInIntro}</p>
      <form className="card form" onSubmit={submit}>
        {!askCode && (
          <>
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
          </>
        )}
        {askCode && (
          <>
            <label>
              {useRecovery ? t.auth.recoveryCodeLabel : t.auth.codeLabel}
              <input
                name="code"
                autoComplete="one-time-code"
                inputMode={useRecovery ? "text" : "numeric"}
                required
                // biome-ignore lint/a11y/noAutofocus: the field the second step is about, right after the first
                autoFocus
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </label>
            <button type="button" className="link-button" onClick={() => setUseRecovery(!useRecovery)}>
              {useRecovery ? t.auth.useAppCode : t.auth.useRecoveryCode}
            </button>
          </>
        )}
        {showError && (
          <p className="form-error" role="alert">
            {errorText(signIn.error, t)}
          </p>
        )}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? t.auth.signingIn : askCode ? t.auth.verify : t.common.signIn}
        </button>
      </form>
    </div>
  );
}
