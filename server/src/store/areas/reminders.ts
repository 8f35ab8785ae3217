import type { Actor } from "../../domain/audit.ts";
import type { ReminderRound, ReminderSettings } from "../../domain/reminders.ts";
import { type Sql, statement } from "../sql/sql.ts";
import type { StoreContext } from "./context.ts";

export type Channel = "email" | "webhook";
export type OutboxStatus = "waiting" | "sent" | "failed" | "cancelled";

/** A message to send, as decided: to whom, by which channel, saying what. */
export interface OutboxMessage {
  /** The commune reminded (kind commune) or the officer's unit the summary is of (kind summary). */
  unitId: string;
  week: string;
  round: ReminderRound;
  kind: "commune" | "summary";
  userId: number | null;
  /** The account's username. */
  recipient: string;
  channel: Channel;
  /** The e-mail address or the phone number. */
  address: string;
  subject: string;
  /** The text, short enough for an SMS. */
  body: string;
  /** What the webhook is sent (JSON). */
  payload: unknown;
}

/** A message of the outbox with where its sending stands. */
export interface OutboxRecord extends OutboxMessage {
  id: number;
  status: OutboxStatus;
  attempts: number;
  /** When it is next tried (waiting). */
  nextAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** One unit's decision to be reminded in a round, with the messages it makes. */
export interface ReminderDecision {
  unitId: string;
  messages: OutboxMessage[];
}

/** How one try to send a message ended. */
export type SendResult =
  | { ok: true }
  | { ok: false; error: string /** null: no more tries, the message failed. */; nextAt: string | null };

/**
 * Reminders of missing reports (docs/reminders.md): the decision to remind a unit of a week in a round
 * and its messages are written in one transaction, once (a second decision for the same unit, week
 * and round writes nothing); one process at a time sends what is due (a lease in the database) and
 * every try is recorded and audited.
 */
export interface ReminderArea {
  reminderSettings(): Promise<ReminderSettings>;
  setReminderSettings(settings: ReminderSettings, actor: Actor): Promise<void>;
  /**
   * Decides, for each unit not yet decided for `week` and `round`, to remind it, and queues its
   * messages, with `summaries` (messages to the officers above, queued once per recipient): the
   * units decided now (the others were decided before).
   */
  decideReminders(
    week: string,
    round: ReminderRound,
    decisions: readonly ReminderDecision[],
    summaries: (decided: readonly string[]) => OutboxMessage[],
    actor: Actor,
  ): Promise<string[]>;
  /** Takes (or keeps) the sender's lease until `until`: false while another process holds it. */
  takeSenderLease(holder: string, now: string, until: string): Promise<boolean>;
  releaseSenderLease(holder: string): Promise<void>;
  /** The waiting messages whose time has come, oldest first. */
  dueMessages(now: string, limit: number): Promise<OutboxRecord[]>;
  /** Records one try to send a message (and audits it): sent, to try again at `nextAt`, or failed. */
  recordAttempt(message: OutboxRecord, result: SendResult, at: string): Promise<void>;
  /** A waiting message no longer needed (the unit reported meanwhile). */
  cancelMessage(message: OutboxRecord, reason: string, at: string): Promise<void>;
  /** The outbox, newest first: of a week, and of a status. */
  outbox(filter: { week?: string; status?: OutboxStatus; limit: number }): Promise<OutboxRecord[]>;
}

interface OutboxRow {
  id: number;
  unit_id: string;
  week: string;
  round: ReminderRound;
  kind: "commune" | "summary";
  user_id: number | null;
  recipient: string;
  channel: Channel;
  address: string;
  subject: string;
  body: string;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

const toRecord = (row: OutboxRow): OutboxRecord => ({
  id: Number(row.id),
  unitId: row.unit_id,
  week: row.week,
  round: row.round,
  kind: row.kind,
  userId: row.user_id === null ? null : Number(row.user_id),
  recipient: row.recipient,
  channel: row.channel,
  address: row.address,
  subject: row.subject,
  body: row.body,
  payload: JSON.parse(row.payload),
  status: row.status,
  attempts: Number(row.attempts),
  nextAt: row.next_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

const SETTINGS = statement("SELECT reminders FROM settings WHERE id = 1");
const SET_SETTINGS = statement("UPDATE settings SET reminders = @reminders WHERE id = 1");
const DECIDE = statement(
  `INSERT INTO reminder_rounds (unit_id, week, round, decided_at, decided_by)
   VALUES (@unitId, @week, @round, @at, @by) ON CONFLICT (unit_id, week, round) DO NOTHING`,
);
const QUEUE = statement(
  `INSERT INTO outbox (unit_id, week, round, kind, user_id, recipient, channel, address, subject, body,
     payload, next_at, created_at)
   VALUES (@unitId, @week, @round, @kind, @userId, @recipient, @channel, @address, @subject, @body,
     @payload, @at, @at)
   ON CONFLICT (unit_id, week, round, recipient, channel) DO NOTHING`,
);
// The lease moves to `holder` when it is free, expired, or already its own: one statement, so of two
// processes asking at once one gets it (PostgreSQL re-reads the row the other updated).
const TAKE_LEASE = statement(
  `UPDATE settings SET sender_holder = @holder, sender_until = @until
   WHERE id = 1 AND (sender_holder IS NULL OR sender_holder = @holder OR sender_until < @now)`,
);
const RELEASE_LEASE = statement(
  "UPDATE settings SET sender_holder = NULL, sender_until = NULL WHERE id = 1 AND sender_holder = @holder",
);
const DUE = statement(
  "SELECT * FROM outbox WHERE status = 'waiting' AND next_at <= @now ORDER BY next_at, id LIMIT @limit",
);
const ATTEMPT = statement(
  "INSERT INTO outbox_attempts (outbox_id, at, ok, error) VALUES (@id, @at, @ok, @error)",
);
// Only a waiting message changes: a record from a sender whose lease ran out changes nothing twice.
const AFTER_ATTEMPT = statement(
  `UPDATE outbox SET status = @status, attempts = attempts + 1, next_at = @nextAt, last_error = @error,
     sent_at = @sentAt
   WHERE id = @id AND status = 'waiting'`,
);
const CANCEL = statement(
  "UPDATE outbox SET status = 'cancelled', last_error = @reason WHERE id = @id AND status = 'waiting'",
);
const LIST = statement(
  `SELECT * FROM outbox
   WHERE (CAST(@week AS TEXT) IS NULL OR week = @week) AND (CAST(@status AS TEXT) IS NULL OR status = @status)
   ORDER BY id DESC LIMIT @limit`,
);

const SYSTEM = (at: string): Actor => ({ userId: null, username: null, ip: null, at });

async function queue(tx: Sql, message: OutboxMessage, at: string) {
  return tx.run(QUEUE, {
    unitId: message.unitId,
    week: message.week,
    round: message.round,
    kind: message.kind,
    userId: message.userId,
    recipient: message.recipient,
    channel: message.channel,
    address: message.address,
    subject: message.subject,
    body: message.body,
    payload: JSON.stringify(message.payload),
    at,
  });
}

/** What the audit log keeps of a message: never its whole text. */
const described = (m: OutboxRecord | OutboxMessage) => ({
  week: m.week,
  round: m.round,
  kind: m.kind,
  recipient: m.recipient,
  channel: m.channel,
  address: m.address,
});

export function reminderArea(ctx: StoreContext): ReminderArea {
  return {
    reminderSettings: async () => {
      const row = await ctx.sql.get<{ reminders: string }>(SETTINGS);
      if (!row) throw new Error("the settings row is missing: the migrations were not applied");
      return JSON.parse(row.reminders) as ReminderSettings;
    },
    setReminderSettings: (settings, actor) =>
      ctx.audited(actor, null, async (tx, log) => {
        const before = await tx.get<{ reminders: string }>(SETTINGS);
        await tx.run(SET_SETTINGS, { reminders: JSON.stringify(settings) });
        log({
          action: "settings.reminders",
          entity: "settings",
          before: before ? JSON.parse(before.reminders) : null,
          after: settings,
        });
      }),
    decideReminders: (week, round, decisions, summaries, actor) =>
      ctx.audited(actor, null, async (tx, log) => {
        const decided: string[] = [];
        for (const { unitId, messages } of decisions) {
          const made = await tx.run(DECIDE, { unitId, week, round, at: actor.at, by: actor.userId });
          if (made.changes === 0) continue;
          decided.push(unitId);
          for (const message of messages) await queue(tx, message, actor.at);
          log({
            action: "reminder.decide",
            entity: "reminder",
            entityId: `${unitId}/${week}/${round}`,
            unitId,
            after: { week, round, messages: messages.map(described) },
          });
        }
        if (decided.length > 0) {
          for (const summary of summaries(decided)) {
            if ((await queue(tx, summary, actor.at)).changes === 0) continue;
            log({
              action: "reminder.decide",
              entity: "reminder",
              entityId: `${summary.unitId}/${week}/${round}/${summary.recipient}`,
              unitId: summary.unitId,
              after: { week, round, messages: [described(summary)] },
            });
          }
        }
        return decided;
      }),
    takeSenderLease: async (holder, now, until) =>
      (await ctx.sql.run(TAKE_LEASE, { holder, now, until })).changes === 1,
    releaseSenderLease: async (holder) => {
      await ctx.sql.run(RELEASE_LEASE, { holder });
    },
    dueMessages: async (now, limit) => (await ctx.sql.all<OutboxRow>(DUE, { now, limit })).map(toRecord),
    recordAttempt: (message, result, at) =>
      ctx.audited(SYSTEM(at), null, async (tx, log) => {
        await tx.run(ATTEMPT, {
          id: message.id,
          at,
          ok: result.ok ? 1 : 0,
          error: result.ok ? null : result.error,
        });
        const changed = await tx.run(AFTER_ATTEMPT, {
          id: message.id,
          status: result.ok ? "sent" : result.nextAt === null ? "failed" : "waiting",
          nextAt: result.ok || result.nextAt === null ? message.nextAt : result.nextAt,
          error: result.ok ? null : result.error,
          sentAt: result.ok ? at : null,
        });
        if (changed.changes === 0) return;
        log({
          action: result.ok ? "reminder.sent" : result.nextAt === null ? "reminder.failed" : "reminder.retry",
          entity: "outbox",
          entityId: String(message.id),
          unitId: message.unitId,
          after: {
            ...described(message),
            attempt: message.attempts + 1,
            ...(result.ok ? {} : { error: result.error }),
          },
        });
      }),
    cancelMessage: (message, reason, at) =>
      ctx.audited(SYSTEM(at), null, async (tx, log) => {
        if ((await tx.run(CANCEL, { id: message.id, reason })).changes === 0) return;
        log({
          action: "reminder.cancel",
          entity: "outbox",
          entityId: String(message.id),
          unitId: message.unitId,
          after: { ...described(message), reason },
        });
      }),
    outbox: async ({ week, status, limit }) =>
      (await ctx.sql.all<OutboxRow>(LIST, { week: week ?? null, status: status ?? null, limit })).map(
        toRecord,
      ),
  };
}
