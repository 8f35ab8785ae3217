import { Hono } from "hono";
import { z } from "zod";
import { overviewFromStates } from "../domain/overview.ts";
import type { AppEnv } from "../env.ts";
import type { Store } from "../store/store.ts";
import { isoDate, validQuery } from "../validation.ts";
import { assessmentInput } from "./assessment-input.ts";

const overviewQuery = z.object({ unit: z.string().min(1).optional(), date: isoDate.optional() });
const CACHED = 100;

export function overviewRoutes(store: Store, homeUnit: string, now: () => number) {
  // Figures change only when reports, units or the campaign do: answers are kept until then (a
  // province or a country takes a while to assess, and many readers ask the same question).
  const cache = new Map<string, string>();
  return new Hono<AppEnv>().get("/", validQuery(overviewQuery), async (c) => {
    const query = c.req.valid("query");
    const key = `${await store.figuresVersion()}|${query.unit ?? homeUnit}|${query.date ?? ""}`;
    let body = cache.get(key);
    if (body === undefined) {
      const input = await assessmentInput(store, query.unit ?? homeUnit, query.date, now);
      body = JSON.stringify(
        overviewFromStates(input.tree, input.unitId, input.states, input.campaign, input.date),
      );
      if (cache.size >= CACHED) cache.delete(cache.keys().next().value as string);
      cache.set(key, body);
    }
    return c.body(body, 200, { "Content-Type": "application/json; charset=UTF-8" });
  });
}
