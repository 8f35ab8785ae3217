import { countValue } from "@vneid-tracker/server/domain/counts.ts";
import { checkDrive, type DriveInput } from "@vneid-tracker/server/domain/drives.ts";
import type { ServerProblem } from "@vneid-tracker/server/domain/problem-text.ts";
import { can } from "@vneid-tracker/server/domain/roles.ts";
import { isReportingUnit, isVillage } from "@vneid-tracker/server/domain/tree.ts";
import { type FormEvent, useState } from "react";
import { DateInput } from "../../components/date-input.tsx";
import { ProblemList } from "../../components/problem-list.tsx";
import { ApiRequestError, type Unit, type User } from "../../lib/api.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import type { Drive } from "../../lib/queries.ts";
import { vietnamToday } from "../../lib/today.ts";
import { useSaveDrive } from "./api.ts";

const blank = (unitId: string, date: string): DriveInput => ({
  unitId,
  villageId: null,
  date,
  startTime: "07:30",
  endTime: "11:00",
  team: "",
  planned: 50,
  status: "planned",
  registrations: null,
  linked: null,
  notes: "",
});

/** Plans a drive, or edits one: commune, village, date and time, team, planned registrations, notes. */
export function DriveForm({
  user,
  units,
  editing,
  presetUnit,
  date,
  onDone,
}: {
  user: User;
  units: readonly Unit[];
  editing: Drive | null;
  presetUnit: string | null;
  date: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  // The server bounds an unscoped youth team to the home area; the form offers the communes it lists.
  const listed = (id: string) => units.some((u) => u.id === id);
  const communes = units.filter(
    (u) => isReportingUnit(u) && can(user, "planDrives", { unitId: u.id }, listed),
  );
  // A new drive is planned ahead: on the page's date, or today when that day has passed.
  const today = vietnamToday();
  const firstDay = date < today ? today : date;
  const start = editing ?? blank(presetUnit ?? user.unitId ?? communes[0]?.id ?? "", firstDay);
  const [drive, setDrive] = useState<DriveInput>({ ...start });
  // Typed as text and read by the shared count parser on submit: "1.000" is a thousand, never 1.
  const [planned, setPlanned] = useState(String(start.planned));
  const [problems, setProblems] = useState<ServerProblem[]>([]);
  const save = useSaveDrive();
  const villages = units.filter((u) => isVillage(u) && u.parentId === drive.unitId);
  const set = <K extends keyof DriveInput>(key: K, value: DriveInput[K]) =>
    setDrive({ ...drive, [key]: value });
  const byId = new Map(units.map((u) => [u.id, u]));
  // A new drive on a day already past took place: it is recorded as done, with its results.
  const past = editing === null && drive.date < today;
  const [results, setResults] = useState({ registrations: "", linked: "" });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: DriveInput = {
      ...drive,
      planned: countValue(planned) as number,
      ...(past
        ? {
            status: "done" as const,
            registrations: countValue(results.registrations) as number | null,
            linked: countValue(results.linked) as number | null,
          }
        : {}),
    };
    const found = checkDrive(
      input,
      byId.get(input.unitId),
      input.villageId ? byId.get(input.villageId) : undefined,
      today,
      editing ?? undefined,
    );
    setProblems(found);
    if (found.length > 0) return;
    save.mutate({ id: editing?.id, drive: input }, { onSuccess: onDone });
  };
  const serverProblems =
    save.error instanceof ApiRequestError
      ? (save.error.details as unknown as ServerProblem[]).filter((d) => d.code)
      : [];

  return (
    <form
      className="card form"
      onSubmit={submit}
      noValidate
      aria-labelledby="drive-form-title"
      id="drive-form"
    >
      <h2 id="drive-form-title">{editing ? t.drives.editDrive : t.drives.planDrive}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="drive-unit">{t.common.commune}</label>
          <select
            id="drive-unit"
            value={drive.unitId}
            onChange={(e) => setDrive({ ...drive, unitId: e.target.value, villageId: null })}
          >
            {communes.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="drive-village">{t.drives.village}</label>
          <select
            id="drive-village"
            value={drive.villageId ?? ""}
            onChange={(e) => set("villageId", e.target.value || null)}
          >
            <option value="">{t.drives.anyVillage}</option>
            {villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="drive-date">{t.common.date}</label>
          <DateInput id="drive-date" value={drive.date} onChange={(value) => set("date", value)} />
        </div>
        <label>
          {t.common.startTime}
          <input
            type="time"
            value={drive.startTime ?? ""}
            onChange={(e) => set("startTime", e.target.value || null)}
          />
        </label>
        <label>
          {t.common.endTime}
          <input
            type="time"
            value={drive.endTime ?? ""}
            onChange={(e) => set("endTime", e.target.value || null)}
          />
        </label>
        <label>
          {t.common.team}
          <input value={drive.team} onChange={(e) => set("team", e.target.value)} />
        </label>
        <label>
          {t.common.plannedRegistrations}
          <input inputMode="numeric" value={planned} onChange={(e) => setPlanned(e.target.value)} />
        </label>
        {past && (
          <>
            <p className="full notice">{t.drives.pastDrive}</p>
            <label>
              {t.common.registrations}
              <input
                inputMode="numeric"
                value={results.registrations}
                onChange={(e) => setResults({ ...results, registrations: e.target.value })}
              />
            </label>
            <label>
              {t.drives.linkedOnSite}
              <input
                inputMode="numeric"
                value={results.linked}
                onChange={(e) => setResults({ ...results, linked: e.target.value })}
              />
            </label>
          </>
        )}
        <label className="full">
          {t.common.notes}
          <input value={drive.notes} onChange={(e) => set("notes", e.target.value)} />
        </label>
      </div>
      <ProblemList title={t.common.errorsTitle} problems={[...problems, ...serverProblems]} tone="error" />
      {save.isError && serverProblems.length === 0 && (
        <p className="form-error" role="alert">
          {errorText(save.error, t)}
        </p>
      )}
      {save.isSuccess && (
        <p className="form-success" role="status">
          {t.drives.driveSaved}
        </p>
      )}
      <button type="submit" className="primary" disabled={save.isPending || communes.length === 0}>
        {t.drives.saveDrive}
      </button>
    </form>
  );
}
