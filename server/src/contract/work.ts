import { z } from "zod";
import { DRIVE_STATUSES } from "../domain/drives.ts";
import { isoDay, isoTime, Problem, percentText, Report, Unit, unitCode } from "./common.ts";
import { Approval, ApprovalLevel } from "./figures.ts";

// What the work of a campaign answers: reports and imports, drives, the weekly reporting cycle and
// the campaigns' targets.

export const ReportAnswer = z.strictObject({
  report: Report,
  change: z.enum(["created", "revised", "unchanged"]),
  warnings: z.array(Problem).meta({ description: "Warnings the sender confirmed with confirm: true" }),
});

const ImportRow = z
  .strictObject({
    row: z.number().int().meta({ description: "The line in the file, as a spreadsheet numbers it" }),
    values: z
      .strictObject({
        unitId: unitCode.nullable(),
        unitName: z.string().nullable(),
        date: z.string().meta({ description: "As read; YYYY-MM-DD when it is a date" }),
        population: z.unknown(),
        level2: z.unknown(),
        dual: z.unknown(),
        linked: z.unknown(),
      })
      .meta({ description: "The row's cells as read: counts as numbers where they are, else as written" }),
    errors: z.array(Problem),
    warnings: z.array(Problem),
    change: z.enum(["create", "revise", "unchanged"]).nullable(),
  })
  .meta({ id: "ImportRow" });

const ImportSummary = z.strictObject({
  rows: z.number().int(),
  withErrors: z.number().int(),
  withWarnings: z.number().int(),
  create: z.number().int(),
  revise: z.number().int(),
  unchanged: z.number().int(),
});

export const ImportAnswer = z.union([
  z
    .strictObject({
      dryRun: z.literal(true),
      summary: ImportSummary,
      ignoredColumns: z.array(z.string()),
      rows: z
        .array(ImportRow)
        .meta({ description: "Rows with errors first, then warnings, then the rest; at most 200" }),
    })
    .meta({ description: "dryRun=true: what writing the file would do" }),
  z
    .strictObject({
      dryRun: z.literal(false),
      summary: ImportSummary.extend({
        created: z.number().int(),
        revised: z.number().int(),
      }),
    })
    .meta({ description: "The file written, every row in one transaction" }),
]);

const DriveEffect = z
  .strictObject({
    paceBefore: z.number().nullable(),
    paceAfter: z.number().nullable(),
    deliveredShare: z.number().nullable(),
    deliveredPercent: z.number().nullable(),
  })
  .meta({ id: "DriveEffect" });

export const Drive = z
  .strictObject({
    id: z.number().int(),
    unitId: unitCode,
    villageId: unitCode.nullable(),
    date: isoDay,
    startTime: z
      .string()
      .nullable()
      .meta({ examples: ["07:30"] }),
    endTime: z.string().nullable(),
    team: z.string().meta({ description: "Empty when not signed in" }),
    planned: z.number().int(),
    status: z.enum(DRIVE_STATUSES),
    registrations: z.number().int().nullable(),
    linked: z.number().int().nullable(),
    notes: z.string().meta({ description: "Empty when not signed in" }),
  })
  .meta({ id: "Drive" });

export const DrivesAnswer = z.strictObject({
  drives: z.array(
    Drive.extend({
      unitName: z.string(),
      villageName: z.string().nullable(),
      effect: DriveEffect.nullable(),
    }),
  ),
});
export const DriveAnswer = z.strictObject({ drive: Drive });

export const SuggestionsAnswer = z.strictObject({
  date: isoDay,
  suggestions: z.array(
    z
      .strictObject({
        unit: Unit,
        metric: z.enum(["coverage", "linking"]),
        shortfall: z.number().int(),
        gap: z.number().int(),
        remaining: z.number().int(),
        requiredPerDay: z.number().nullable(),
        pacePerDay: z.number().nullable(),
        percent: percentText.nullable(),
        expectedPercent: percentText.nullable(),
        coveragePercent: percentText.nullable(),
        linkingGap: z.number().int().nullable(),
        lastDrive: isoDay.nullable(),
        daysSinceLastDrive: z.number().int().nullable(),
        lagging: z.boolean(),
      })
      .meta({ id: "Suggestion" }),
  ),
});

const ReportingWeek = z
  .strictObject({
    week: z.string().meta({ examples: ["2024-W26"] }),
    start: isoDay,
    end: isoDay,
    due: isoTime,
    closed: z.boolean(),
    unit: z.strictObject({ id: unitCode, name: z.string() }),
    expected: z.number().int(),
    reported: z.number().int(),
    onTime: z.number().int(),
    approval: Approval.nullable(),
    approvals: z.array(ApprovalLevel).meta({ description: "Approvals by level, the lowest first" }),
    units: z.array(
      z.strictObject({
        unitId: unitCode,
        name: z.string(),
        status: z.enum(["on_time", "late", "missing"]),
        recordedAt: isoTime.nullable(),
        approved: z.boolean(),
      }),
    ),
  })
  .meta({ id: "ReportingWeek" });

export const ReportingAnswer = z.strictObject({
  weeks: z.array(ReportingWeek),
  communes: z.array(
    z.strictObject({
      unitId: unitCode,
      name: z.string(),
      expected: z.number().int(),
      reported: z.number().int(),
      onTime: z.number().int(),
    }),
  ),
  accounts: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .meta({ description: "Police and admin: each commune's accounts" }),
  reopenings: z
    .record(z.string(), z.strictObject({ by: z.string().nullable(), at: isoTime, reason: z.string() }))
    .optional()
    .meta({ description: "Police and admin: each week's latest reopening" }),
});

export const ApprovalAnswer = z.strictObject({
  unitId: unitCode,
  week: z.string(),
  approved: z.number().int().meta({ description: "Communes whose week this approval covered" }),
  approval: Approval.nullable(),
});

export const ReopenAnswer = z.strictObject({
  unitId: unitCode,
  week: z.string(),
  reopened: z.number().int(),
});

export const ReportingSettings = z
  .strictObject({
    due: z.strictObject({
      days: z.number().int().meta({ description: "Days after the week's Sunday" }),
      time: z.string().meta({ examples: ["17:00"] }),
    }),
    document: z.strictObject({
      parentBody: z.string(),
      issuer: z.string(),
      symbol: z.string(),
      place: z.string(),
      signerTitle: z.string(),
      signerName: z.string(),
      recipients: z.array(z.string()),
    }),
  })
  .meta({ id: "ReportingSettings" });

export const CampaignAnswer = z
  .strictObject({
    id: z.number().int(),
    name: z.string(),
    start: isoDay,
    deadline: isoDay.meta({ description: "Figures count when dated before this day" }),
    targets: z.strictObject({ coverage: z.number(), linking: z.number() }),
    targetPercents: z.strictObject({ coverage: percentText, linking: percentText }),
    tolerancePoints: z.number(),
    staleDays: z.number().int(),
    paceWindowDays: z.number().int(),
  })
  .meta({ id: "Campaign" });

export const CampaignsAnswer = z.strictObject({
  currentId: z.number().int().nullable(),
  campaigns: z.array(CampaignAnswer),
});
