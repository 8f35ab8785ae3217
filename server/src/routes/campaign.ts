import { Hono } from "hono";
import { z } from "zod";
import { allow } from "../auth/middleware.ts";
import { documented } from "../contract/documented.ts";
import { CampaignAnswer, CampaignsAnswer } from "../contract/work.ts";
import { type CampaignRecord, campaignView, DIRECTIVE_CAMPAIGN } from "../domain/campaign.ts";
import { can } from "../domain/roles.ts";
import type { Campaign } from "../domain/types.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { keptAnswers } from "../kept-answer.ts";
import { campaignOf, campaignParam } from "../services/assessment-input.ts";
import { NoCampaign } from "../store/campaign.ts";
import type { Store } from "../store/store.ts";
import { isoDate, plainText, validJson, validQuery } from "../validation.ts";

const target = z.number().gt(0, "must be above 0").max(1, "must be at most 1 (100%)");
const fields = z.object({
  name: plainText(200)
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, "must not be empty"),
  start: isoDate,
  deadline: isoDate,
  targets: z.object({ coverage: target, linking: target }).partial(),
  tolerancePoints: z.number().min(0).max(100),
  staleDays: z.number().int().min(1).max(365),
  paceWindowDays: z.number().int().min(7).max(365),
});
const changes = fields.partial();
const creation = fields
  .partial({ targets: true, tolerancePoints: true, staleDays: true, paceWindowDays: true })
  .extend({ current: z.boolean().optional() });

/** A campaign's start must come before its deadline: a 422 naming the deadline otherwise. */
function checked<C extends Campaign>(campaign: C): C {
  if (campaign.start >= campaign.deadline) {
    throw new ApiError(
      422,
      "START_NOT_BEFORE_DEADLINE",
      `start ${campaign.start} must be before deadline ${campaign.deadline}.`,
      [{ field: "deadline", value: campaign.deadline, message: `must be after the start ${campaign.start}` }],
    );
  }
  return campaign;
}

const merged = (current: CampaignRecord, body: z.infer<typeof changes>): Campaign => ({
  ...current,
  ...body,
  targets: { ...current.targets, ...body.targets },
});

/** The campaign a path names; a 404 naming the id for anything else. */
async function campaignNamed(store: Store, id: string): Promise<CampaignRecord> {
  if (!/^[1-9]\d{0,8}$/.test(id)) {
    throw new ApiError(404, "CAMPAIGN_NOT_FOUND", `No campaign has the id ${JSON.stringify(id)}.`, {
      field: "campaign",
      value: id,
    });
  }
  return campaignOf(store, Number(id));
}

/** `/api/campaign`: the current campaign (or `?campaign=ID`), and changes to it (admin). */
export function campaignRoutes(store: Store) {
  // Asked by every page: kept as sent (a campaign's change raises the figures' version).
  const kept = keptAnswers(20);
  const mayEdit = allow(store, (user) => can(user, "editCampaign"), "change the campaign");
  return new Hono<AppEnv>()
    .get(
      "/",
      documented({
        summary: "A campaign (default: the current one): its dates, targets and thresholds",
        tag: "Campaigns",
        access: "dashboard",
        answers: { 200: CampaignAnswer },
        errors: [404, 409],
      }),
      validQuery(z.object({ campaign: campaignParam })),
      async (c) => {
        const asked = c.req.valid("query").campaign;
        return kept(c, await store.figuresVersion(), `campaign|${asked ?? ""}`, async () =>
          JSON.stringify(campaignView(await campaignOf(store, asked))),
        );
      },
    )
    .patch(
      "/",
      documented({
        summary: "Change the current campaign (admin)",
        tag: "Campaigns",
        access: "signed-in",
        answers: { 200: CampaignAnswer },
        errors: [409, 422],
      }),
      mayEdit,
      validJson(changes),
      async (c) => {
        const current = await store.campaign();
        const next = checked(merged(current, c.req.valid("json")));
        return c.json(campaignView(await store.updateCampaign(current.id, next, c.get("actor"))));
      },
    );
}

/** `/api/campaigns`: every campaign the deployment keeps; admins add, change and choose the current one. */
export function campaignsRoutes(store: Store) {
  const kept = keptAnswers(1);
  const mayEdit = allow(store, (user) => can(user, "editCampaign"), "change the campaigns");
  return new Hono<AppEnv>()
    .get(
      "/",
      documented({
        summary: "Every campaign, and which is current",
        tag: "Campaigns",
        access: "dashboard",
        answers: { 200: CampaignsAnswer },
      }),
      async (c) => {
        // None yet on a deployment set up without the demo, until its admin makes the first.
        return kept(c, await store.figuresVersion(), "campaigns", async () => {
          const current = await store.campaign().catch((error) => {
            if (error instanceof NoCampaign) return null;
            throw error;
          });
          return JSON.stringify({
            currentId: current?.id ?? null,
            campaigns: (await store.campaigns()).map(campaignView),
          });
        });
      },
    )
    .post(
      "/",
      documented({
        summary: "Start a campaign (admin)",
        tag: "Campaigns",
        access: "signed-in",
        answers: { 201: CampaignAnswer },
        errors: [422],
      }),
      mayEdit,
      validJson(creation),
      async (c) => {
        const { current, ...body } = c.req.valid("json");
        const next = checked({
          ...DIRECTIVE_CAMPAIGN,
          ...body,
          targets: { ...DIRECTIVE_CAMPAIGN.targets, ...body.targets },
        });
        return c.json(campaignView(await store.createCampaign(next, current ?? true, c.get("actor"))), 201);
      },
    )
    .patch(
      "/:id",
      documented({
        summary: "Change a campaign (admin)",
        tag: "Campaigns",
        access: "signed-in",
        answers: { 200: CampaignAnswer },
        errors: [404, 422],
      }),
      mayEdit,
      validJson(changes),
      async (c) => {
        const found = await campaignNamed(store, c.req.param("id"));
        const next = checked(merged(found, c.req.valid("json")));
        return c.json(campaignView(await store.updateCampaign(found.id, next, c.get("actor"))));
      },
    )
    .post(
      "/:id/current",
      documented({
        summary: "Make a campaign the current one (admin)",
        tag: "Campaigns",
        access: "signed-in",
        answers: { 200: CampaignAnswer },
        errors: [404],
      }),
      mayEdit,
      async (c) => {
        const found = await campaignNamed(store, c.req.param("id"));
        return c.json(campaignView(await store.chooseCampaign(found.id, c.get("actor"))));
      },
    );
}
