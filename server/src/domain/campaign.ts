import { truncatedPercentOfRate } from "./percent.ts";
import type { Campaign, Metric } from "./types.ts";

/** The directive's campaign (Tây Sơn, 2024), as the first migration sets it up: what tests build on. */
export const DIRECTIVE_CAMPAIGN: Campaign = {
  name: "Tây Sơn 2024",
  start: "2024-02-03",
  deadline: "2024-07-01",
  targets: { coverage: 1, linking: 1 },
  tolerancePoints: 1,
  staleDays: 7,
  paceWindowDays: 28,
};

/** A campaign the deployment keeps (it keeps them all; one is current). */
export type CampaignRecord = Campaign & { id: number };

/** The campaign as the API answers it: with its targets as the canonical truncated percents ("100.00"). */
export type CampaignView<C extends Campaign = Campaign> = C & { targetPercents: Record<Metric, string> };

export const campaignView = <C extends Campaign>(campaign: C): CampaignView<C> => ({
  ...campaign,
  targetPercents: {
    coverage: truncatedPercentOfRate(campaign.targets.coverage) as string,
    linking: truncatedPercentOfRate(campaign.targets.linking) as string,
  },
});
