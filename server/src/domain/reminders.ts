import { formatMessage, type Language, MESSAGES } from "../messages/format.ts";
import { addDays } from "./dates.ts";
import { type DueRule, dueOf, vietnamTime, weekLabel, weekNumberOf, weekStart } from "./reporting-weeks.ts";

/**
 * Reminders of missing reports (docs/reminders.md). A week's communes that have not reported are
 * reminded in rounds: when the week's reports fall due (`due`), at a later time the deployment sets
 * (`later`), and when an officer asks (`manual`). Each unit is reminded at most once per week and round.
 */
export type ReminderRound = "due" | "later" | "manual";

export interface ReminderSettings {
  /** The scheduled rounds (due and later) are sent; an officer may always send one by hand. */
  enabled: boolean;
  /** The later round: `days` after the week's Sunday at `time` in Vietnam; null: none. */
  later: DueRule | null;
}

export const DEFAULT_REMINDERS: ReminderSettings = { enabled: false, later: null };

/**
 * The scheduled rounds whose time has come at `nowMs`, of the week being chased: the latest week whose
 * reports are due (an older week's rounds are not sent any more: its reminders came in its time).
 */
export function roundsDue(
  nowMs: number,
  due: DueRule,
  settings: ReminderSettings,
): { week: string; monday: string; round: ReminderRound }[] {
  if (!settings.enabled) return [];
  const today = new Date(nowMs + 7 * 3600 * 1000).toISOString().slice(0, 10);
  // Due within the week after it ends (`days` is 0 to 6): the chased week is last week or the one before.
  const chased = [addDays(weekStart(today), -7), addDays(weekStart(today), -14)].find(
    (monday) => Date.parse(dueOf(monday, due)) <= nowMs,
  );
  if (chased === undefined) return [];
  const rounds: { week: string; monday: string; round: ReminderRound }[] = [
    { week: weekLabel(chased), monday: chased, round: "due" },
  ];
  if (settings.later && Date.parse(dueOf(chased, settings.later)) <= nowMs)
    rounds.push({ week: weekLabel(chased), monday: chased, round: "later" });
  return rounds;
}

/** The week a reminder is of: its label, its first and last day, when its reports are due. */
export interface ReminderWeek {
  label: string;
  start: string;
  end: string;
  due: string;
}

export function reminderWeek(monday: string, due: DueRule): ReminderWeek {
  return { label: weekLabel(monday), start: monday, end: addDays(monday, 6), due: dueOf(monday, due) };
}

/** "14/2024" and the due moment without its year, "08/04 12:00": an SMS counts its characters. */
const weekValues = (week: ReminderWeek) => ({
  week: weekNumberOf(week.label),
  due: vietnamTime(week.due).slice(0, 5) + vietnamTime(week.due).slice(10),
});

/** A commune's reminder: a subject (e-mail) and a text short enough for an SMS, with the form's address. */
export function communeReminder(language: Language, unitName: string, week: ReminderWeek, formUrl: string) {
  const t = MESSAGES[language].reminders;
  const values = { ...weekValues(week), unit: unitName, url: formUrl };
  return {
    subject: formatMessage(language, t.subject, values),
    body: formatMessage(language, t.commune, values),
  };
}

/** How many communes a summary names before "and N more": it stays within an SMS or two. */
const NAMED = 3;

/** An officer's summary: how many of the communes of their part have not reported, the first few named. */
export function summaryReminder(
  language: Language,
  unitName: string,
  missing: readonly string[],
  week: ReminderWeek,
  pageUrl: string,
) {
  const t = MESSAGES[language].reminders;
  const named = missing.slice(0, NAMED).join(", ");
  const more = missing.length - NAMED;
  const values = {
    ...weekValues(week),
    unit: unitName,
    count: missing.length,
    names: more > 0 ? formatMessage(language, t.andMore, { names: named, more }) : named,
    url: pageUrl,
  };
  return {
    subject: formatMessage(language, t.summarySubject, values),
    body: formatMessage(language, t.summary, values),
  };
}
