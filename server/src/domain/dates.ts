const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `compute` with its answers remembered, up to `limit` of them (then forgotten all at once):
 * assessing a country and checking an import ask the same few hundred dates millions of times.
 */
function remembered<K, V>(compute: (key: K) => V, limit: number): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (answers.size >= limit) answers.clear();
      answers.set(key, answer);
    }
    return answer;
  };
}

/** True for a real calendar date written `YYYY-MM-DD` (so `2024-02-30` is false). */
export const isIsoDate = remembered((value: string): boolean => {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}, 10_000);

export const dayNumber = remembered(
  (isoDate: string): number => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS),
  100_000,
);

export const fromDayNumber = remembered(
  (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10),
  100_000,
);

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
