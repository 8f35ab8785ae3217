import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, sendJson } from "../../lib/api.ts";
import type { Answer } from "../../lib/contract.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";

type Security = Answer<"/api/settings/security">;
const ROLES_WITH_RIGHTS = ["admin", "police"] as const;

/** Which roles must sign in with a second factor (admins by default). */
export function SecuritySection() {
  const { t } = useI18n();
  const client = useQueryClient();
  const security = useQuery({
    queryKey: ["settings", "security"],
    queryFn: () => fetchJson<Security>("/api/settings/security"),
  });
  const save = useMutation({
    mutationFn: (next: Security) => sendJson<Security>("PUT", "/api/settings/security", next),
    onSuccess: (saved) => client.setQueryData(["settings", "security"], saved),
  });
  const roles = security.data?.secondFactorRoles ?? [];
  const toggle = (role: (typeof ROLES_WITH_RIGHTS)[number], on: boolean) =>
    save.mutate({ secondFactorRoles: on ? [...roles, role] : roles.filter((r) => r !== role) });
  return (
    <section className="card" aria-labelledby="security-title">
      <h2 id="security-title">{t.admin.securityTitle}</h2>
      <p className="small muted">{t.admin.securityIntro}</p>
      <fieldset className="checkbox-row" disabled={!security.data || save.isPending}>
        <legend className="visually-hidden">{t.admin.securityTitle}</legend>
        {ROLES_WITH_RIGHTS.map((role) => (
          <label key={role}>
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) => toggle(role, e.target.checked)}
            />{" "}
            {t.roles[role]}
          </label>
        ))}
      </fieldset>
      {save.isSuccess && (
        <p className="form-success" role="status">
          {t.admin.securitySaved}
        </p>
      )}
      {(save.isError || security.isError) && (
        <p className="form-error" role="alert">
          {errorText(save.error ?? security.error, t)}
        </p>
      )}
    </section>
  );
}
