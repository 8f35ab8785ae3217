import { truncatedPercentOfRate } from "./percent.ts";
import type { Campaign, Metric } from "./types.ts";

/** The campaign as the API answers it: with its targets as the canonical truncated percents ("100.00"). */
export type CampaignView = Campaign & { targetPercents: Record<Metric, string> };

export const campaignView = (campaign: Campaign): CampaignView => ({
  ...campaign,
  targetPercents: {
    coverage: truncatedPercentOfRate(campaign.targets.coverage) as string,
    linking: truncatedPercentOfRate(campaign.targets.linking) as string,
  },
});
