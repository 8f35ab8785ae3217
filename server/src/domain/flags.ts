import type { Metric } from "./types.ts";

export type FlagCode = "BEHIND" | "OFF_PACE" | "STALE" | "DATA";

/** A flag explains itself: `message` in English with the numbers, `values` for clients that translate by code. */
export interface Flag {
  code: FlagCode;
  metric: Metric | null;
  message: string;
  values: Record<string, FlagValue>;
}

export type FlagValue = number | string | null | readonly { id: string; name: string; eta: string | null }[];

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatCount = (n: number) => integer.format(n);
export const formatPerDay = (n: number) => twoDecimals.format(n);

export const METRIC_WORDS: Record<Metric, { rate: string; count: string; base: string }> = {
  coverage: { rate: "Coverage", count: "level-2 accounts", base: "people in scope" },
  linking: { rate: "Link rate", count: "linked accounts", base: "people with both accounts" },
};
