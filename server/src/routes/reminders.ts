import { Hono } from "hono";
import { z } from "zod";
import { allow, authorize } from "../auth/middleware.ts";
import { documented } from "../contract/documented.ts";
import { OutboxAnswer, RemindAnswer, ReminderSettingsAnswer } from "../contract/reminders.ts";
import { addDays } from "../domain/dates.ts";
import { weekFromLabel } from "../domain/reporting-weeks.ts";
import { can } from "../domain/roles.ts";
import type { AppEnv } from "../env.ts";
import type { Reminders } from "../reminders/reminders.ts";
import type { Store } from "../store/store.ts";
import { dueRule, isoWeek, validJson, validQuery } from "../validation.ts";

const remindBody = z.object({
  week: isoWeek,
  unitIds: z
    .array(z.union([z.string(), z.number()]).transform(String))
    .min(1, "must name at least one unit, or be left out for every unit")
    .max(5_000)
    .optional(),
});
const outboxQuery = z.object({
  week: isoWeek.optional(),
  status: z.enum(["waiting", "sent", "failed", "cancelled"]).optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
});

const settingsBody = z.object({
  enabled: z.boolean(),
  later: dueRule.nullable(),
});

/**
 * `/api/reminders`: police and admin remind the communes of their part that have not reported a week
 * (now, once per unit and week); the outbox of every message and its sending, for the area's officers.
 */
export function reminderRoutes(store: Store, reminders: Reminders) {
  return new Hono<AppEnv>()
    .post(
      "/",
      documented({
        summary:
          "Remind now the communes that have not reported a week (police, admin, within their part): one message per commune account, once per unit and week",
        tag: "Reporting",
        access: "signed-in",
        answers: { 201: RemindAnswer },
        errors: [409, 422],
      }),
      allow(store, (user) => can(user, "sendReminders"), "send reminders"),
      validJson(remindBody),
      async (c) => {
        const { week, unitIds } = c.req.valid("json");
        const sunday = addDays(weekFromLabel(week) as string, 6);
        for (const unitId of unitIds ?? []) {
          await authorize(c, store, (user) => can(user, "sendReminders", { unitId, date: sunday }), {
            action: "send reminders",
            unitId,
          });
        }
        const outcome = await reminders.remind(
          week,
          "manual",
          c.get("actor"),
          c.get("user") ?? null,
          unitIds,
        );
        return c.json(outcome, 201);
      },
    )
    .get(
      "/",
      documented({
        summary:
          "The outbox: every reminder, sent, waiting or failed with the reason (police and admin of the whole area)",
        tag: "Reporting",
        access: "signed-in",
        answers: { 200: OutboxAnswer },
        errors: [422],
      }),
      allow(store, (user) => can(user, "readAudit"), "read the outbox"),
      validQuery(outboxQuery),
      async (c) => {
        const messages = await store.outbox(c.req.valid("query"));
        return c.json({ messages: messages.map(({ payload: _, userId: __, ...shown }) => shown) });
      },
    );
}

/** `/api/settings/reminders`: whether the scheduled rounds are sent, and the later round's time (admin). */
export function reminderSettingsRoutes(store: Store, reminders: Reminders) {
  const answer = async () => ({
    ...(await store.reminderSettings()),
    channels: reminders.channels.configured,
  });
  return new Hono<AppEnv>()
    .get(
      "/",
      documented({
        summary: "Whether reminders are sent at the due time and later, and the channels configured",
        tag: "Reporting",
        access: "signed-in",
        answers: { 200: ReminderSettingsAnswer },
      }),
      allow(store, (user) => can(user, "sendReminders"), "read the reminder settings"),
      async (c) => c.json(await answer()),
    )
    .put(
      "/",
      documented({
        summary: "Turn the scheduled reminders on or off and set the later round (admin)",
        tag: "Reporting",
        access: "signed-in",
        answers: { 200: ReminderSettingsAnswer },
        errors: [422],
      }),
      allow(store, (user) => can(user, "editCampaign"), "change the reminder settings"),
      validJson(settingsBody),
      async (c) => {
        await store.setReminderSettings(c.req.valid("json"), c.get("actor"));
        return c.json(await answer());
      },
    );
}
