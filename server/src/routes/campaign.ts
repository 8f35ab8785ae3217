import { Hono } from "hono";
import { z } from "zod";
import { allow } from "../auth/middleware.ts";
import { can } from "../auth/roles.ts";
import { campaignView } from "../domain/campaign.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import type { Store } from "../store/store.ts";
import { isoDate, validJson } from "../validation.ts";

const target = z.number().gt(0, "must be above 0").max(1, "must be at most 1 (100%)");
const changes = z
  .object({
    name: z.string().trim().min(1).max(200),
    start: isoDate,
    deadline: isoDate,
    targets: z.object({ coverage: target, linking: target }).partial(),
    tolerancePoints: z.number().min(0).max(100),
    staleDays: z.number().int().min(1).max(365),
    paceWindowDays: z.number().int().min(7).max(365),
  })
  .partial();

export function campaignRoutes(store: Store) {
  return new Hono<AppEnv>()
    .get("/", async (c) => c.json(campaignView(await store.campaign())))
    .patch(
      "/",
      allow(store, (user) => can(user, "editCampaign"), "change the campaign"),
      validJson(changes),
      async (c) => {
        const body = c.req.valid("json");
        const current = await store.campaign();
        const next = { ...current, ...body, targets: { ...current.targets, ...body.targets } };
        if (next.start >= next.deadline) {
          throw new ApiError(
            422,
            "START_NOT_BEFORE_DEADLINE",
            `start ${next.start} must be before deadline ${next.deadline}.`,
            [{ field: "deadline", value: next.deadline, message: `must be after the start ${next.start}` }],
          );
        }
        return c.json(campaignView(await store.updateCampaign(next, c.get("actor"))));
      },
    );
}
