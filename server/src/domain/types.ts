export const UNIT_KINDS = [
  "country",
  "province",
  "district",
  "commune",
  "town",
  "ward",
  "special_zone",
  "village",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Commune-level units carry the reports; every other figure is a sum over them. */
export const REPORTING_KINDS: readonly UnitKind[] = ["commune", "town", "ward", "special_zone"];

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  /**
   * The version's validity, [validFrom, validTo) (docs/figures.md, "Units that change"): null (or absent)
   * from the start and with no end. A code names one version on each date.
   */
  validFrom?: string | null;
  validTo?: string | null;
  /** In an answer about a unit after its end: the units that now cover its territory. */
  successors?: readonly UnitRef[];
  /** In an answer about a unit that began with a change: the units it was formed from. */
  predecessors?: readonly UnitRef[];
}

/** A unit version named in another's answer. */
export interface UnitRef {
  id: string;
  name: string;
  validFrom?: string | null;
  validTo?: string | null;
}

/** Figures of one reporting unit as they stood on `date` (the date the figures describe). */
export interface Report {
  unitId: string;
  date: string;
  population: number;
  level2: number;
  dual: number;
  linked: number;
}

export type Metric = "coverage" | "linking";
export const METRICS: readonly Metric[] = ["coverage", "linking"];

export interface Campaign {
  name: string;
  start: string;
  /** The target must be met on figures dated before this day. */
  deadline: string;
  targets: Record<Metric, number>;
  /** BEHIND is raised when a rate is below expected by more than this many percentage points. */
  tolerancePoints: number;
  /** STALE is raised when the latest report is older than this many days. */
  staleDays: number;
  /** Pace is the least-squares slope over the reports of this many trailing days. */
  paceWindowDays: number;
}
