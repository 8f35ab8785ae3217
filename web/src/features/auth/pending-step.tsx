import type { ReactNode } from "react";
import { useI18n } from "../../lib/i18n.tsx";
import { useSession } from "../../lib/session.ts";
import { ChangePassword } from "./account-page.tsx";
import { SecondFactorEnrolment } from "./second-factor.tsx";

/**
 * A session with a step pending (a one-time password to replace, a second factor its role must use)
 * sees that step instead of any page: the server answers nothing else until it is done.
 */
export function PendingStep({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const pending = useSession().data?.pending;
  if (pending === "password") {
    return (
      <div className="narrow">
        <ChangePassword forced />
      </div>
    );
  }
  if (pending === "secondFactor") {
    return (
      <div className="narrow">
        <h1 className="page-title">{t.auth.secondFactorTitle}</h1>
        <section className="card">
          <SecondFactorEnrolment required />
        </section>
      </div>
    );
  }
  return children;
}
