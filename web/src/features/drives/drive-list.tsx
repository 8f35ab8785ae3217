import { countValue } from "@vneid-tracker/server/domain/counts.ts";
import { checkDrive } from "@vneid-tracker/server/domain/drives.ts";
import type { ServerProblem } from "@vneid-tracker/server/domain/problem-text.ts";
import { can } from "@vneid-tracker/server/domain/roles.ts";
import { type FormEvent, useState } from "react";
import { DriveCard } from "../../components/drive-card.tsx";
import { ProblemList } from "../../components/problem-list.tsx";
import { ApiRequestError, type Unit, type User } from "../../lib/api.ts";
import { useDraft } from "../../lib/drafts.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import type { Drive, DriveWithEffect } from "../../lib/queries.ts";
import { vietnamToday } from "../../lib/today.ts";
import { useDeleteDrive, useSaveDrive } from "./api.ts";

/** The drives of the period, with the actions the reader's role allows. */
export function DriveList({
  drives,
  units,
  user,
  onEdit,
}: {
  drives: readonly DriveWithEffect[];
  units: ReadonlyMap<string, Unit>;
  user: User | null;
  onEdit: (drive: Drive) => void;
}) {
  const { t } = useI18n();
  if (drives.length === 0) return <p className="muted">{t.common.noDrives}</p>;
  return (
    <ul className="drive-list">
      {drives.map((drive) => (
        <li key={drive.id}>
          <DriveCard drive={drive} units={units}>
            {user &&
              can(user, "planDrives", { unitId: drive.unitId, date: drive.date }, (id) => units.has(id)) && (
                <DriveActions drive={drive} units={units} onEdit={onEdit} />
              )}
          </DriveCard>
        </li>
      ))}
    </ul>
  );
}

function DriveActions({
  drive,
  units,
  onEdit,
}: {
  drive: Drive;
  units: ReadonlyMap<string, Unit>;
  onEdit: (drive: Drive) => void;
}) {
  const { t, f, fill } = useI18n();
  const save = useSaveDrive();
  const remove = useDeleteDrive();
  const [recording, setRecording] = useState(false);
  const [registrations, setRegistrations] = useState("");
  const [linked, setLinked] = useState("");
  const [problems, setProblems] = useState<ServerProblem[]>([]);
  // The results typed in the field are kept on the device until saved (lib/drafts.ts).
  const draft = useDraft(`draft:drive-result:${drive.id}`, { registrations, linked }, (saved) => {
    setRegistrations(saved.registrations);
    setLinked(saved.linked);
    if (saved.registrations !== "" || saved.linked !== "") setRecording(true);
  });
  const record = (event: FormEvent) => {
    event.preventDefault();
    const results = {
      status: "done" as const,
      registrations: countValue(registrations) as number | null,
      linked: countValue(linked) as number | null,
    };
    const found = checkDrive(
      { ...drive, ...results },
      units.get(drive.unitId),
      drive.villageId ? units.get(drive.villageId) : undefined,
      vietnamToday(),
      drive,
    );
    setProblems(found);
    if (found.length > 0) return;
    save.mutate(
      { id: drive.id, drive: results },
      {
        onSuccess: () => {
          setRecording(false);
          void draft.clear();
        },
      },
    );
  };
  const serverProblems =
    save.error instanceof ApiRequestError
      ? (save.error.details as unknown as ServerProblem[]).filter((d) => d.code)
      : [];
  const when = f.date(drive.date);
  const where = (drive as { unitName?: string }).unitName ?? units.get(drive.unitId)?.name ?? drive.unitId;
  return (
    <div className="drive-actions">
      {drive.status === "planned" && (
        <button type="button" onClick={() => setRecording(!recording)} aria-expanded={recording}>
          {t.drives.markDone}
        </button>
      )}
      <button type="button" onClick={() => onEdit(drive)}>
        {t.drives.edit}
      </button>
      {drive.status === "planned" && (
        <button
          type="button"
          onClick={() => {
            if (window.confirm(fill(t.drives.confirmCancelDrive, { date: when, unit: where })))
              save.mutate({ id: drive.id, drive: { status: "cancelled" } });
          }}
        >
          {t.drives.cancelDrive}
        </button>
      )}
      <button
        type="button"
        onClick={() => {
          if (window.confirm(fill(t.drives.confirmDeleteDrive, { date: when, unit: where })))
            remove.mutate(drive.id);
        }}
      >
        {t.drives.deleteDrive}
      </button>
      {recording && (
        <form className="form inline-form" onSubmit={record}>
          <label>
            {t.common.registrations}
            <input
              inputMode="numeric"
              required
              value={registrations}
              onChange={(e) => setRegistrations(e.target.value)}
            />
          </label>
          <label>
            {t.drives.linkedOnSite}
            <input inputMode="numeric" value={linked} onChange={(e) => setLinked(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t.common.save}
          </button>
        </form>
      )}
      <ProblemList title={t.common.errorsTitle} problems={[...problems, ...serverProblems]} tone="error" />
      {((save.isError && serverProblems.length === 0) || remove.isError) && (
        <p className="form-error" role="alert">
          {errorText(save.error ?? remove.error, t)}
        </p>
      )}
    </div>
  );
}
