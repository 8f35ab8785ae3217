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
  const campaign = campaignStatements(ctx.db);
  return {
    campaign: async () => campaign.get(),
    updateCampaign: ctx.figuresChanged(async (next, actor) =>
      ctx.audited(actor, (log) => {
        const before = campaign.get();
        campaign.update(next);
        const after = campaign.get();
        log({ action: "campaign.update", entity: "campaign", entityId: "1", before, after });
        return after;
      }),
    ),
  };
}
