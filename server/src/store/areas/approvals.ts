import { type Approval, ApprovedAbove, approvalStatements as approvals } from "../approvals.ts";
import type { Actor } from "../audit.ts";
import type { StoreContext } from "./context.ts";

export interface ApprovalArea {
  /** The approvals of the units in the weeks [from, to] (ISO week labels). */
  approvals(unitIds: readonly string[], fromWeek: string, toWeek: string): Promise<Approval[]>;
  /** Approves (locks) a week of the reporting units `unitIds`, given for `via` (audited); how many were approved now. */
  approveWeek(unitIds: readonly string[], week: string, via: string, actor: Actor): Promise<number>;
  /**
   * Reopens the week of the units at the level `via` with a reason (audited): the approvals given
   * there are removed. Refused with `ApprovedAbove` (nothing removed) while a level above `via` —
   * any level not in `levelsAtOrBelow` — still approves one of the units that week.
   */
  reopenWeek(
    unitIds: readonly string[],
    week: string,
    via: string,
    levelsAtOrBelow: ReadonlySet<string>,
    reason: string,
    actor: Actor,
  ): Promise<Approval[]>;
}

// Approving or reopening changes no figure but what the pages say beside them (provisional or
// approved): it raises the figures version so that kept answers are asked again, and names no unit.
export function approvalArea(ctx: StoreContext): ApprovalArea {
  return {
    approvals: (unitIds, from, to) => approvals.inWeeks(ctx.sql, unitIds, from, to),
    approveWeek: (unitIds, week, via, actor) =>
      ctx.audited(actor, "figures", async (tx, log, touched) => {
        touched([]);
        const by = { userId: actor.userId, username: actor.username ?? "?", at: actor.at };
        const approved = await approvals.approve(tx, unitIds, week, via, by);
        log({
          action: "week.approve",
          entity: "week",
          entityId: week,
          unitId: via,
          after: { week, units: unitIds.length, approved },
        });
        return approved;
      }),
    reopenWeek: (unitIds, week, via, levelsAtOrBelow, reason, actor) =>
      ctx.audited(actor, "figures", async (tx, log, touched) => {
        touched([]);
        const above = (await approvals.inWeeks(tx, unitIds, week, week)).filter(
          (a) => !levelsAtOrBelow.has(a.via),
        );
        if (above.length > 0) throw new ApprovedAbove(above);
        const removed = await approvals.reopen(tx, unitIds, week, via);
        if (removed.length === 0) return removed;
        log({
          action: "week.reopen",
          entity: "week",
          entityId: week,
          unitId: via,
          before: removed.map((a) => ({ unitId: a.unitId, by: a.by, at: a.at })),
          after: { reason },
        });
        return removed;
      }),
  };
}
