import { addDays } from "./dates.ts";
import { compareCodes, UnitTree } from "./tree.ts";
import type { Unit } from "./types.ts";

/**
 * One successor's predecessor at a change of units (docs/figures.md, "Units that change"): on `date` the
 * version of `from` that ends then went, whole or in part, into the version of `to` that begins then.
 * `share` is the part of the predecessor's figures that went into the successor: 1 for a whole
 * commune, a fraction for a divided one, null when it was divided and the shares are not given.
 */
export interface Lineage {
  date: string;
  from: string;
  to: string;
  share: number | null;
}

/** Where a unit version stands on a date it is asked about. */
export type Standing = "valid" | "former" | "future";

/** Why a successor's figures before its change are left out (never invented). */
export interface Incomplete {
  /** The change: figures dated before it are incomplete. */
  before: string;
  /** The predecessors whose part is unknown: divided without shares, or outside the deployment's area. */
  units: { id: string; name: string }[];
}

/** How many trees on distinct dates a history keeps built (a page asks for a handful of dates). */
const TREES_KEPT = 16;

/** Where a version stands on `date`: valid then, ended before, or not yet begun. */
export function standingOn(unit: Unit, date: string): Standing {
  if (unit.validTo && unit.validTo <= date) return "former";
  if (unit.validFrom && unit.validFrom > date) return "future";
  return "valid";
}

/** A version's key: its code and the day it began. */
export const versionKey = (unit: Pick<Unit, "id" | "validFrom">) => `${unit.id}@${unit.validFrom ?? ""}`;

const validOn = (unit: Unit, date: string) =>
  (unit.validFrom ?? "") <= date &&
  (unit.validTo === null || unit.validTo === undefined || date < unit.validTo);

/**
 * Every version of every unit a deployment holds, and the lineage between them: the tree on any
 * date, a code resolved on a date, a unit's predecessors and successors.
 */
/** A day before any unit version begins (versions without a beginning are valid on it). */
const FIRST_DAY = "0001-01-01";

export class UnitHistory {
  readonly versions: readonly Unit[];
  readonly lineage: readonly Lineage[];
  private readonly byCode = new Map<string, Unit[]>();
  private readonly into = new Map<string, Lineage[]>();
  private readonly outOf = new Map<string, Lineage[]>();
  private readonly trees = new Map<string, UnitTree>();
  /** The dates on which any version begins or ends: the tree is the same between two of them. */
  private readonly boundaries: string[];

  constructor(versions: readonly Unit[], lineage: readonly Lineage[]) {
    this.versions = versions;
    this.lineage = lineage;
    for (const unit of versions) {
      const list = this.byCode.get(unit.id) ?? [];
      list.push(unit);
      this.byCode.set(unit.id, list);
    }
    for (const list of this.byCode.values())
      list.sort((a, b) => compareCodes(a.validFrom ?? "", b.validFrom ?? ""));
    for (const link of lineage) {
      const into = this.into.get(`${link.to}@${link.date}`) ?? [];
      into.push(link);
      this.into.set(`${link.to}@${link.date}`, into);
      const outOf = this.outOf.get(`${link.from}@${link.date}`) ?? [];
      outOf.push(link);
      this.outOf.set(`${link.from}@${link.date}`, outOf);
    }
    const dates = new Set<string>();
    for (const unit of versions) {
      if (unit.validFrom) dates.add(unit.validFrom);
      if (unit.validTo) dates.add(unit.validTo);
    }
    this.boundaries = [...dates].sort(compareCodes);
  }

  /** The units valid on `date`, as one tree. */
  treeOn(date: string): UnitTree {
    // Trees are shared between the dates of one period (between two boundaries).
    let period = "";
    for (const boundary of this.boundaries) if (boundary <= date) period = boundary;
    let tree = this.trees.get(period);
    if (!tree) {
      tree = new UnitTree(this.versions.filter((unit) => validOn(unit, date)));
      if (this.trees.size >= TREES_KEPT) this.trees.delete(this.trees.keys().next().value as string);
      this.trees.set(period, tree);
    }
    return tree;
  }

  /** Every version of a code, oldest first. */
  versionsOf(code: string): readonly Unit[] {
    return this.byCode.get(code) ?? [];
  }

  /** The version of `code` valid on `date`. */
  versionOn(code: string, date: string): Unit | undefined {
    return this.versionsOf(code).find((unit) => validOn(unit, date));
  }

  /**
   * A code asked about on a date: the version valid then; else the latest that ended before (a
   * former unit); else the first that begins after (a unit not yet formed). Undefined for a code the
   * deployment has never held.
   */
  resolve(code: string, date: string): { unit: Unit; standing: Standing } | undefined {
    // (The same order as standingOn: the valid version, else a former one, else a later one.)
    const versions = this.versionsOf(code);
    const valid = versions.find((unit) => validOn(unit, date));
    if (valid) return { unit: valid, standing: "valid" };
    const former = versions.filter((unit) => unit.validTo && unit.validTo <= date).at(-1);
    if (former) return { unit: former, standing: "former" };
    const future = versions.find((unit) => unit.validFrom && unit.validFrom > date);
    return future ? { unit: future, standing: "future" } : undefined;
  }

  /** The versions that went into `unit` when it began, with the share of each. */
  predecessorsOf(unit: Unit): { link: Lineage; unit: Unit | undefined }[] {
    if (!unit.validFrom) return [];
    const day = unit.validFrom;
    return (this.into.get(`${unit.id}@${day}`) ?? []).map((link) => ({
      link,
      unit: this.versionsOf(link.from).find((v) => v.validTo === day),
    }));
  }

  /** The versions `unit` went into when it ended. */
  successorsOf(unit: Unit): Unit[] {
    if (!unit.validTo) return [];
    const day = unit.validTo;
    return (this.outOf.get(`${unit.id}@${day}`) ?? [])
      .map((link) => this.versionsOf(link.to).find((v) => v.validFrom === day))
      .filter((v): v is Unit => v !== undefined);
  }

  /**
   * The reporting units valid on `date` that cover the territory `unit`'s reporting units had when it
   * ended: its successors, followed through every change up to `date`, in code order.
   */
  coveringOn(unit: Unit, date: string): Unit[] {
    const last = unit.validTo ? this.treeOn(addDays(unit.validTo, -1)) : this.treeOn(date);
    const found = new Map<string, Unit>();
    const stack = [...last.reportingUnitsUnder(unit.id)];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const at = stack.pop() as Unit;
      if (seen.has(versionKey(at))) continue;
      seen.add(versionKey(at));
      if (validOn(at, date)) found.set(at.id, at);
      else if (at.validTo && at.validTo <= date) stack.push(...this.successorsOf(at));
    }
    return [...found.values()].sort((a, b) => compareCodes(a.id, b.id));
  }

  /**
   * What an account bound to `unit` answers for on `today`: the unit and every version under it over
   * its validity (districts, communes, villages, in each period's tree) and, once it has ended, the
   * communes that cover it on `today` with their villages.
   */
  subtreeOf(unit: Unit, today: string): Unit[] {
    const found = new Map<string, Unit>([[versionKey(unit), unit]]);
    const from = unit.validFrom ?? FIRST_DAY;
    const periods = [from, ...this.boundaries.filter((d) => d > from && (!unit.validTo || d < unit.validTo))];
    for (const day of periods) {
      for (const under of this.treeOn(day).descendantsOf(unit.id)) found.set(versionKey(under), under);
    }
    if (unit.validTo && unit.validTo <= today) {
      const tree = this.treeOn(today);
      for (const covering of this.coveringOn(unit, today)) {
        found.set(versionKey(covering), covering);
        for (const under of tree.descendantsOf(covering.id)) found.set(versionKey(under), under);
      }
    }
    return [...found.values()];
  }

  /**
   * The codes whose figures depend on reports of `codes`: themselves and, through the lineage, every
   * later unit their figures went into (a revision of an old commune's report changes its successor's history).
   */
  dependentCodes(codes: Iterable<string>): Set<string> {
    const found = new Set<string>();
    const stack = [...codes];
    while (stack.length > 0) {
      const code = stack.pop() as string;
      if (found.has(code)) continue;
      found.add(code);
      for (const version of this.versionsOf(code))
        for (const next of this.successorsOf(version)) stack.push(next.id);
    }
    return found;
  }

  /**
   * Where a reporting unit version's figures come from: its own reports while it is valid, then
   * (before it began) its predecessors' histories, each scaled by its share. A predecessor whose share
   * is unknown or that the deployment does not hold makes the earlier figures incomplete: they are
   * left out and named, never invented.
   */
  sourcesOf(unit: Unit): HistorySource {
    const predecessors = this.predecessorsOf(unit);
    const missing = predecessors.filter((p) => p.link.share === null || p.unit === undefined);
    return {
      unit,
      predecessors:
        missing.length > 0 || predecessors.length === 0
          ? []
          : predecessors.map((p) => ({
              share: p.link.share as number,
              source: this.sourcesOf(p.unit as Unit),
            })),
      incomplete:
        missing.length > 0
          ? {
              before: unit.validFrom as string,
              units: missing.map((p) => ({ id: p.link.from, name: p.unit?.name ?? p.link.from })),
            }
          : null,
    };
  }
}

/** A reporting unit version and the sources of its figures before it began (UnitHistory.sourcesOf). */
export interface HistorySource {
  unit: Unit;
  predecessors: { share: number; source: HistorySource }[];
  incomplete: Incomplete | null;
}

/** Every code a source reads reports of. */
export function sourceCodes(source: HistorySource, into = new Set<string>()): Set<string> {
  into.add(source.unit.id);
  for (const p of source.predecessors) sourceCodes(p.source, into);
  return into;
}

/** Whether a source is a unit's own reports only (the common case, read the fast way). */
export const ownReportsOnly = (source: HistorySource) =>
  source.predecessors.length === 0 && !source.unit.validFrom && !source.unit.validTo;

/** The units an answer about `unit` on `date` covers: itself and its children, as one tree. */
export interface Scope {
  /**
   * The version asked about, with its successors (after its end) or predecessors (when it began
   * with a change): the `unit` of the answer.
   */
  unit: Unit;
  standing: Standing;
  tree: UnitTree;
}

const ref = (unit: Unit) => ({
  id: unit.id,
  name: unit.name,
  validFrom: unit.validFrom ?? null,
  validTo: unit.validTo ?? null,
});

/**
 * What figures of `version` on `date` are made of (docs/figures.md, "Units that change"): while it is
 * valid, the tree of that date; after its end, the units that now cover its territory, as its
 * children; before it began, its own tree as it began (its communes' figures then are their
 * predecessors', see lineage-history.ts).
 */
export function scopeOf(history: UnitHistory, version: Unit, date: string): Scope {
  const standing = standingOn(version, date);
  const predecessors = history
    .predecessorsOf(version)
    .map((p) => p.unit ?? { id: p.link.from, name: p.link.from });
  const unit: Unit = {
    ...version,
    ...(predecessors.length > 0 ? { predecessors: predecessors.map((p) => ref(p as Unit)) } : {}),
  };
  if (standing === "valid") return { unit, standing, tree: history.treeOn(date) };
  if (standing === "future") return { unit, standing, tree: history.treeOn(version.validFrom as string) };
  const covering = history.coveringOn(version, date);
  const direct = history.successorsOf(version);
  const former: Unit = { ...unit, successors: (direct.length > 0 ? direct : covering).map(ref) };
  return {
    unit: former,
    standing,
    tree: new UnitTree([former, ...covering.map((u) => ({ ...u, parentId: version.id }))]),
  };
}

/** The versions and, through every change before them, the versions they were formed from, by key. */
export function withPredecessors(history: UnitHistory, units: readonly Unit[]): Map<string, Unit> {
  const found = new Map<string, Unit>();
  const stack = [...units];
  while (stack.length > 0) {
    const unit = stack.pop() as Unit;
    if (found.has(versionKey(unit))) continue;
    found.set(versionKey(unit), unit);
    for (const p of history.predecessorsOf(unit)) if (p.unit) stack.push(p.unit);
  }
  return found;
}

/** A code's version at another time than a date it is asked about, and the units to use instead. */
export interface OtherVersion {
  unit: Unit;
  standing: "former" | "future";
  /** Their names, as a message lists them. */
  others: string;
}

/** When no version of `code` is valid on `date`: the one that ended before or begins after it. */
export function otherVersion(history: UnitHistory, code: string, date: string): OtherVersion | undefined {
  const found = history.resolve(code, date);
  if (!found || found.standing === "valid") return undefined;
  const others =
    found.standing === "former"
      ? history.coveringOn(found.unit, date)
      : history.predecessorsOf(found.unit).map((p) => p.unit ?? { id: p.link.from, name: p.link.from });
  return {
    unit: found.unit,
    standing: found.standing,
    others: others.map((u) => `${u.name} (${u.id})`).join(" / "),
  };
}
