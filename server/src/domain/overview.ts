import { assess } from "./assess.ts";
import type { Assessment, MetricStatus, UnitState } from "./assessment-types.ts";
import { daysBetween } from "./dates.ts";
import { compareCodes, type UnitTree } from "./tree.ts";
import { type Campaign, METRICS, type Metric, type Report, type Unit } from "./types.ts";
import { reportingUnitState, sumStates } from "./unit-state.ts";

export interface ChildOverview extends Assessment {
  unit: Unit;
  /** 1 for the highest coverage among the children with figures; null without figures. */
  rank: number | null;
}

export interface UnitOverview extends Assessment {
  unit: Unit;
  date: string;
  daysLeft: number;
  children: ChildOverview[];
  /** Ids of the children lagging on coverage, most projected shortfall at the deadline first. */
  laggingOrder: string[];
  /** The same order for each metric (the metric switch switches the lagging list too). */
  laggingOrderByMetric: Record<Metric, string[]>;
}

/**
 * The figures of `unitId` and of each child on `date`. `histories` holds, per reporting unit,
 * its reports sorted by date (at least those the assessment reads: see assessment-reads.ts).
 */
export function overviewOf(
  tree: UnitTree,
  unitId: string,
  histories: ReadonlyMap<string, readonly Report[]>,
  campaign: Campaign,
  date: string,
): UnitOverview {
  return overviewFromStates(tree, unitId, statesOn(tree, unitId, histories, campaign, date), campaign, date);
}

/** Each reporting unit's state on `date` under `unitId`, from its reports. */
export function statesOn(
  tree: UnitTree,
  unitId: string,
  histories: ReadonlyMap<string, readonly Report[]>,
  campaign: Campaign,
  date: string,
): Map<string, UnitState> {
  const states = new Map<string, UnitState>();
  for (const reporting of tree.reportingUnitsUnder(unitId)) {
    states.set(
      reporting.id,
      reportingUnitState(reporting, histories.get(reporting.id) ?? [], campaign, date),
    );
  }
  return states;
}

/** The same overview from the states of the reporting units (a store keeps them: store/areas/reports.ts). */
export function overviewFromStates(
  tree: UnitTree,
  unitId: string,
  states: ReadonlyMap<string, UnitState>,
  campaign: Campaign,
  date: string,
): UnitOverview {
  const unit = tree.get(unitId);
  if (!unit) throw new Error(`unknown unit ${unitId}`);
  const assessUnit = (target: Unit): Assessment => {
    const parts = tree.reportingUnitsUnder(target.id).map((u) => states.get(u.id) as UnitState);
    const isParent = tree.sumsOthers(target.id);
    return assess(isParent ? sumStates(parts) : (parts[0] as UnitState), campaign, date, isParent);
  };
  const children = withRanks(
    tree.childrenWithFigures(unitId).map((child) => ({ unit: child, ...assessUnit(child) })),
  );
  const laggingOrderByMetric = {} as Record<Metric, string[]>;
  for (const metric of METRICS) laggingOrderByMetric[metric] = laggingOrder(children, metric);
  return {
    unit,
    date,
    daysLeft: daysBetween(date, campaign.deadline),
    ...assessUnit(unit),
    children,
    laggingOrder: laggingOrderByMetric.coverage,
    laggingOrderByMetric,
  };
}

function withRanks(children: ({ unit: Unit } & Assessment)[]): ChildOverview[] {
  const ranked = children
    .filter((child) => child.coverage.rate !== null)
    .sort(
      (a, b) =>
        (b.coverage.rate as number) - (a.coverage.rate as number) || compareCodes(a.unit.id, b.unit.id),
    );
  return children.map((child) => ({
    ...child,
    rank: ranked.includes(child) ? ranked.indexOf(child) + 1 : null,
  }));
}

/** Every reporting unit under `unitId`, assessed on `date` (for exports: one line per commune). */
export function reportingUnitsOn(
  tree: UnitTree,
  unitId: string,
  states: ReadonlyMap<string, UnitState>,
  campaign: Campaign,
  date: string,
): ({ unit: Unit } & Assessment)[] {
  return tree.reportingUnitsUnder(unitId).map((unit) => ({
    unit,
    ...assess(states.get(unit.id) as UnitState, campaign, date, false),
  }));
}

/**
 * The children lagging on `metric`, most projected shortfall at the deadline first (target count −
 * projection), then most accounts needed to get back on the trajectory.
 */
export function laggingOrder(children: readonly ({ unit: Unit } & Assessment)[], metric: Metric): string[] {
  return children
    .filter((child) => child[metric].lagging)
    .sort((a, b) => compareNeed(a, b, metric))
    .map((child) => child.unit.id);
}

/** The order of need: projected shortfall at the deadline, then the gap to the trajectory, then code. */
export function compareNeed(
  a: { unit: Unit } & Pick<Assessment, Metric>,
  b: { unit: Unit } & Pick<Assessment, Metric>,
  metric: Metric,
): number {
  return (
    shortfallAtDeadline(b[metric]) - shortfallAtDeadline(a[metric]) ||
    (b[metric].gapToExpected ?? Number.NEGATIVE_INFINITY) -
      (a[metric].gapToExpected ?? Number.NEGATIVE_INFINITY) ||
    compareCodes(a.unit.id, b.unit.id)
  );
}

/** Target count − projection at the deadline; an unknown pace counts the whole remaining. */
export function shortfallAtDeadline(status: MetricStatus): number {
  return status.projection ? Math.max(0, status.targetCount - status.projection.count) : status.remaining;
}
