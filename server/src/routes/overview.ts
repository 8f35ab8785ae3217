import { Hono } from "hono";
import { z } from "zod";
import { overviewOf } from "../domain/overview.ts";
import type { AppEnv } from "../env.ts";
import type { Store } from "../store/store.ts";
import { isoDate, validQuery } from "../validation.ts";
import { assessmentInput } from "./assessment-input.ts";

const overviewQuery = z.object({ unit: z.string().min(1).optional(), date: isoDate.optional() });

export function overviewRoutes(store: Store, homeUnit: string) {
  return new Hono<AppEnv>().get("/", validQuery(overviewQuery), async (c) => {
    const query = c.req.valid("query");
    const { tree, unitId, date, campaign, histories } = await assessmentInput(
      store,
      query.unit ?? homeUnit,
      query.date,
    );
    return c.json(overviewOf(tree, unitId, histories, campaign, date));
  });
}
