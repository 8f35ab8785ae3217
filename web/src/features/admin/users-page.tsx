import { useQuery } from "@tanstack/react-query";
import { hasCommune, ROLES, successorCodes } from "@vneid-tracker/server/domain/roles.ts";
import { isReportingUnit } from "@vneid-tracker/server/domain/tree.ts";
import { foldText } from "@vneid-tracker/server/domain/unit-names.ts";
import { type FormEvent, useState } from "react";
import { ContactsForm } from "../../components/contacts-form.tsx";
import { FilterBar } from "../../components/filter-bar.tsx";
import { RequireAccess } from "../../components/require-access.tsx";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { ErrorState, Skeleton } from "../../components/states.tsx";
import type { Role, Unit, User } from "../../lib/api.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { unitsQuery } from "../../lib/queries.ts";
import { useSession } from "../../lib/session.ts";
import { useCreateUser, useResetSecondFactor, usersQuery, useUpdateUser } from "./api.ts";
import { BulkAccounts } from "./bulk-accounts.tsx";

export function UsersPage() {
  return (
    <RequireAccess action="manageUsers">
      <Users />
    </RequireAccess>
  );
}

function Users() {
  const { t, fill } = useI18n();
  const users = useQuery(usersQuery());
  const units = useQuery(unitsQuery());
  const [search, setSearch] = useState("");
  const [roleShown, setRoleShown] = useState<Role | "">("");
  // Commune and youth accounts answer for a commune; police, admin and viewer accounts for any unit
  // of the area (a province, a district, a commune), or the whole area.
  const choices: UnitChoices = {
    communes: (units.data?.units ?? []).filter(isReportingUnit),
    all: (units.data?.units ?? []).filter((u) => u.kind !== "village"),
  };
  if (users.isError) return <ErrorState error={users.error} onRetry={() => users.refetch()} />;
  // A province's hundreds of accounts: found by name, full name or unit, with or without diacritics.
  const unitName = new Map((units.data?.units ?? []).map((u) => [u.id, u.name]));
  const words = foldText(search).trim();
  const shown = (users.data?.users ?? []).filter(
    (user) =>
      (roleShown === "" || user.role === roleShown) &&
      (!words ||
        foldText(
          [user.username, user.fullName ?? "", user.unitId ?? "", unitName.get(user.unitId ?? "") ?? ""].join(
            " ",
          ),
        ).includes(words)),
  );
  return (
    <div className="page">
      <h1 className="page-title">{t.admin.usersTitle}</h1>
      <p className="muted">{t.admin.usersIntro}</p>
      <CreateUser choices={choices} />
      <BulkAccounts />
      {users.data ? (
        <section className="card" aria-labelledby="users-list">
          <h2 id="users-list">{t.admin.usersTitle}</h2>
          <FilterBar
            card={false}
            query={search}
            onQuery={setSearch}
            filterLabel={t.admin.role}
            value={roleShown}
            onValue={setRoleShown}
            options={[
              { value: "" as const, label: t.unitFilters.all },
              ...ROLES.map((role) => ({ value: role, label: t.roles[role] })),
            ]}
            status={fill(t.admin.usersShown, { shown: shown.length, total: users.data.users.length })}
          />
          <ScrollRegion label={t.admin.usersTitle}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.common.username}</th>
                  <th scope="col">{t.admin.role}</th>
                  <th scope="col">{t.admin.boundUnit}</th>
                  <th scope="col">{t.common.status}</th>
                  <th scope="col">{t.admin.secondFactor}</th>
                  <th scope="col">{t.common.actions}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((user) => (
                  <UserRow key={user.id} user={user} choices={choices} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : (
        <Skeleton blocks={2} />
      )}
    </div>
  );
}

/** With `id` it is named by a <label htmlFor>; in a table row, by `label`. */
function RoleSelect({
  value,
  onChange,
  label,
  id,
}: {
  value: Role;
  onChange: (role: Role) => void;
  label?: string;
  id?: string;
}) {
  const { t } = useI18n();
  return (
    <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t.roles[role]}
        </option>
      ))}
    </select>
  );
}

interface UnitChoices {
  communes: Unit[];
  all: Unit[];
}

function UnitSelect({
  value,
  onChange,
  units,
  label,
  id,
}: {
  value: string | null;
  onChange: (unitId: string | null) => void;
  units: Unit[];
  label?: string;
  id?: string;
}) {
  const { t } = useI18n();
  return (
    <select id={id} aria-label={label} value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">{t.admin.noCommune}</option>
      {units.map((unit) => (
        <option key={unit.id} value={unit.id}>
          {unit.name} ({unit.id})
        </option>
      ))}
    </select>
  );
}

function CreateUser({ choices }: { choices: UnitChoices }) {
  const { t, fill } = useI18n();
  const create = useCreateUser();
  const [username, setUsername] = useState("");
  const [role, setRole] = useState<Role>("commune");
  const [unitId, setUnitId] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { username, role, unitId, password },
      {
        onSuccess: () => {
          setUsername("");
          setPassword("");
        },
      },
    );
  };
  return (
    <form className="card form form-grid" onSubmit={submit} aria-labelledby="new-user">
      <h2 id="new-user">{t.admin.newUser}</h2>
      <label>
        {t.common.username}
        <input required autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <div className="field">
        <label htmlFor="new-user-role">{t.admin.role}</label>
        <RoleSelect id="new-user-role" value={role} onChange={setRole} />
      </div>
      <div className="field">
        <label htmlFor="new-user-commune">{t.admin.boundUnit}</label>
        <UnitSelect
          id="new-user-commune"
          value={unitId}
          onChange={setUnitId}
          units={hasCommune(role) ? choices.communes : choices.all}
        />
      </div>
      <label>
        {t.common.password}
        <input
          type="password"
          autoComplete="new-password"
          required
          aria-describedby="new-user-hint"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <p id="new-user-hint" className="small muted full">
        {t.common.passwordHint}
      </p>
      {create.isError && (
        <p className="form-error full" role="alert">
          {errorText(create.error, t)}
        </p>
      )}
      {create.isSuccess && (
        <p className="form-success full" role="status">
          {fill(t.admin.userCreated, { user: create.data.user.username })}
        </p>
      )}
      <button type="submit" className="primary" disabled={create.isPending}>
        {t.admin.create}
      </button>
    </form>
  );
}

function UserRow({ user, choices }: { user: User; choices: UnitChoices }) {
  const { t, fill } = useI18n();
  const session = useSession();
  const update = useUpdateUser();
  const contactsUpdate = useUpdateUser();
  const resetSecondFactor = useResetSecondFactor();
  const [role, setRole] = useState<Role>(user.role);
  const [unitId, setUnitId] = useState<string | null>(user.unitId);
  const [password, setPassword] = useState("");
  const changed = role !== user.role || unitId !== user.unitId;
  const self = session.data?.id === user.id;
  const save = () => update.mutate({ id: user.id, changes: { role, unitId } });
  const toggle = () => {
    if (!user.disabled && !window.confirm(fill(t.admin.confirmDisable, { user: user.username }))) return;
    update.mutate({ id: user.id, changes: { disabled: !user.disabled } });
  };
  const label = (what: string) => `${what}: ${user.username}`;
  return (
    <tr>
      <td>
        {user.username}
        {(user.fullName || user.phone || user.email) && (
          <div className="small muted">
            {[user.fullName, user.phone, user.email].filter(Boolean).join(" · ")}
          </div>
        )}
        <details className="small">
          <summary>{t.contacts.edit}</summary>
          <ContactsForm
            user={user}
            save={(contacts) => contactsUpdate.mutate({ id: user.id, changes: contacts })}
            pending={contactsUpdate.isPending}
            error={contactsUpdate.error}
            saved={contactsUpdate.isSuccess}
            idPrefix={`user-${user.id}`}
          />
        </details>
      </td>
      <td>
        <RoleSelect label={label(t.admin.role)} value={role} onChange={setRole} />
      </td>
      <td>
        <UnitSelect
          label={label(t.admin.boundUnit)}
          value={unitId}
          onChange={setUnitId}
          units={hasCommune(role) ? choices.communes : choices.all}
        />
        {successorCodes(user).length ? (
          <p className="notice small">
            {fill(t.area.accountEnded, {
              unit: user.unitId ?? "",
              units: successorCodes(user)
                .map((id) => choices.communes.find((c) => c.id === id)?.name ?? id)
                .join(", "),
            })}
          </p>
        ) : null}
      </td>
      <td>{user.disabled ? t.admin.disabled : t.admin.active}</td>
      <td>
        {user.secondFactor ? (
          <button
            type="button"
            disabled={resetSecondFactor.isPending}
            onClick={() =>
              window.confirm(fill(t.admin.confirmResetSecondFactor, { user: user.username })) &&
              resetSecondFactor.mutate(user.id)
            }
          >
            {t.admin.resetSecondFactor}
          </button>
        ) : (
          "—"
        )}
        {resetSecondFactor.isError && (
          <p className="form-error" role="alert">
            {errorText(resetSecondFactor.error, t)}
          </p>
        )}
      </td>
      <td>
        <div className="row-actions">
          <button type="button" disabled={!changed || update.isPending} onClick={save}>
            {t.common.save}
          </button>
          <span className="inline-field">
            <input
              type="password"
              autoComplete="new-password"
              aria-label={label(t.common.newPassword)}
              placeholder={t.common.newPassword}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <button
              type="button"
              disabled={password === "" || update.isPending}
              onClick={() =>
                update.mutate({ id: user.id, changes: { password } }, { onSuccess: () => setPassword("") })
              }
            >
              {t.admin.resetPassword}
            </button>
          </span>
          {!self && (
            <button type="button" onClick={toggle} disabled={update.isPending}>
              {user.disabled ? t.admin.enable : t.admin.disable}
            </button>
          )}
        </div>
        {update.isError && (
          <p className="form-error" role="alert">
            {errorText(update.error, t)}
          </p>
        )}
      </td>
    </tr>
  );
}
