import { Link } from "wouter";
import { ApiRequestError } from "../lib/api.ts";
import { errorText } from "../lib/error-text.ts";
import { useI18n } from "../lib/i18n.tsx";

/** Grey blocks in the shape of what is loading. */
export function Skeleton({ blocks = 3 }: { blocks?: number }) {
  const { t } = useI18n();
  return (
    <div className="skeleton" aria-busy="true" role="status">
      <span className="visually-hidden">{t.common.loading}</span>
      {Array.from({ length: blocks }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders
        <div key={i} className="skeleton-block" />
      ))}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const needsSignIn = error instanceof ApiRequestError && error.status === 401;
  // Not a failure: a deployment set up without the demo waits for its admin's first campaign.
  const noCampaign = error instanceof ApiRequestError && error.code === "NO_CAMPAIGN";
  return (
    <div className={noCampaign ? "state" : "state state-error"} role={noCampaign ? "status" : "alert"}>
      <h2>{noCampaign ? t.common.noCampaignTitle : t.common.errorTitle}</h2>
      <p>{errorText(error, t)}</p>
      {needsSignIn ? (
        <Link href="/login">{t.common.signIn}</Link>
      ) : noCampaign ? (
        <Link href="/admin/settings">{t.common.navSettings}</Link>
      ) : (
        <button type="button" onClick={onRetry}>
          {t.common.retry}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ text }: { text: string }) {
  return (
    <div className="state state-empty">
      <p>{text}</p>
    </div>
  );
}
