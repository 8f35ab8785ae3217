import { Hono } from "hono";
import { z } from "zod";
import { authorize } from "../auth/middleware.ts";
import { documented } from "../contract/documented.ts";
import { DriveAnswer, DrivesAnswer, SuggestionsAnswer } from "../contract/work.ts";
import { isIsoDate, vietnamDate } from "../domain/dates.ts";
import { checkDrive, DRIVE_STATUSES, type Drive, type DriveInput, suggestDrives } from "../domain/drives.ts";
import { reportingUnitsOn } from "../domain/overview.ts";
import type { Problem } from "../domain/report-validation.ts";
import { can } from "../domain/roles.ts";
import { METRICS } from "../domain/types.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { areaCodes, assessmentInput, campaignParam } from "../services/assessment-input.ts";
import { drivesOf } from "../services/unit-drives.ts";
import type { Store } from "../store/store.ts";
import { isoDate, plainText, validJson, validQuery } from "../validation.ts";

const code = z.union([z.string(), z.number()]).transform(String);
const optionalText = z
  .string()
  .nullable()
  .transform((v) => (v === null || v.trim() === "" ? null : v.trim()));
const fields = {
  unitId: code,
  villageId: code.nullable().transform((v) => (v === null || v === "" ? null : v)),
  date: z.string().max(32),
  startTime: optionalText,
  endTime: optionalText,
  team: plainText(200),
  planned: z.unknown(),
  status: z.enum(DRIVE_STATUSES),
  registrations: z.unknown(),
  linked: z.unknown(),
  notes: plainText(2000),
};
const createBody = z.object({
  ...fields,
  villageId: fields.villageId.default(null),
  startTime: fields.startTime.default(null),
  endTime: fields.endTime.default(null),
  status: fields.status.default("planned"),
  registrations: fields.registrations.default(null),
  linked: fields.linked.default(null),
  notes: fields.notes.default(""),
});
const updateBody = z.object(fields).partial();
const listQuery = z.object({
  unit: z.string().min(1).optional(),
  status: z.enum(DRIVE_STATUSES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
const suggestionsQuery = z.object({
  unit: z.string().min(1).optional(),
  date: isoDate.optional(),
  metric: z.enum(METRICS).optional(),
  campaign: campaignParam,
});

export function driveRoutes(store: Store, homeUnit: string | null, now: () => number) {
  /** Whether a unit is one of the communes of the deployment's area, today or before a change of units. */
  async function homeArea(): Promise<(unitId: string) => boolean> {
    const ids = await areaCodes(store, homeUnit, now);
    return (unitId) => ids.has(unitId);
  }

  /**
   * Checks a drive against the rules, in the tree of its date; a 422 naming each problem's field and
   * value. A new drive, or one whose date or status changes, may not be planned for a day past.
   */
  async function valid(input: DriveInput, before?: Drive): Promise<DriveInput> {
    const history = await store.unitHistory();
    const tree = history.treeOn(isIsoDate(input.date) ? input.date : vietnamDate(now()));
    const problems: Problem[] = checkDrive(
      input,
      tree.get(input.unitId),
      input.villageId ? tree.get(input.villageId) : undefined,
      vietnamDate(now()),
      before,
    );
    if (problems.length > 0) {
      throw new ApiError(
        422,
        "DRIVE_INVALID",
        problems.map((p) => p.message).join(" "),
        problems.map((p) => ({
          ...p,
          value: (input as unknown as Record<string, unknown>)[p.field] ?? null,
        })),
      );
    }
    return input;
  }

  async function existing(id: string): Promise<Drive> {
    const drive = /^\d+$/.test(id) ? await store.getDrive(Number(id)) : undefined;
    if (!drive) throw new ApiError(404, "DRIVE_NOT_FOUND", `No drive has the id ${JSON.stringify(id)}.`);
    return drive;
  }

  const mayWrite = (unitId: string) => ({ action: "plan drives", unitId });

  return new Hono<AppEnv>()
    .get(
      "/",
      documented({
        summary:
          "Drives, with each done drive's effect on its commune's pace (team and notes: signed in only)",
        tag: "Drives",
        access: "dashboard",
        answers: { 200: DrivesAnswer },
        errors: [404],
      }),
      validQuery(listQuery),
      async (c) => {
        const { drives } = await drivesOf(store, c.req.valid("query"), homeUnit, now, c.get("user"));
        return c.json({ drives });
      },
    )
    .get(
      "/suggestions",
      documented({
        summary: "Where the next drives matter most: communes by projected shortfall",
        tag: "Drives",
        access: "dashboard",
        answers: { 200: SuggestionsAnswer },
        errors: [404, 409],
      }),
      validQuery(suggestionsQuery),
      async (c) => {
        const q = c.req.valid("query");
        const { tree, unitId, date, campaign, states } = await assessmentInput(store, q, homeUnit, now);
        const communes = reportingUnitsOn(tree, unitId, states, campaign, date);
        const drives = await store.listDrives({ unitIds: communes.map((x) => x.unit.id), to: date });
        return c.json({ date, suggestions: suggestDrives(communes, drives, date, q.metric) });
      },
    )
    .post(
      "/",
      documented({
        summary: "Plan a drive, or record one done with its results",
        tag: "Drives",
        access: "signed-in",
        answers: { 201: DriveAnswer },
        errors: [422],
      }),
      validJson(createBody),
      async (c) => {
        const body = c.req.valid("json") as DriveInput;
        const inArea = await homeArea();
        await authorize(
          c,
          store,
          (user) => can(user, "planDrives", { unitId: body.unitId, date: body.date }, inArea),
          mayWrite(body.unitId),
        );
        const drive = await store.createDrive(await valid(body), c.get("actor"));
        return c.json({ drive }, 201);
      },
    )
    .patch(
      "/:id",
      documented({
        summary: "Change a drive: its plan, its results, its status",
        tag: "Drives",
        access: "signed-in",
        answers: { 200: DriveAnswer },
        errors: [404, 422],
      }),
      validJson(updateBody),
      async (c) => {
        const current = await existing(c.req.param("id"));
        const next = { ...current, ...(c.req.valid("json") as Partial<DriveInput>) };
        const { id: _, ...input } = next;
        const inArea = await homeArea();
        await authorize(
          c,
          store,
          (user) =>
            can(user, "planDrives", { unitId: current.unitId, date: current.date }, inArea) &&
            can(user, "planDrives", { unitId: input.unitId, date: input.date }, inArea),
          mayWrite(input.unitId),
        );
        const drive = await store.updateDrive(current.id, await valid(input, current), c.get("actor"));
        return c.json({ drive });
      },
    )
    .delete(
      "/:id",
      documented({
        summary: "Delete a drive",
        tag: "Drives",
        access: "signed-in",
        answers: { 204: null },
        errors: [404],
      }),
      async (c) => {
        const current = await existing(c.req.param("id"));
        const inArea = await homeArea();
        await authorize(
          c,
          store,
          (user) => can(user, "planDrives", { unitId: current.unitId, date: current.date }, inArea),
          mayWrite(current.unitId),
        );
        await store.deleteDrive(current.id, c.get("actor"));
        return c.body(null, 204);
      },
    );
}
