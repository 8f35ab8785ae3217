import { Hono } from "hono";
import { z } from "zod";
import { documented } from "../contract/documented.ts";
import type { AppEnv } from "../env.ts";

export const healthRoutes = new Hono<AppEnv>().get(
  "/",
  documented({
    summary: "Whether the server answers (for load balancers and supervisors)",
    tag: "Operations",
    access: "anyone",
    answers: { 200: z.strictObject({ status: z.literal("ok") }) },
  }),
  (c) => c.json({ status: "ok" as const }),
);
