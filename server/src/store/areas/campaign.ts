import type { CampaignRecord } from "../../domain/campaign.ts";
import type { Campaign } from "../../domain/types.ts";
import type { Actor } from "../audit.ts";
import { campaignStatements as campaigns, NoCampaign } from "../campaign.ts";
import type { StoreContext } from "./context.ts";

export interface CampaignArea {
  /** The current campaign, the default of every page; NoCampaign until one is made. */
  campaign(): Promise<CampaignRecord>;
  /** Makes the deployment start with no campaign (set up without the demo: its admin makes the first). */
  startWithoutCampaign(): Promise<void>;
  /** Every campaign the deployment has run, oldest first. */
  campaigns(): Promise<CampaignRecord[]>;
  /** Adds a campaign (audited); `current` makes it the default of every page. */
  createCampaign(campaign: Campaign, current: boolean, actor: Actor): Promise<CampaignRecord>;
  /** Replaces a campaign's settings (audited). */
  updateCampaign(id: number, campaign: Campaign, actor: Actor): Promise<CampaignRecord>;
  /** Makes a campaign the current one (audited). */
  chooseCampaign(id: number, actor: Actor): Promise<CampaignRecord>;
}

export function campaignArea(ctx: StoreContext): CampaignArea {
  const stored = async (tx: StoreContext["sql"], id: number) => {
    const found = await campaigns.one(tx, id);
    if (!found) throw new Error(`there is no campaign ${id}`);
    return found;
  };
  return {
    campaign: async () => {
      const current = await campaigns.current(ctx.sql);
      if (!current) throw new NoCampaign();
      return current;
    },
    startWithoutCampaign: () => ctx.write("figures", (tx) => campaigns.none(tx)),
    campaigns: () => campaigns.all(ctx.sql),
    createCampaign: (campaign, current, actor) =>
      ctx.audited(actor, "figures", async (tx, log) => {
        const id = await campaigns.insert(tx, campaign);
        if (current) await campaigns.makeCurrent(tx, id);
        const after = await stored(tx, id);
        log({
          action: "campaign.create",
          entity: "campaign",
          entityId: String(id),
          after: { ...after, current },
        });
        return after;
      }),
    updateCampaign: (id, next, actor) =>
      ctx.audited(actor, "figures", async (tx, log) => {
        const before = await stored(tx, id);
        await campaigns.update(tx, id, next);
        const after = await stored(tx, id);
        log({ action: "campaign.update", entity: "campaign", entityId: String(id), before, after });
        return after;
      }),
    chooseCampaign: (id, actor) =>
      ctx.audited(actor, "figures", async (tx, log) => {
        const before = await campaigns.current(tx);
        const after = await stored(tx, id);
        await campaigns.makeCurrent(tx, id);
        log({ action: "campaign.choose", entity: "campaign", entityId: String(id), before, after });
        return after;
      }),
  };
}
