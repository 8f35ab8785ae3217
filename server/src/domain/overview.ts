import { type Assessment, assess, reportingUnitState, sumStates, type UnitState } from "./assess.ts";
import { daysBetween } from "./dates.ts";
import { compareCodes, isReportingUnit, type UnitTree } from "./tree.ts";
import type { Campaign, Report, Unit } from "./types.ts";

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
  /** Ids of the lagging children, most accounts behind the trajectory first. */
  laggingOrder: string[];
}

/**
 * The figures of `unitId` and of each child on `date`. `histories` holds, per reporting unit,
 * its reports sorted by date (at least those the assessment reads: see history.ts).
 */
export function overviewOf(
  tree: UnitTree,
  unitId: string,
  histories: ReadonlyMap<string, readonly Report[]>,
  campaign: Campaign,
  date: string,
): UnitOverview {
  const unit = tree.get(unitId);
  if (!unit) throw new Error(`unknown unit ${unitId}`);
  const states = new Map<string, UnitState>();
  for (const reporting of tree.reportingUnitsUnder(unitId)) {
    states.set(reporting.id, reportingUnitState(histories.get(reporting.id) ?? [], campaign, date));
  }
  const assessUnit = (target: Unit): Assessment => {
    const parts = tree.reportingUnitsUnder(target.id).map((u) => states.get(u.id) as UnitState);
    const isParent = !isReportingUnit(target);
    return assess(isParent ? sumStates(parts) : (parts[0] as UnitState), campaign, date, isParent);
  };
  const children = withRanks(
    tree.childrenWithFigures(unitId).map((child) => ({ unit: child, ...assessUnit(child) })),
  );
  return {
    unit,
    date,
    daysLeft: daysBetween(date, campaign.deadline),
    ...assessUnit(unit),
    children,
    laggingOrder: laggingOrder(children),
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
  histories: ReadonlyMap<string, readonly Report[]>,
  campaign: Campaign,
  date: string,
): ({ unit: Unit } & Assessment)[] {
  return tree.reportingUnitsUnder(unitId).map((unit) => ({
    unit,
    ...assess(reportingUnitState(histories.get(unit.id) ?? [], campaign, date), campaign, date, false),
  }));
}

/** Lagging units ordered by the accounts needed to get back on the coverage trajectory, most first. */
export function laggingOrder(children: readonly ChildOverview[]): string[] {
  return children
    .filter((child) => child.lagging)
    .sort(
      (a, b) =>
        (b.coverage.gapToExpected ?? Number.NEGATIVE_INFINITY) -
          (a.coverage.gapToExpected ?? Number.NEGATIVE_INFINITY) || compareCodes(a.unit.id, b.unit.id),
    )
    .map((child) => child.unit.id);
}
