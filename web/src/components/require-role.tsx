import type { ReactNode } from "react";
import { Link } from "wouter";
import type { Role } from "../lib/api.ts";
import { useI18n } from "../lib/i18n.tsx";
import { useSession } from "../lib/session.ts";
import { Skeleton } from "./states.tsx";

/** Shows `children` to the given roles only; the server still decides every request. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  if (session.isPending) return <Skeleton blocks={2} />;
  if (!session.data) {
    return (
      <div className="state" role="alert">
        <p>{t.needSignIn}</p>
        <Link href="/login">{t.signIn}</Link>
      </div>
    );
  }
  if (!roles.includes(session.data.role)) {
    return (
      <div className="state" role="alert">
        <p>{t.notAllowed}</p>
      </div>
    );
  }
  return children;
}
