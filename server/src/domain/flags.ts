import type { Metric } from "./types.ts";

export type FlagCode = "BEHIND" | "OFF_PACE" | "STALE" | "DATA";

/**
 * A flag explains itself: `values` for clients that translate by code, and `message`, the English
 * sentence the catalogue makes of them (flag-text.ts), for clients that do not.
 */
export interface Flag {
  code: FlagCode;
  metric: Metric | null;
  message: string;
  values: Record<string, FlagValue>;
}

export type FlagValue =
  | number
  | string
  | null
  | readonly { id: string; name: string; eta: string | null; shortfall: number }[];

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** A count in the API's English messages: 1,012. */
export const formatCount = (n: number) => integer.format(n);
