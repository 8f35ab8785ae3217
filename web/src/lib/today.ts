import { vietnamDate } from "@vneid-tracker/server/domain/dates.ts";

/** Today as the district counts it (Vietnam's day, whatever the browser's time zone): the web's one clock. */
export const vietnamToday = (): string => vietnamDate(Date.now());
