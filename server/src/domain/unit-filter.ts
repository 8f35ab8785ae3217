import { weekStart } from "./reporting-weeks.ts";
import type { Metric } from "./types.ts";
import { foldText } from "./unit-names.ts";

/** What a list of communes may be narrowed to on the overview (all of them, or those that need a look). */
export const UNIT_FILTERS = ["all", "lagging", "belowExpected", "notReported"] as const;
export type UnitFilter = (typeof UNIT_FILTERS)[number];

interface Listed {
  unit: { name: string };
  figures: { latestReport: string | null };
  coverage: { lagging: boolean; rate: number | null; expectedRate: number | null };
  linking: { lagging: boolean; rate: number | null; expectedRate: number | null };
}

/**
 * The children a search and a filter keep: the name matched with or without diacritics ("ia grai"
 * finds Xã Ia Grai), and lagging, below the expected rate, or without a report in the week of `date`.
 */
export function filterUnits<C extends Listed>(
  children: readonly C[],
  { query, filter, metric, date }: { query: string; filter: UnitFilter; metric: Metric; date: string },
): C[] {
  const words = foldText(query).trim();
  const monday = weekStart(date);
  const kept: Record<UnitFilter, (child: C) => boolean> = {
    all: () => true,
    lagging: (child) => child[metric].lagging,
    belowExpected: ({ [metric]: status }) =>
      status.rate !== null && status.expectedRate !== null && status.rate < status.expectedRate,
    notReported: (child) => child.figures.latestReport === null || child.figures.latestReport < monday,
  };
  return children.filter(
    (child) => (!words || foldText(child.unit.name).includes(words)) && kept[filter](child),
  );
}
