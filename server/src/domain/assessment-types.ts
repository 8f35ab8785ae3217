import type { Flag } from "./flags.ts";
import type { Metric } from "./types.ts";

// What an assessment is made of: the figures, each metric's status and the state that sums up from
// communes to their parents (docs/figures.md defines each field).

export interface Figures {
  population: number;
  level2: number;
  dual: number;
  linked: number;
  /** Reporting units with a report on or before the date. */
  reporting: number;
  /** All reporting units under the unit. */
  expected: number;
  /** The oldest and newest of the reports used (null when none is). */
  oldestReport: string | null;
  latestReport: string | null;
}

export interface MetricStatus {
  /** The metric's count (level-2 or linked accounts) and what it is measured against (population or people with both accounts). */
  count: number;
  base: number;
  rate: number | null;
  percent: string | null;
  expectedRate: number | null;
  expectedPercent: string | null;
  /** People needed to be back on the trajectory (negative when ahead of it). */
  gapToExpected: number | null;
  /** People still needed to reach the target. */
  remaining: number;
  pacePerDay: number | null;
  requiredPerDay: number | null;
  /** How many more a day than the current pace the required pace asks for (0 when the pace suffices). */
  shortfallPerDay: number | null;
  eta: string | null;
  /** Why `eta` is what it is: reached (nothing remains), date, never (a unit makes no progress), unknown (a pace is unknown). */
  etaKind: EtaKind | null;
  /** ceil(target × population) summed over the reporting units. */
  targetCount: number;
  /** Where the current paces lead on the deadline: each unit's count plus pace × days left, capped at its target. */
  projection: { date: string; count: number; percent: string | null } | null;
  /** The reporting units by standing: done, on track, off track, not yet judged (unknown pace or no report). */
  units: Record<Standing, number>;
  /** BEHIND or OFF_PACE on this metric. */
  lagging: boolean;
  /** Change since the figures of seven days earlier. */
  weekChange: { accounts: number; points: number } | null;
}

export type Standing = "done" | "onTrack" | "offTrack" | "notJudged";
export type EtaKind = "reached" | "date" | "never" | "unknown";

/** A reporting unit that will not reach the target before the deadline at its current pace. */
export interface OffTrackUnit {
  id: string;
  name: string;
  eta: string | null;
  /** The projected shortfall at the deadline: target count − projection. */
  shortfall: number;
}

export interface Assessment {
  figures: Figures;
  coverage: MetricStatus;
  linking: MetricStatus;
  flags: Flag[];
  lagging: boolean;
}

/** What sums up from reporting units to their parents. */
export interface UnitState {
  figures: Figures;
  metrics: Record<Metric, MetricState>;
  staleUnits: number;
  dataUnits: number;
  /** STALE and DATA flags of a reporting unit; a parent's are derived from the counts above. */
  ownFlags: Flag[];
}

export interface MetricState {
  count: number;
  base: number;
  /** Over the units whose trajectory is known on the date: the expected count and the actual one. */
  track: { expectedCount: number; base: number; count: number } | null;
  /** The same figures seven days earlier, over the units that had a report then. */
  weekAgo: { count: number; base: number } | null;
  pace: number | null;
  /** Summed over the reporting units, each judged by its own figures (never by the parent's totals). */
  targetCount: number;
  remaining: number;
  projected: number;
  units: Record<Standing, number>;
  etaKind: EtaKind;
  etaDate: string | null;
  /** The units off track, most projected shortfall first, at most OFF_TRACK_LISTED of them. */
  offTrack: OffTrackUnit[];
}

/** How many off-track units a parent's OFF_PACE flag names (the count says how many there are). */
export const OFF_TRACK_LISTED = 10;
