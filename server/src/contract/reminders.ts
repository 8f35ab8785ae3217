import { z } from "zod";
import { isoTime, unitCode } from "./common.ts";

// Reminders of missing reports (docs/reminders.md): sending a round now, the outbox, the settings.

const Round = z.enum(["due", "later", "manual"]);

export const RemindAnswer = z
  .strictObject({
    week: z.string().meta({ examples: ["2026-W48"] }),
    round: Round,
    units: z.array(
      z.strictObject({
        unitId: unitCode,
        name: z.string(),
        queued: z.number().int().meta({ description: "Messages queued for its accounts" }),
        skipped: z.enum(["already", "no_account", "no_contact"]).nullable().meta({
          description:
            "Why nothing was queued: already reminded in this round, no commune account, or no account with a contact for a channel configured",
        }),
      }),
    ),
    queued: z.number().int(),
  })
  .meta({ id: "RemindAnswer" });

export const OutboxAnswer = z
  .strictObject({
    messages: z.array(
      z.strictObject({
        id: z.number().int(),
        unitId: unitCode,
        week: z.string(),
        round: Round,
        kind: z.enum(["commune", "summary"]),
        recipient: z.string(),
        channel: z.enum(["email", "webhook"]),
        address: z.string(),
        subject: z.string(),
        body: z.string(),
        status: z.enum(["waiting", "sent", "failed", "cancelled"]),
        attempts: z.number().int(),
        nextAt: isoTime.meta({ description: "When a waiting message is tried next" }),
        lastError: z.string().nullable(),
        createdAt: isoTime,
        sentAt: isoTime.nullable(),
      }),
    ),
  })
  .meta({ id: "OutboxAnswer" });

const DueRule = z.strictObject({
  days: z.number().int().meta({ description: "Days after the week's Sunday" }),
  time: z.string().meta({ examples: ["08:00"] }),
});

export const ReminderSettingsAnswer = z
  .strictObject({
    enabled: z
      .boolean()
      .meta({ description: "The scheduled rounds (at the due time and the later time) are sent" }),
    later: DueRule.nullable().meta({ description: "The later round; null: none" }),
    channels: z.array(z.enum(["email", "webhook"])).meta({
      description: "The channels this deployment is configured with (SMTP_URL, REMINDER_WEBHOOK_URL)",
    }),
  })
  .meta({ id: "ReminderSettings" });
