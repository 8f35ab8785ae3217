import { assess } from "./assess.ts";
import { baselineOf, sameFigures } from "./history.ts";
import { makeProblem } from "./problem-text.ts";
import type { Problem } from "./report-validation.ts";
import type { Campaign, Report, Unit } from "./types.ts";
import { reportingUnitState } from "./unit-state.ts";

/**
 * A warning when new reports move a unit's baseline (its figures on the campaign start, where its
 * trajectory begins): every expected rate and BEHIND flag of the unit follows it, so the change
 * is confirmed, saying how the expectation moves on the latest date and which flags appear or go.
 * `before` and `after` are the unit's reports sorted by date without and with the new ones.
 */
export function baselineChange(
  unit: Pick<Unit, "id" | "name">,
  before: readonly Report[],
  after: readonly Report[],
  campaign: Campaign,
): Problem | null {
  const old = baselineOf(before, campaign.start);
  const now = baselineOf(after, campaign.start);
  if (!old || !now || (old.date === now.date && sameFigures(old, now))) return null;
  const asOf = after.at(-1)?.date as string;
  const judge = (history: readonly Report[]) => {
    const result = assess(reportingUnitState(unit, history, campaign, asOf), campaign, asOf, false);
    const flags = result.flags.filter((f) => f.code === "BEHIND").map((f) => `${f.code} (${f.metric})`);
    return { expected: result.coverage.expectedPercent, flags };
  };
  const was = judge(before);
  const will = judge(after);
  const appear = will.flags.filter((f) => !was.flags.includes(f));
  const go = was.flags.filter((f) => !will.flags.includes(f));
  return makeProblem("date", "BASELINE_CHANGE", {
    date: now.date,
    name: unit.name,
    asOf,
    expectedBefore: was.expected ?? "—",
    expectedAfter: will.expected ?? "—",
    appear: appear.join(", ") || "—",
    go: go.join(", ") || "—",
  });
}
