import { Hono } from "hono";
import type { Store } from "../store/store.ts";

export function campaignRoutes(store: Store) {
  return new Hono().get("/", async (c) => c.json(await store.campaign()));
}
