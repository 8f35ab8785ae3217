const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// An import checks the same few dates hundreds of thousands of times: remember the answers.
const isoDateAnswers = new Map<string, boolean>();

/** True for a real calendar date written `YYYY-MM-DD` (so `2024-02-30` is false). */
export function isIsoDate(value: string): boolean {
  let answer = isoDateAnswers.get(value);
  if (answer === undefined) {
    const match = ISO_DATE.exec(value);
    if (!match) answer = false;
    else {
      const [, y, m, d] = match.map(Number) as [number, number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      answer = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    }
    if (isoDateAnswers.size > 10_000) isoDateAnswers.clear();
    isoDateAnswers.set(value, answer);
  }
  return answer;
}

// Assessing a country parses the same few hundred dates millions of times: remember them.
const dayNumbers = new Map<string, number>();

export function dayNumber(isoDate: string): number {
  let day = dayNumbers.get(isoDate);
  if (day === undefined) {
    day = Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(isoDate, day);
  }
  return day;
}

const isoDates = new Map<number, string>();

export function fromDayNumber(day: number): string {
  let iso = isoDates.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoDates.size > 100_000) isoDates.clear();
    isoDates.set(day, iso);
  }
  return iso;
}

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(dayNumber(isoDate) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export const laterOf = (a: string, b: string) => (a >= b ? a : b);
export const earlierOf = (a: string, b: string) => (a <= b ? a : b);

/** Vietnam keeps UTC+7 all year: the day a report is typed in is that day there. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export const vietnamDate = (nowMs: number) => new Date(nowMs + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
