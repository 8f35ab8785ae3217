import { addDays } from "@vneid-tracker/server/domain/dates.ts";
import { Link } from "wouter";
import type { Unit } from "../lib/api.ts";
import { useI18n } from "../lib/i18n.tsx";

/**
 * Says how a unit's figures relate to a change of units: after its end they are those of the units
 * that cover it now; before it began, those of the units it was formed from.
 */
export function UnitChangeNote({
  unit,
  standing,
  date,
}: {
  unit: Unit;
  standing: "valid" | "former" | "future";
  date: string;
}) {
  const { t, f, fill } = useI18n();
  const link = (u: { id: string; name: string }, on: string) => (
    <Link key={u.id} href={`/units/${u.id}?date=${on}`}>
      {u.name}
    </Link>
  );
  if (standing === "former" && unit.validTo) {
    const [before, after] = t.area.former.split("{units}");
    return (
      <p className="notice" role="note">
        {fill(before ?? "", { unit: unit.name, date: f.date(unit.validTo) })}
        {(unit.successors ?? []).map((u, i) => [i > 0 && ", ", link(u, date)])}
        {fill(after ?? "", {})}
      </p>
    );
  }
  if (standing === "future" && unit.validFrom) {
    return (
      <p className="notice" role="note">
        {fill(t.area.future, { unit: unit.name, date: f.date(unit.validFrom) })}
      </p>
    );
  }
  if (unit.predecessors?.length && unit.validFrom) {
    const lastDay = addDays(unit.validFrom, -1);
    const [head, tail] = t.area.formedFrom.split("{units}");
    return (
      <p className="muted small">
        {head}
        {unit.predecessors.map((u, i) => [i > 0 && ", ", link(u, lastDay)])}
        {fill(tail ?? "", { date: f.date(unit.validFrom) })}
      </p>
    );
  }
  return null;
}
