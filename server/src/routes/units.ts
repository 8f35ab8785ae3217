import { Hono } from "hono";
import { z } from "zod";
import { daysBetween } from "../domain/dates.ts";
import { seriesOf } from "../domain/series.ts";
import { ApiError } from "../errors.ts";
import type { Store } from "../store/store.ts";
import { isoDate, validQuery } from "../validation.ts";

/** The longest series one request may ask for: a campaign and its aftermath, not a millennium. */
export const SERIES_MAX_DAYS = 3 * 366;

const seriesQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be after `to`", path: ["from"] })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) <= SERIES_MAX_DAYS, {
    message: `must be at most ${SERIES_MAX_DAYS} days before \`to\` (3 years)`,
    path: ["from"],
  });

export function unitRoutes(store: Store) {
  return new Hono()
    .get("/", async (c) => {
      const tree = await store.unitTree();
      return c.json({ units: tree.units });
    })
    .get("/:id/series", validQuery(seriesQuery), async (c) => {
      const tree = await store.unitTree();
      const id = c.req.param("id");
      if (!tree.get(id)) throw unitNotFound(id);
      const { from, to } = c.req.valid("query");
      const unitIds = tree.reportingUnitsUnder(id).map((u) => u.id);
      const reports = await store.reportsUpTo(unitIds, to ?? "9999-12-31");
      const campaign = await store.campaign();
      return c.json({ unitId: id, points: seriesOf(reports, unitIds.length, campaign, from ?? null) });
    });
}

export const unitNotFound = (id: string) =>
  new ApiError(404, "UNIT_NOT_FOUND", `No unit has the code ${JSON.stringify(id)}.`, {
    field: "unit",
    value: id,
  });
