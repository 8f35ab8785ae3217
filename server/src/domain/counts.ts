/**
 * The one parser for every count typed or imported the Vietnamese way (report form, drive form,
 * imports, query strings): `.`, `,` or a space between groups of exactly three digits group
 * thousands ("80.272", "80,272", "1 000" → 80272, 80272, 1000); a leading minus is kept for the
 * validation to call negative. Anything else ("1,5", "1.05", "6.41O") is not a whole number: null,
 * never a silent 1 or 80.
 */
export function parseCount(text: string): number | null {
  // The usual cell, plain digits (at most 15: always a safe integer), without the work below.
  if (PLAIN_DIGITS.test(text)) return Number(text);
  const trimmed = text.trim().replace(/[\u00a0\u202f]/g, " ");
  const sign = trimmed.startsWith("-") ? -1 : 1;
  const digits = sign === -1 ? trimmed.slice(1) : trimmed;
  let whole: string | null = null;
  if (/^\d+$/.test(digits)) whole = digits;
  else if (/^\d{1,3}([., ]\d{3})+$/.test(digits) && new Set(digits.replace(/\d/g, "")).size === 1) {
    whole = digits.replace(/[., ]/g, "");
  }
  if (whole === null) return null;
  const value = sign * Number(whole);
  return Number.isSafeInteger(value) ? value : null;
}

const PLAIN_DIGITS = /^\d{1,15}$/;

/**
 * A count cell or field as the rules receive it: a number stays a number, text that parses becomes
 * its count, anything else is returned as it is so that the validation names the value given.
 */
export function countValue(value: unknown): unknown {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return value ?? null;
  if (value.trim() === "") return null;
  return parseCount(value) ?? value.trim();
}
