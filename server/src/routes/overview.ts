import { Hono } from "hono";
import { z } from "zod";
import { type Catalogue, REORGANISATION_2025 } from "../catalogue/catalogue.ts";
import { documented } from "../contract/documented.ts";
import { OverviewAnswer } from "../contract/figures.ts";
import { vietnamDate } from "../domain/dates.ts";
import type { Unit } from "../domain/types.ts";
import type { AppEnv } from "../env.ts";
import { keptAnswers } from "../kept-answer.ts";
import { assessmentInput, campaignParam, overviewOfInput } from "../services/assessment-input.ts";
import { approvalOn } from "../services/reporting-weeks.ts";
import type { Store } from "../store/store.ts";
import { isoDate, validQuery } from "../validation.ts";

/**
 * A unit's centre [longitude, latitude] in the catalogue of the tree its version belongs to; for a
 * unit without one (districts and provinces have none), the mean of its located communes' centres,
 * so that a province shows its districts and the country its provinces on the map.
 */
export function centreOf(catalogue: Catalogue, unit: Unit): [number, number] | null {
  const tree = (unit.validFrom ?? "") >= REORGANISATION_2025 ? "2025" : "2024";
  const found = catalogue.get(tree, unit.id);
  if (found?.lat != null && found.lon != null) return [found.lon, found.lat];
  const located = catalogue.subtree(tree, unit.id).filter((u) => u.lat != null && u.lon != null);
  if (located.length === 0) return null;
  const mean = (values: number[]) =>
    Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1e5) / 1e5;
  return [mean(located.map((u) => u.lon as number)), mean(located.map((u) => u.lat as number))];
}

const overviewQuery = z.object({
  unit: z.string().min(1).optional(),
  date: isoDate.optional(),
  campaign: campaignParam,
});
const CACHED = 100;

export function overviewRoutes(
  store: Store,
  homeUnit: string | null,
  now: () => number,
  catalogue: () => Catalogue,
) {
  // Figures change only when reports, units or the campaign do: answers are kept until then (a
  // province or a country takes a while to assess, and many readers ask the same question).
  // Without a date the answer is on the latest report, else today in Vietnam: that day is part of the key.
  const kept = keptAnswers(CACHED);
  const answer = async (query: z.infer<typeof overviewQuery>) => {
    const input = await assessmentInput(store, query, homeUnit, now);
    const overview = overviewOfInput(input);
    return JSON.stringify({
      ...overview,
      // Each child's centre from the national catalogue, for the map (null where it has none).
      children: overview.children.map((child) => ({
        ...child,
        centre: centreOf(catalogue(), child.unit),
      })),
      unit: input.scope.unit,
      standing: input.scope.standing,
      campaignId: input.campaign.id,
      // The week of the date: approved by … at …, or provisional (null).
      ...(await approvalOn(
        store,
        input.tree.reportingUnitsUnder(input.unitId).map((u) => u.id),
        input.date,
        input.unitId,
      )),
    });
  };
  return new Hono<AppEnv>().get(
    "/",
    documented({
      summary: "A unit's figures on a date and its children's: rates, trajectory, pace, projection, flags",
      tag: "Figures",
      access: "dashboard",
      answers: { 200: OverviewAnswer },
      errors: [404, 409],
    }),
    validQuery(overviewQuery),
    async (c) => {
      const query = c.req.valid("query");
      const question = `overview|${query.unit ?? ""}|${query.date ?? vietnamDate(now())}|${query.campaign ?? ""}`;
      return kept(c, await store.figuresVersion(), question, () => answer(query));
    },
  );
}
