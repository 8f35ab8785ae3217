import { Hono } from "hono";
import { z } from "zod";
import { allow, authorize } from "../auth/middleware.ts";
import { documented } from "../contract/documented.ts";
import { ApprovalAnswer, ReopenAnswer, ReportingAnswer, ReportingSettings } from "../contract/work.ts";
import { addDays, vietnamDate } from "../domain/dates.ts";
import {
  dueOf,
  isDue,
  REPORTING_WINDOW_WEEKS,
  weekFromLabel,
  weeksBetween,
} from "../domain/reporting-weeks.ts";
import { can, type User } from "../domain/roles.ts";
import type { Unit } from "../domain/types.ts";
import { type Scope, scopeOf } from "../domain/unit-history.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { keptAnswers } from "../kept-answer.ts";
import { reportingQuery, reportingWeeks, weekApproval } from "../services/reporting-weeks.ts";
import { ApprovedAbove } from "../store/approvals.ts";
import type { Store } from "../store/store.ts";
import { dueRule, isoWeek, plainText, validJson, validQuery } from "../validation.ts";

const approvalBody = z.object({
  unitId: z.union([z.string(), z.number()]).transform(String),
  week: isoWeek,
});
const reopenBody = z.object({
  reason: plainText(500)
    .transform((s) => s.trim())
    .refine((s) => s.length >= 3, "must say why the week is reopened"),
});

export function reportingRoutes(store: Store, homeUnit: string | null, now: () => number) {
  const kept = keptAnswers(50);
  return new Hono<AppEnv>().get(
    "/",
    documented({
      summary: "Who reported each week, on time or late, and each week's approval",
      tag: "Reporting",
      access: "dashboard",
      answers: { 200: ReportingAnswer },
      errors: [404],
    }),
    validQuery(reportingQuery),
    async (c) => {
      const query = c.req.valid("query");
      const user = c.get("user");
      if (!user || !can(user, "readAudit")) {
        // The public answer, kept as sent: it changes with the figures' version and, as time passes,
        // with the day (the default range) and the weeks whose due time has passed.
        const to = query.to ?? vietnamDate(now());
        const from = query.from ?? addDays(to, -7 * (REPORTING_WINDOW_WEEKS - 1));
        const { due } = await store.reportingSettings();
        const closed = weeksBetween(from, to).filter((monday) => isDue(dueOf(monday, due), now())).length;
        const question = `reporting|${query.unit ?? ""}|${from}|${to}|${closed}`;
        return kept(c, await store.figuresVersion(), question, async () =>
          JSON.stringify(await reportingWeeks(store, query, homeUnit, now)),
        );
      }
      const answer = await reportingWeeks(store, query, homeUnit, now);
      // The commune accounts to remind, for those who may see accounts' names (admin and police).
      const accounts: Record<string, string[]> = {};
      for (const account of await store.listUsers()) {
        if (account.role !== "commune" || account.disabled || account.unitId === null) continue;
        accounts[account.unitId] = [...(accounts[account.unitId] ?? []), account.username];
      }
      // Each week's latest reopening, with its reason (the audit log keeps them all).
      const shown = new Set(answer.weeks.map((w) => w.week));
      const reopenings: Record<string, { by: string | null; at: string; reason: string }> = {};
      const unitId = answer.weeks[0]?.unit.id;
      for (const entry of await store.auditLog({ action: "week.reopen", unitId, limit: 500 })) {
        const week = entry.entityId ?? "";
        if (!shown.has(week) || reopenings[week]) continue;
        const reason = (entry.after as { reason?: unknown } | null)?.reason;
        reopenings[week] = { by: entry.username, at: entry.at, reason: String(reason ?? "") };
      }
      return c.json({ ...answer, accounts, reopenings });
    },
  );
}

/**
 * `/api/approvals`: police and admin approve a week for a unit's communes at that unit's level
 * (locking it) and reopen it with a reason at that level; both need the unit within their own part.
 */
export function approvalRoutes(store: Store) {
  /**
   * The reporting units a week's approval of `unitId` covers: its communes on each day of the week
   * (a week that spans a change of units locks the reports of both trees dated in it).
   */
  async function covered(unitId: string, week: string) {
    const monday = weekFromLabel(week) as string;
    const history = await store.unitHistory();
    if (!history.resolve(unitId, monday)) {
      throw new ApiError(404, "UNIT_NOT_FOUND", `No unit has the code ${JSON.stringify(unitId)}.`, {
        field: "unitId",
        value: unitId,
      });
    }
    const units = new Set<string>();
    // The levels at or below the unit: what its reopening may be done under (docs/accounts.md).
    const levels = new Set<string>([unitId]);
    let scope: Scope | undefined;
    for (let day = 0; day < 7; day++) {
      const date = addDays(monday, day);
      scope = scopeOf(history, history.resolve(unitId, date)?.unit as Unit, date);
      for (const unit of scope.tree.reportingUnitsUnder(scope.unit.id)) units.add(unit.id);
      for (const unit of scope.tree.descendantsOf(scope.unit.id)) levels.add(unit.id);
      levels.add(scope.unit.id);
    }
    // The unit as the week ends (the last day's scope) names the approval.
    return { scope: scope as Scope, units: [...units].sort(), levels };
  }
  const mayApprove = allow(store, (user) => can(user, "approveWeeks"), "approve weeks");
  /** The unit on each day of the week is within the user's part of the tree (its communes then are too). */
  const approvesWeek = (user: User, unitId: string, week: string) => {
    const monday = weekFromLabel(week) as string;
    return Array.from({ length: 7 }, (_, day) => addDays(monday, day)).every((date) =>
      can(user, "approveWeeks", { unitId, date }),
    );
  };
  return new Hono<AppEnv>()
    .post(
      "/",
      documented({
        summary: "Approve a week's figures for a unit (police, admin): its reports are locked",
        tag: "Reporting",
        access: "signed-in",
        answers: { 201: ApprovalAnswer },
        errors: [404, 409, 422],
      }),
      mayApprove,
      validJson(approvalBody),
      async (c) => {
        const { unitId, week } = c.req.valid("json");
        const { scope, units } = await covered(unitId, week);
        await authorize(c, store, (user) => approvesWeek(user, unitId, week), {
          action: "approve weeks",
          unitId,
        });
        const approved = await store.approveWeek(units, week, scope.unit.id, c.get("actor"));
        const approvals = await store.approvals(units, week, week);
        return c.json(
          { unitId: scope.unit.id, week, approved, approval: weekApproval(approvals, units, scope.unit.id) },
          201,
        );
      },
    )
    .delete(
      "/:unitId/:week",
      documented({
        summary:
          "Reopen a week approved at this unit's level, saying why (police, admin at that level or above); refused with 409 APPROVED_ABOVE while a level above still approves it",
        tag: "Reporting",
        access: "signed-in",
        answers: { 200: ReopenAnswer },
        errors: [404, 409, 422],
      }),
      validJson(reopenBody),
      async (c) => {
        const { unitId, week } = c.req.param();
        if (weekFromLabel(week) === undefined) {
          throw new ApiError(
            400,
            "INVALID_WEEK",
            `${JSON.stringify(week)} is not an ISO week such as 2024-W14.`,
            {
              field: "week",
              value: week,
            },
          );
        }
        const { scope, units, levels } = await covered(unitId, week);
        await authorize(c, store, (user) => approvesWeek(user, unitId, week), {
          action: "reopen weeks",
          unitId,
        });
        let removed: Awaited<ReturnType<Store["reopenWeek"]>>;
        try {
          removed = await store.reopenWeek(
            units,
            week,
            scope.unit.id,
            levels,
            c.req.valid("json").reason,
            c.get("actor"),
          );
        } catch (error) {
          if (!(error instanceof ApprovedAbove)) throw error;
          const first = error.above[0];
          throw new ApiError(409, "APPROVED_ABOVE", error.message, {
            unitId,
            week,
            level: first?.via,
            approvedBy: first?.by,
            approvedAt: first?.at,
          });
        }
        if (removed.length === 0) {
          throw new ApiError(404, "APPROVAL_NOT_FOUND", `Week ${week} of ${unitId} is not approved.`, {
            unitId,
            week,
          });
        }
        return c.json({ unitId: scope.unit.id, week, reopened: removed.length });
      },
    );
}

const text = plainText(200).transform((s) => s.trim());
const reportingSettingsBody = z.object({
  due: dueRule,
  document: z.object({
    parentBody: text,
    issuer: text,
    symbol: text,
    place: text,
    signerTitle: text,
    signerName: text,
    recipients: z.array(text).max(20),
  }),
});

/** `/api/settings/reporting`: when weekly reports are due, and the weekly document's heading (admin changes them). */
export function reportingSettingsRoutes(store: Store) {
  return new Hono<AppEnv>()
    .get(
      "/",
      documented({
        summary: "When weekly reports are due and the weekly document's heading",
        tag: "Reporting",
        access: "dashboard",
        answers: { 200: ReportingSettings },
      }),
      async (c) => c.json(await store.reportingSettings()),
    )
    .put(
      "/",
      documented({
        summary: "Change the reporting settings (admin)",
        tag: "Reporting",
        access: "signed-in",
        answers: { 200: ReportingSettings },
        errors: [422],
      }),
      allow(store, (user) => can(user, "editCampaign"), "change the reporting settings"),
      validJson(reportingSettingsBody),
      async (c) => c.json(await store.updateReportingSettings(c.req.valid("json"), c.get("actor"))),
    );
}
