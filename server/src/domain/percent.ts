/**
 * The displayed percent of n / d, truncated to two decimals and never rounded up:
 * floor(10000 × n / d) / 100 in integer arithmetic, so 80,272 / 122,204 is "65.68" and
 * "100.00" appears only when n ≥ d. Null when there is no denominator.
 */
export function truncatedPercent(numerator: number, denominator: number): string | null {
  if (!(denominator > 0)) return null;
  const scaled = 10_000 * numerator;
  const hundredths = (scaled - (scaled % denominator)) / denominator;
  return formatHundredths(hundredths);
}

/**
 * The same truncation for a rate that is not a ratio of two counts (an expected rate on the
 * trajectory). The tiny epsilon keeps 0.6568 from showing as 65.67 through binary rounding.
 */
export function truncatedPercentOfRate(rate: number | null): string | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  return formatHundredths(Math.floor(rate * 10_000 + 1e-9));
}

function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * A target typed as a percent, with a decimal comma or point ("97,5", "97.5", "100"), as a rate
 * (0.975); null for anything else. The canonical percent strings ("97.50") read back the same.
 */
export function rateOfPercentText(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return hundredths / 10_000;
}

/** "100.00" → "100", "97.50" → "97,5" in Vietnamese, "97.5" in English: a target as a person types it. */
export function percentTextOf(percent: string, decimal: "," | "."): string {
  const trimmed = percent.includes(".") ? percent.replace(/\.?0+$/, "") : percent;
  return trimmed.replace(".", decimal);
}

/** Rounds a per-day figure to two decimals for the API. */
export function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}
