export const UNIT_KINDS = ["country", "province", "district", "commune", "town", "ward", "village"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Commune-level units carry the reports; every other figure is a sum over them. */
export const REPORTING_KINDS: readonly UnitKind[] = ["commune", "town", "ward"];

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
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
