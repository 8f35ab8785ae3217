import { Hono } from "hono";
import { z } from "zod";
import { todayIso } from "../domain/dates.ts";
import { overviewOf } from "../domain/overview.ts";
import type { Store } from "../store/store.ts";
import { isoDate, validQuery } from "../validation.ts";
import { unitNotFound } from "./units.ts";

const overviewQuery = z.object({ unit: z.string().min(1).optional(), date: isoDate.optional() });

export function overviewRoutes(store: Store, homeUnit: string) {
  return new Hono().get("/", validQuery(overviewQuery), async (c) => {
    const query = c.req.valid("query");
    const unitId = query.unit ?? homeUnit;
    const tree = await store.unitTree();
    if (!tree.get(unitId)) throw unitNotFound(unitId);
    const unitIds = tree.reportingUnitsUnder(unitId).map((u) => u.id);
    const date = query.date ?? (await store.latestReportDate(unitIds)) ?? todayIso();
    const campaign = await store.campaign();
    const histories = await store.reportsForAssessment(unitIds, date, campaign);
    return c.json(overviewOf(tree, unitId, histories, campaign, date));
  });
}
