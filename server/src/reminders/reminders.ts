import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { withVersions } from "../auth/middleware.ts";
import type { Actor } from "../domain/audit.ts";
import { addDays } from "../domain/dates.ts";
import {
  communeReminder,
  type ReminderRound,
  type ReminderWeek,
  reminderWeek,
  roundsDue,
  summaryReminder,
} from "../domain/reminders.ts";
import { weekFromLabel } from "../domain/reporting-weeks.ts";
import { can, type User } from "../domain/roles.ts";
import { ApiError } from "../errors.ts";
import { reportingWeeks } from "../services/reporting-weeks.ts";
import type { Channel, OutboxMessage, OutboxRecord, ReminderDecision } from "../store/areas/reminders.ts";
import type { Store } from "../store/store.ts";
import type { Channels } from "./channels.ts";

/** Why a missing unit got no message in a round. */
export type Skipped = "already" | "no_account" | "no_contact";

export interface RemindOutcome {
  week: string;
  round: ReminderRound;
  /** Each unit of the week that had not reported, and what was done for it. */
  units: { unitId: string; name: string; queued: number; skipped: Skipped | null }[];
  queued: number;
}

export interface Reminders {
  channels: Channels;
  /**
   * Decides this round's reminders of `week` for the units that have not reported (of `unitIds`, which
   * the caller checked `user` may remind, or all within `user`'s part) and queues their messages;
   * returns at once: a channel that is down never slows the request. A unit already reminded in the
   * round is not reminded again.
   */
  remind(
    week: string,
    round: ReminderRound,
    actor: Actor,
    user: User | null,
    unitIds?: string[],
  ): Promise<RemindOutcome>;
  /** Decides the scheduled rounds whose time has come (Settings → Reminders). */
  plan(): Promise<void>;
  /** Sends the messages whose time has come, if no other process is sending: how many were tried. */
  sendDue(): Promise<number>;
  /** Plans and sends every `everyMs` in this process, until the returned stop is called. */
  start(everyMs?: number): () => void;
}

/** The sender's lease: renewed before each message, so a dead process lets another send within a minute. */
const LEASE_MS = 60_000;
/** Waits after each failed try: 1 min, 5 min, 15 min, 1 h, 3 h; then the message has failed. */
export const RETRY_AFTER_MS = [60_000, 300_000, 900_000, 3_600_000, 10_800_000];
/** Messages taken per read of the outbox. */
const BATCH = 20;
/** A planned round is planned again after this (a commune account added meanwhile gets its message). */
const REPLAN_MS = 10 * 60_000;

const SYSTEM = (at: string): Actor => ({ userId: null, username: null, ip: null, at });

/** The first channel an account can be reached by, in the deployment's order, or its own choice. */
function channelFor(
  account: User,
  configured: readonly Channel[],
): { channel: Channel; address: string } | null {
  if (account.reminderChannel === "none") return null;
  const address = (channel: Channel) => (channel === "email" ? account.email : account.phone);
  const order = account.reminderChannel ? [account.reminderChannel] : configured;
  for (const channel of order) {
    const to = address(channel);
    if (configured.includes(channel) && to) return { channel, address: to };
  }
  return null;
}

export function createReminders({
  store,
  channels,
  publicUrl,
  homeUnit,
  now = Date.now,
}: {
  store: Store;
  channels: Channels;
  /** The app's address, for the links in messages. */
  publicUrl: string;
  homeUnit: string | null;
  now?: () => number;
}): Reminders {
  const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
  const iso = (ms: number) => new Date(ms).toISOString();

  function message(
    base: Pick<OutboxMessage, "unitId" | "week" | "round" | "kind">,
    account: User,
    route: { channel: Channel; address: string },
    text: { subject: string; body: string },
    facts: Record<string, unknown>,
  ): OutboxMessage {
    return {
      ...base,
      userId: account.id,
      recipient: account.username,
      channel: route.channel,
      address: route.address,
      ...text,
      payload: {
        type: base.kind === "commune" ? "reminder" : "reminder-summary",
        week: base.week,
        round: base.round,
        ...facts,
        text: text.body,
        language: account.language,
        recipient: {
          username: account.username,
          fullName: account.fullName,
          phone: account.phone,
          email: account.email,
        },
      },
    };
  }

  async function remind(
    week: string,
    round: ReminderRound,
    actor: Actor,
    user: User | null,
    unitIds?: string[],
  ): Promise<RemindOutcome> {
    // The routes and the schedule give weeks that exist (validation.ts isoWeek, roundsDue).
    const monday = weekFromLabel(week) as string;
    const sunday = addDays(monday, 6);
    const { due } = await store.reportingSettings();
    const { weeks } = await reportingWeeks(store, { from: monday, to: sunday }, homeUnit, now);
    const shown = weeks[0];
    if (!shown) return { week, round, units: [], queued: 0 };
    const expected = new Set(shown.units.map((u) => u.unitId));
    for (const id of unitIds ?? []) {
      if (!expected.has(id))
        throw new ApiError(
          422,
          "UNIT_NOT_EXPECTED",
          `Unit ${JSON.stringify(id)} does not report for ${week} in this area.`,
          [{ field: "unitIds", value: id, message: `is not a commune expected to report for ${week}` }],
        );
    }
    const asked = unitIds ? new Set(unitIds) : null;
    // A commune whose week is approved cannot report into it any more: it is not reminded.
    const missing = shown.units.filter(
      (u) =>
        u.status === "missing" &&
        !u.approved &&
        (asked
          ? asked.has(u.unitId)
          : !user || can(user, "sendReminders", { unitId: u.unitId, date: sunday })),
    );
    const theWeek = reminderWeek(monday, due);
    const accounts = await Promise.all(
      (await store.listUsers()).filter((a) => !a.disabled).map((a) => withVersions(store, a, now())),
    );
    const communeAccounts = accounts.filter((a) => a.role === "commune");
    const outcome: RemindOutcome["units"] = [];
    const decisions: ReminderDecision[] = [];
    for (const unit of missing) {
      const reached = communeAccounts.filter((a) =>
        can(a, "writeReports", { unitId: unit.unitId, date: sunday }),
      );
      const messages = reached.flatMap((account) => {
        const route = channelFor(account, channels.configured);
        if (!route) return [];
        const form = `${publicUrl}/reports/new?unit=${unit.unitId}&date=${sunday}`;
        const text = communeReminder(account.language, unit.name, theWeek, form);
        return [
          message({ unitId: unit.unitId, week, round, kind: "commune" }, account, route, text, {
            unit: { id: unit.unitId, name: unit.name },
            weekStart: theWeek.start,
            weekEnd: theWeek.end,
            due: theWeek.due,
            missing: ["report"],
            form,
          }),
        ];
      });
      outcome.push({
        unitId: unit.unitId,
        name: unit.name,
        queued: messages.length,
        skipped: reached.length === 0 ? "no_account" : messages.length === 0 ? "no_contact" : null,
      });
      if (messages.length > 0) decisions.push({ unitId: unit.unitId, messages });
    }
    const history = await store.unitHistory();
    const nameOf = (id: string) => history.resolve(id, sunday)?.unit.name ?? id;
    const summaries = (decided: readonly string[]) =>
      round === "manual"
        ? []
        : officerSummaries(accounts, decided, shown.unit.id, nameOf, week, round, theWeek, sunday);
    const decided = new Set(await store.decideReminders(week, round, decisions, summaries, actor));
    for (const unit of outcome) {
      if (unit.skipped === null && !decided.has(unit.unitId)) {
        unit.skipped = "already";
        unit.queued = 0;
      }
    }
    if (decided.size > 0) void sendDue();
    return { week, round, units: outcome, queued: outcome.reduce((sum, u) => sum + u.queued, 0) };
  }

  /** To each police and admin account, the communes of its part reminded now, named in one message. */
  function officerSummaries(
    accounts: readonly User[],
    decided: readonly string[],
    areaId: string,
    nameOf: (id: string) => string,
    week: string,
    round: ReminderRound,
    theWeek: ReminderWeek,
    sunday: string,
  ): OutboxMessage[] {
    return accounts.flatMap((account) => {
      if (account.role !== "police" && account.role !== "admin") return [];
      const theirs = decided.filter((id) => can(account, "sendReminders", { unitId: id, date: sunday }));
      const route = channelFor(account, channels.configured);
      if (theirs.length === 0 || !route) return [];
      const partId = account.unitId ?? areaId;
      const partName = nameOf(partId);
      const page = `${publicUrl}/reports/status?week=${week}`;
      const text = summaryReminder(account.language, partName, theirs.map(nameOf), theWeek, page);
      return [
        message({ unitId: partId, week, round, kind: "summary" }, account, route, text, {
          unit: { id: partId, name: partName },
          weekStart: theWeek.start,
          weekEnd: theWeek.end,
          due: theWeek.due,
          missingUnits: theirs.map((id) => ({ id, name: nameOf(id) })),
          page,
        }),
      ];
    });
  }

  const planned = new Map<string, number>();
  async function plan() {
    const settings = await store.reminderSettings();
    const { due } = await store.reportingSettings();
    for (const { week, round } of roundsDue(now(), due, settings)) {
      const key = `${week}/${round}`;
      if ((planned.get(key) ?? -Infinity) > now() - REPLAN_MS) continue;
      await remind(week, round, SYSTEM(iso(now())), null);
      planned.set(key, now());
    }
  }

  /** Messages to communes that reported meanwhile are not sent. */
  async function reportedMeanwhile(messages: readonly OutboxRecord[]): Promise<Set<number>> {
    const communes = messages.filter((m) => m.kind === "commune");
    const cancelled = new Set<number>();
    for (const week of new Set(communes.map((m) => m.week))) {
      const monday = weekFromLabel(week) as string;
      const ofWeek = communes.filter((m) => m.week === week);
      const recorded = await store.firstRecorded(
        [...new Set(ofWeek.map((m) => m.unitId))],
        monday,
        addDays(monday, 6),
      );
      for (const m of ofWeek) if ((recorded.get(m.unitId)?.size ?? 0) > 0) cancelled.add(m.id);
    }
    return cancelled;
  }

  let sending: Promise<number> | null = null;
  let again = false;
  async function sendOnce(): Promise<number> {
    const lease = () => store.takeSenderLease(holder, iso(now()), iso(now() + LEASE_MS));
    // Most ticks find nothing to send: a read, not a write of the lease.
    if ((await store.dueMessages(iso(now()), 1)).length === 0) return 0;
    if (!(await lease())) return 0;
    let tried = 0;
    try {
      for (;;) {
        const messages = await store.dueMessages(iso(now()), BATCH);
        if (messages.length === 0) break;
        const reported = await reportedMeanwhile(messages);
        for (const m of messages) {
          if (!(await lease())) return tried;
          if (reported.has(m.id)) {
            await store.cancelMessage(m, "the commune reported meanwhile", iso(now()));
            continue;
          }
          tried++;
          try {
            await channels.send(m);
            await store.recordAttempt(m, { ok: true }, iso(now()));
          } catch (error) {
            const wait = RETRY_AFTER_MS[m.attempts];
            const reason = error instanceof Error ? error.message : String(error);
            await store.recordAttempt(
              m,
              {
                ok: false,
                error: reason.slice(0, 500),
                nextAt: wait === undefined ? null : iso(now() + wait),
              },
              iso(now()),
            );
          }
        }
      }
    } finally {
      await store.releaseSenderLease(holder);
    }
    return tried;
  }
  function sendDue(): Promise<number> {
    // One round of sending at a time in a process: a call meanwhile makes it look once more at the end.
    if (sending) {
      again = true;
      return sending;
    }
    sending = (async () => {
      let tried = 0;
      do {
        again = false;
        tried += await sendOnce();
      } while (again);
      return tried;
    })().finally(() => {
      sending = null;
    });
    return sending;
  }

  return {
    channels,
    remind,
    plan,
    sendDue,
    start(everyMs = 30_000) {
      let stopped = false;
      const tick = async () => {
        try {
          await plan();
          await sendDue();
        } catch (error) {
          console.error("reminders:", error);
        }
        if (!stopped) timer = setTimeout(tick, everyMs).unref();
      };
      let timer = setTimeout(tick, 1_000).unref();
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },
  };
}
