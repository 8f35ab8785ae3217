import { Hono } from "hono";
import { z } from "zod";
import { documented } from "../contract/documented.ts";
import { SeriesAnswer, UnitAnswer, UnitsAnswer } from "../contract/figures.ts";
import { daysBetween, vietnamDate } from "../domain/dates.ts";
import { byDate } from "../domain/history.ts";
import { seriesOf } from "../domain/series.ts";
import type { Report, Unit } from "../domain/types.ts";
import { ownReportsOnly, scopeOf, type UnitHistory } from "../domain/unit-history.ts";
import { unitNotFound } from "../errors.ts";
import { keptAnswers } from "../kept-answer.ts";
import { campaignOf, campaignParam } from "../services/assessment-input.ts";
import type { Store } from "../store/store.ts";
import { isoDate, validQuery } from "../validation.ts";

/** The longest series one request may ask for: a campaign and its aftermath, not a millennium. */
export const SERIES_MAX_DAYS = 3 * 366;

const seriesQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    date: isoDate.optional(),
    campaign: campaignParam,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be after `to`", path: ["from"] })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) <= SERIES_MAX_DAYS, {
    message: `must be at most ${SERIES_MAX_DAYS} days before \`to\` (3 years)`,
    path: ["from"],
  });
const unitsQuery = z.object({ date: isoDate.optional(), all: z.enum(["true"]).optional() });

/** A deployment's units change rarely and each answer is asked by every page: kept as sent. */
const KEPT_UNIT_ANSWERS = 200;

export function unitRoutes(store: Store, now: () => number) {
  const kept = keptAnswers(KEPT_UNIT_ANSWERS);
  return (
    new Hono()
      // The tree valid on `date` (default: today in Vietnam); `all=true`: every version the deployment holds.
      .get(
        "/",
        documented({
          summary: "The units valid on a date (all=true: every version)",
          tag: "Figures",
          access: "dashboard",
          answers: { 200: UnitsAnswer },
        }),
        validQuery(unitsQuery),
        async (c) => {
          const { date, all } = c.req.valid("query");
          const day = all ? "all" : (date ?? vietnamDate(now()));
          return kept(c, await store.figuresVersion(), `units|${day}`, async () => {
            const history = await store.unitHistory();
            return JSON.stringify({ units: all ? history.versions : history.treeOn(day).units });
          });
        },
      )
      // The unit a code names on `date`: the version then, with its successors after its end.
      .get(
        "/:id",
        documented({
          summary: "A unit version on a date, its children and every version of its code",
          tag: "Figures",
          access: "dashboard",
          answers: { 200: UnitAnswer },
          errors: [404],
        }),
        validQuery(z.object({ date: isoDate.optional() })),
        async (c) => {
          const id = c.req.param("id");
          const date = c.req.valid("query").date ?? vietnamDate(now());
          return kept(c, await store.figuresVersion(), `unit|${id}|${date}`, async () => {
            const history = await store.unitHistory();
            const found = history.resolve(id, date);
            if (!found) throw unitNotFound(id);
            const scope = scopeOf(history, found.unit, date);
            return JSON.stringify({
              unit: scope.unit,
              standing: scope.standing,
              children: scope.tree.childrenWithFigures(scope.unit.id),
              versions: history.versionsOf(id),
            });
          });
        },
      )
      // One point per report date. The unit is the version valid on `date` (default: `to`, else today);
      // its series runs on across changes of units (before it began: its predecessors' figures summed).
      .get(
        "/:id/series",
        documented({
          summary: "A unit's figures at each report date, across changes of units",
          tag: "Figures",
          access: "dashboard",
          answers: { 200: SeriesAnswer },
          errors: [404, 409],
        }),
        validQuery(seriesQuery),
        async (c) => {
          const id = c.req.param("id");
          const { from, to, date, campaign: campaignId } = c.req.valid("query");
          const day = date ?? to ?? vietnamDate(now());
          const question = `series|${id}|${day}|${from ?? ""}|${to ?? ""}|${campaignId ?? ""}`;
          return kept(c, await store.figuresVersion(), question, async () => {
            const history = await store.unitHistory();
            const found = history.resolve(id, day);
            if (!found) throw unitNotFound(id);
            const scope = scopeOf(history, found.unit, day);
            const units = scope.tree.reportingUnitsUnder(scope.unit.id);
            const reports = await seriesReports(store, history, units, to ?? "9999-12-31");
            const campaign = await campaignOf(store, campaignId);
            return JSON.stringify({
              unitId: id,
              unit: scope.unit,
              points: seriesOf(reports, units.length, campaign, from ?? null),
            });
          });
        },
      )
  );
}

/** Every report of the units up to `to` across changes of units, sorted by date. */
async function seriesReports(store: Store, history: UnitHistory, units: readonly Unit[], to: string) {
  // Units with nothing but their own reports (every unit until a reorganisation) come sorted from the database.
  if (units.every((unit) => ownReportsOnly(history.sourcesOf(unit))))
    return store.reportsUpTo(
      units.map((u) => u.id),
      to,
    );
  const histories = await store.unitHistories(history, units, to);
  return [...histories.values()].flatMap((h): Report[] => h.reports).sort(byDate);
}
