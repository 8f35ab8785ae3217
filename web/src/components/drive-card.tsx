import { EFFECT_WINDOW_DAYS } from "@vneid-tracker/server/domain/drives.ts";
import type { ReactNode } from "react";
import type { Unit } from "../lib/api.ts";
import { useI18n } from "../lib/i18n.tsx";
import type { DriveWithEffect } from "../lib/queries.ts";

/** A drive: when, where, who, its status, and for a finished one what it delivered and what followed. */
export function DriveCard({
  drive,
  units,
  children,
}: {
  drive: DriveWithEffect;
  units: ReadonlyMap<string, Unit>;
  children?: ReactNode;
}) {
  const { t, f, fill } = useI18n();
  const place = [
    drive.unitName ?? units.get(drive.unitId)?.name ?? drive.unitId,
    drive.villageId ? (drive.villageName ?? units.get(drive.villageId)?.name) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const time = drive.startTime ? ` ${drive.startTime}${drive.endTime ? `–${drive.endTime}` : ""}` : "";
  const effect = drive.effect;
  return (
    <div className={`drive drive-${drive.status}`}>
      <div className="drive-head">
        <strong>
          {f.date(drive.date)}
          {time}
        </strong>{" "}
        <span className={`status status-${drive.status}`}>{t.statusNames[drive.status]}</span>
      </div>
      <div>
        {place}
        {drive.team && ` — ${drive.team}`}
      </div>
      {drive.status === "done" && drive.registrations !== null ? (
        <div className="small">
          {fill(t.common.results, {
            registrations: f.integer(drive.registrations),
            planned: f.integer(drive.planned),
            share:
              effect?.deliveredPercent === null || !effect ? "—" : `${f.integer(effect.deliveredPercent)}%`,
            linked: f.integer(drive.linked ?? 0),
          })}
        </div>
      ) : (
        <div className="small">
          {t.common.plannedRegistrations}: {f.integer(drive.planned)}
        </div>
      )}
      {effect && (
        <div className="small muted">
          {fill(t.common.effect, {
            before: effect.paceBefore === null ? "—" : f.perDay(effect.paceBefore),
            after: effect.paceAfter === null ? "—" : f.perDay(effect.paceAfter),
            window: EFFECT_WINDOW_DAYS,
          })}
        </div>
      )}
      {drive.notes && <div className="small">{drive.notes}</div>}
      {children}
    </div>
  );
}
