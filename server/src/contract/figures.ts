import { z } from "zod";
import { isoDay, percentText, Standing, Unit, unitCode } from "./common.ts";

// The figures: docs/figures.md defines each one and names the domain function that computes it.

const Figures = z
  .strictObject({
    population: z.number().int(),
    level2: z.number().int(),
    dual: z.number().int(),
    linked: z.number().int(),
    reporting: z.number().int().meta({ description: "Communes with a report on or before the date" }),
    expected: z.number().int().meta({ description: "Communes under the unit" }),
    oldestReport: isoDay.nullable(),
    latestReport: isoDay.nullable(),
  })
  .meta({ id: "Figures" });

const EtaKind = z.enum(["reached", "date", "never", "unknown"]);

const MetricStatus = z
  .strictObject({
    count: z.number().int(),
    base: z.number().int(),
    rate: z.number().nullable(),
    percent: percentText.nullable(),
    expectedRate: z.number().nullable(),
    expectedPercent: percentText.nullable(),
    gapToExpected: z.number().int().nullable(),
    remaining: z.number().int(),
    pacePerDay: z.number().nullable(),
    requiredPerDay: z.number().nullable(),
    shortfallPerDay: z.number().nullable(),
    eta: isoDay.nullable(),
    etaKind: EtaKind.nullable(),
    targetCount: z.number().int(),
    projection: z
      .strictObject({ date: isoDay, count: z.number().int(), percent: percentText.nullable() })
      .nullable(),
    units: z
      .strictObject({
        done: z.number().int(),
        onTrack: z.number().int(),
        offTrack: z.number().int(),
        notJudged: z.number().int(),
      })
      .meta({ description: "Communes by standing on the metric" }),
    lagging: z.boolean().meta({ description: "BEHIND or OFF_PACE on this metric" }),
    weekChange: z
      .strictObject({ accounts: z.number().int(), points: z.number() })
      .nullable()
      .meta({ description: "Since the figures of seven days earlier" }),
  })
  .meta({ id: "MetricStatus" });

const OffTrack = z.strictObject({
  id: unitCode,
  name: z.string(),
  eta: isoDay.nullable(),
  shortfall: z.number().int().meta({ description: "Target count − projection at the deadline" }),
});

const Flag = z
  .strictObject({
    code: z.enum(["BEHIND", "OFF_PACE", "STALE", "DATA"]),
    metric: z.enum(["coverage", "linking"]).nullable(),
    message: z.string().meta({ description: "The English sentence of the values" }),
    values: z.record(z.string(), z.union([z.number(), z.string(), z.null(), z.array(OffTrack)])),
  })
  .meta({ id: "Flag" });

const assessment = {
  figures: Figures,
  coverage: MetricStatus,
  linking: MetricStatus,
  flags: z.array(Flag),
  lagging: z.boolean(),
};

const ChildOverview = z
  .strictObject({
    unit: Unit,
    ...assessment,
    rank: z
      .number()
      .int()
      .nullable()
      .meta({ description: "1 for the highest coverage; null without figures" }),
    centre: z
      .tuple([z.number(), z.number()])
      .nullable()
      .meta({ description: "[longitude, latitude] from the national catalogue; null: not located" }),
  })
  .meta({ id: "ChildOverview" });

export const Approval = z.strictObject({ by: z.string(), at: z.string() }).meta({ id: "Approval" });

export const ApprovalLevel = z
  .strictObject({
    unitId: unitCode.meta({ description: "The unit the week was approved for: the level" }),
    name: z.string(),
    kind: z.string(),
    by: z.string(),
    at: z.string(),
    communes: z.number().int().meta({ description: "How many of the week's communes it covers" }),
  })
  .meta({ id: "ApprovalLevel" });

export const OverviewAnswer = z
  .strictObject({
    unit: Unit,
    date: isoDay,
    daysLeft: z.number().int(),
    ...assessment,
    children: z.array(ChildOverview),
    laggingOrder: z.array(unitCode),
    laggingOrderByMetric: z.strictObject({ coverage: z.array(unitCode), linking: z.array(unitCode) }),
    standing: Standing,
    campaignId: z.number().int(),
    week: z.string().meta({ examples: ["2024-W26"] }),
    approval: Approval.nullable().meta({ description: "The week's approval; null: provisional" }),
    approvals: z
      .array(ApprovalLevel)
      .meta({ description: "The week's approvals by level, the lowest first (docs/accounts.md)" }),
  })
  .meta({ id: "Overview" });

const SeriesPoint = z
  .strictObject({
    date: isoDay,
    population: z.number().int(),
    level2: z.number().int(),
    dual: z.number().int(),
    linked: z.number().int(),
    reporting: z.number().int(),
    expected: z.number().int(),
    coveragePercent: percentText.nullable(),
    linkingPercent: percentText.nullable(),
    expectedCoverageRate: z.number().nullable(),
    expectedLinkingRate: z.number().nullable(),
    expectedCoveragePercent: percentText.nullable(),
    expectedLinkingPercent: percentText.nullable(),
  })
  .meta({ id: "SeriesPoint" });

export const SeriesAnswer = z.strictObject({ unitId: unitCode, unit: Unit, points: z.array(SeriesPoint) });

export const UnitsAnswer = z.strictObject({ units: z.array(Unit) });

export const UnitAnswer = z.strictObject({
  unit: Unit,
  standing: Standing,
  children: z.array(Unit),
  versions: z.array(Unit),
});
