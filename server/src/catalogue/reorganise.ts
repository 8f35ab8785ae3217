import { addDays } from "../domain/dates.ts";
import { compareCodes, isReportingUnit, isVillage } from "../domain/tree.ts";
import type { Unit } from "../domain/types.ts";
import type { Lineage, UnitHistory } from "../domain/unit-history.ts";
import type { Catalogue, CatalogueUnit } from "./catalogue.ts";

/** A divided commune's share of its figures that went into one new commune (`--shares FILE`). */
export interface Share {
  oldCode: string;
  newCode: string;
  share: number;
}

/** What applying the merger table to a deployment would do, for the preview and then the change. */
export interface ReorganisationPlan {
  date: string;
  /** Versions that end on `date` (districts, provinces, the merged communes). */
  ending: Unit[];
  /** The new versions that begin on `date` (new communes, a new province covered whole, villages moved). */
  beginning: Unit[];
  lineage: Lineage[];
  /** Which history feeds which successor, as the preview shows it. */
  successors: {
    unit: Unit;
    predecessors: { id: string; name: string; share: number | null; held: boolean }[];
    /** Its figures before `date` are left out: a divided predecessor without shares, or one outside the area. */
    incomplete: boolean;
  }[];
  /** Why it cannot be applied; empty when it can. */
  problems: string[];
  /** The same change was applied before: applying it again changes nothing. */
  alreadyApplied: boolean;
}

/**
 * Plans the change of units of `date` for a deployment from the national merger table: every
 * reporting unit of the area valid the day before ends, each new commune any of them went into
 * begins (its predecessors, with their shares, as lineage), and so do a new province and the
 * villages of a commune merged whole; nothing outside the area is touched. `only` keeps the new
 * communes to those codes (setting up a 2025 area: its own communes, not every neighbour of a
 * divided one).
 */
export function planReorganisation(
  history: UnitHistory,
  catalogue: Catalogue,
  date: string,
  shares: readonly Share[] = [],
  only?: ReadonlySet<string>,
): ReorganisationPlan {
  const problems: string[] = [];
  const before = history.treeOn(addDays(date, -1));
  const open = before.units.filter((u) => !u.validTo);
  const held = new Map(open.map((u) => [u.id, u]));
  const plan: ReorganisationPlan = {
    date,
    ending: [],
    beginning: [],
    lineage: [],
    successors: [],
    problems,
    alreadyApplied: false,
  };
  if (history.lineage.some((link) => link.date === date)) {
    plan.alreadyApplied = true;
    return plan;
  }
  const reporting = open.filter(isReportingUnit);
  // The merger table turns communes of 2024 into those of 2025: communes formed by a change are past it.
  const formed = reporting
    .filter((u) => u.validFrom)
    .sort((a, b) => compareCodes(a.validFrom ?? "", b.validFrom ?? ""));
  if (formed.length > 0) {
    const first = formed[0] as Unit;
    problems.push(
      `The communes of this area were already reorganised on ${first.validFrom} (${formed.length} communes, ${first.name} (${first.id}) among them): a second change on ${date} is refused.`,
    );
    return plan;
  }
  if (reporting.length === 0) {
    problems.push(
      `The deployment has no commune valid on ${addDays(date, -1)}: there is nothing to reorganise.`,
    );
    return plan;
  }
  const rowsByOld = groupBy(catalogue.merger, (row) => row.oldCode);
  const rowsByNew = groupBy(catalogue.merger, (row) => row.newCode);
  const unmatched = reporting.filter((u) => !rowsByOld.has(u.id)).map((u) => `${u.name} (${u.id})`);
  if (unmatched.length > 0) problems.push(`The merger table has no row for ${unmatched.join(", ")}.`);

  const newCodes = new Set(
    [...held.keys()]
      .flatMap((code) => rowsByOld.get(code) ?? [])
      .map((row) => row.newCode)
      .filter((code) => !only || only.has(code)),
  );
  const shareOf = new Map(shares.map((s) => [`${s.oldCode}>${s.newCode}`, s.share]));
  checkShares(shares, rowsByOld, problems);

  // A new province is held when every one of its communes is: otherwise the new communes are the top of the area.
  const provinces = new Map<string, CatalogueUnit>();
  for (const code of newCodes) {
    const unit = catalogue.get("2025", code);
    if (!unit) {
      problems.push(`The 2025 catalogue has no unit ${code}.`);
      continue;
    }
    const province = unit.parentCode ? catalogue.get("2025", unit.parentCode) : undefined;
    if (province && catalogue.children("2025", province.code).every((c) => newCodes.has(c.code)))
      provinces.set(province.code, province);
  }
  const country = open.find((u) => u.kind === "country");
  for (const province of [...provinces.values()].sort((a, b) => compareCodes(a.code, b.code))) {
    plan.beginning.push(version(province, country?.id ?? null, date));
  }
  for (const code of [...newCodes].sort(compareCodes)) {
    const unit = catalogue.get("2025", code);
    if (!unit) continue;
    const parent = unit.parentCode && provinces.has(unit.parentCode) ? unit.parentCode : null;
    const successor = version(unit, parent, date);
    plan.beginning.push(successor);
    const predecessors = (rowsByNew.get(code) ?? []).map((row) => {
      const old = held.get(row.oldCode);
      const share = row.split ? (shareOf.get(`${row.oldCode}>${code}`) ?? null) : 1;
      plan.lineage.push({ date, from: row.oldCode, to: code, share });
      return { id: row.oldCode, name: old?.name ?? row.oldCode, share, held: old !== undefined };
    });
    plan.successors.push({
      unit: successor,
      predecessors,
      incomplete: predecessors.some((p) => p.share === null || !p.held),
    });
  }
  // Everything of the area valid the day before ends, but the country; villages of a commune merged
  // whole move to its successor (a divided commune's villages end: which part they went to is unknown).
  for (const unit of open) {
    if (unit.kind === "country") continue;
    plan.ending.push({ ...unit, validTo: date });
    if (!isVillage(unit) || !unit.parentId) continue;
    const rows = rowsByOld.get(unit.parentId) ?? [];
    const into = rows.length === 1 && !rows[0]?.split ? rows[0]?.newCode : undefined;
    if (into && newCodes.has(into))
      plan.beginning.push({ ...unit, parentId: into, validFrom: date, validTo: null });
  }
  return plan;
}

const version = (unit: CatalogueUnit, parentId: string | null, date: string): Unit => ({
  id: unit.code,
  name: unit.name,
  kind: unit.kind,
  parentId,
  validFrom: date,
  validTo: null,
});

/** Shares name pairs of the merger table, each within (0, 1], each divided commune's summing to 1. */
function checkShares(
  shares: readonly Share[],
  rowsByOld: ReadonlyMap<string, readonly { newCode: string; split: boolean }[]>,
  problems: string[],
) {
  const sums = new Map<string, number>();
  for (const s of shares) {
    const row = rowsByOld.get(s.oldCode)?.find((r) => r.newCode === s.newCode);
    if (!row) problems.push(`Share ${s.oldCode} → ${s.newCode}: the merger table has no such pair.`);
    else if (!row.split)
      problems.push(`Share ${s.oldCode} → ${s.newCode}: ${s.oldCode} was not divided (its share is 1).`);
    if (!(s.share > 0 && s.share <= 1))
      problems.push(`Share ${s.oldCode} → ${s.newCode}: ${s.share} is not within (0, 1].`);
    sums.set(s.oldCode, (sums.get(s.oldCode) ?? 0) + s.share);
  }
  for (const [code, sum] of sums) {
    if (Math.abs(sum - 1) > 1e-6) problems.push(`The shares of ${code} sum to ${sum}, not 1.`);
  }
}

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const found = map.get(k);
    if (found) found.push(item);
    else map.set(k, [item]);
  }
  return map;
}
