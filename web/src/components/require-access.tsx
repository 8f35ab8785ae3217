import { type Action, can } from "@vneid-tracker/server/domain/roles.ts";
import type { ReactNode } from "react";
import { Link } from "wouter";
import { useI18n } from "../lib/i18n.tsx";
import { useSession } from "../lib/session.ts";
import { Skeleton } from "./states.tsx";

/** Shows `children` to signed-in users who may do `action` (any signed-in user without one); the server still decides every request. */
export function RequireAccess({ action, children }: { action?: Action; children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  if (session.isPending) return <Skeleton blocks={2} />;
  if (!session.data) {
    return (
      <div className="state" role="alert">
        <p>{t.common.needSignIn}</p>
        <Link href="/login">{t.common.signIn}</Link>
      </div>
    );
  }
  if (action && !can(session.data, action)) {
    return (
      <div className="state" role="alert">
        <p>{t.common.notAllowed}</p>
      </div>
    );
  }
  return children;
}
