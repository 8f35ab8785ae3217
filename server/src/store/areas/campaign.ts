import type { Campaign } from "../../domain/types.ts";
import type { Actor } from "../audit.ts";
import { campaignStatements } from "../campaign.ts";
import type { StoreContext } from "./context.ts";

export interface CampaignArea {
  campaign(): Promise<Campaign>;
  /** Replaces the campaign settings (audited). */
  updateCampaign(campaign: Campaign, actor: Actor): Promise<Campaign>;
}

export function campaignArea(ctx: StoreContext): CampaignArea {
  return {
    campaign: () => campaignStatements.get(ctx.sql),
    updateCampaign: (next, actor) =>
      ctx.audited(actor, "figures", async (tx, log) => {
        const before = await campaignStatements.get(tx);
        await campaignStatements.update(tx, next);
        const after = await campaignStatements.get(tx);
        log({ action: "campaign.update", entity: "campaign", entityId: "1", before, after });
        return after;
      }),
  };
}
