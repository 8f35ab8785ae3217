import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { RequireAccess } from "../../components/require-access.tsx";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { ErrorState, Skeleton } from "../../components/states.tsx";
import type { AuditRecord } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { unitsQuery } from "../../lib/queries.ts";
import { type AuditFilters, auditQuery } from "./api.ts";

export function AuditPage() {
  return (
    <RequireAccess action="readAudit">
      <Audit />
    </RequireAccess>
  );
}

function Audit() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<AuditFilters>({});
  const [filters, setFilters] = useState<AuditFilters>({});
  const audit = useQuery({ ...auditQuery(filters), placeholderData: keepPreviousData });
  const units = useQuery(unitsQuery());
  const set = (key: keyof AuditFilters) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: event.target.value || undefined });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const unitName = (id: string | null) =>
    id === null ? "" : (units.data?.units.find((u) => u.id === id)?.name ?? id);

  return (
    <div className="page">
      <h1 className="page-title">{t.admin.auditTitle}</h1>
      <p className="muted">{t.admin.auditIntro}</p>
      <form className="card form form-grid" onSubmit={submit}>
        <label>
          {t.admin.filterUser}
          <input value={draft.user ?? ""} onChange={set("user")} />
        </label>
        <label>
          {t.admin.filterUnit}
          <select value={draft.unit ?? ""} onChange={set("unit")}>
            <option value="">{t.admin.anyOption}</option>
            {(units.data?.units ?? []).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.admin.filterAction}
          <select value={draft.action ?? ""} onChange={set("action")}>
            <option value="">{t.admin.anyOption}</option>
            {Object.entries(t.auditActions).map(([action, name]) => (
              <option key={action} value={action}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.admin.filterFrom}
          <input type="date" value={draft.from ?? ""} onChange={set("from")} />
        </label>
        <label>
          {t.admin.filterTo}
          <input type="date" value={draft.to ?? ""} onChange={set("to")} />
        </label>
        <button type="submit" className="primary">
          {t.admin.apply}
        </button>
      </form>
      {audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => audit.refetch()} />
      ) : !audit.data ? (
        <Skeleton blocks={2} />
      ) : (
        <section className="card" aria-label={t.admin.auditTitle}>
          {audit.data.entries.length === 0 ? (
            <p className="muted">{t.admin.noEntries}</p>
          ) : (
            <ScrollRegion label={t.admin.auditTitle}>
              <table className="data-table cards-on-phone">
                <thead>
                  <tr>
                    <th scope="col">{t.admin.when}</th>
                    <th scope="col">{t.admin.who}</th>
                    <th scope="col">{t.admin.what}</th>
                    <th scope="col">{t.admin.target}</th>
                    <th scope="col">{t.admin.change}</th>
                    <th scope="col">{t.admin.address}</th>
                  </tr>
                </thead>
                <tbody>
                  {audit.data.entries.map((entry) => (
                    <tr key={entry.id}>
                      <td className="numeric" data-label={t.admin.when}>
                        {formatTime(entry.at)}
                      </td>
                      <td data-label={t.admin.who}>{entry.username ?? "—"}</td>
                      <td data-label={t.admin.what}>
                        {(t.auditActions as Record<string, string>)[entry.action] ?? entry.action}
                      </td>
                      <td data-label={t.admin.target}>
                        {[entry.entity, entry.entityId, unitName(entry.unitId)].filter(Boolean).join(" · ")}
                      </td>
                      <td className="audit-change" data-label={t.admin.change}>
                        {describeChange(entry)}
                      </td>
                      <td data-label={t.admin.address}>{entry.ip ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </section>
      )}
    </div>
  );
}

/** The time in Vietnam (UTC+7), as the district reads it; the log itself is in UTC. */
function formatTime(isoUtc: string): string {
  const local = new Date(Date.parse(isoUtc) + 7 * 3_600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 19)}`;
}

/**
 * What changed: the fields whose value differs between before and after. A field holding fields of
 * its own (each date of a commune's reports written together) says which of those changed.
 */
export function describeChange(entry: Pick<AuditRecord, "before" | "after">): string {
  return changedFields(entry.before, entry.after).join("; ");
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function changedFields(beforeValue: unknown, afterValue: unknown): string[] {
  const before = isRecord(beforeValue) ? beforeValue : {};
  const after = isRecord(afterValue) ? afterValue : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  return keys.map((key) => {
    const [was, is] = [before[key], after[key]];
    if (isRecord(is) && (was === undefined || isRecord(was)))
      return `${key}: ${changedFields(was, is).join(", ")}`;
    return key in before
      ? `${key}: ${JSON.stringify(was)} → ${JSON.stringify(is)}`
      : `${key}: ${JSON.stringify(is)}`;
  });
}
