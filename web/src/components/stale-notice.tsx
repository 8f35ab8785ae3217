import { vietnamTime } from "@vneid-tracker/server/domain/reporting-weeks.ts";
import { useI18n } from "../lib/i18n.tsx";
import { useOnline } from "../lib/online.ts";

/** Figures older than this on screen while a newer answer is on its way are said to be old. */
const FRESH_MS = 60_000;

/**
 * Says when the figures on screen are the ones saved on this device, not the server's of now:
 * offline (the browser says so, or the server could not be reached: a phone with a weak signal
 * often counts as online), with the time they were fetched; online, while the newer answer is on
 * its way.
 */
export function StaleNotice({
  updatedAt,
  fetching,
  failed,
}: {
  updatedAt: number;
  fetching: boolean;
  /** The last try to refresh them failed (a signal too weak to reach the server). */
  failed: boolean;
}) {
  const { t, fill } = useI18n();
  const online = useOnline();
  if (updatedAt === 0) return null;
  const time = vietnamTime(new Date(updatedAt).toISOString());
  if (!online || failed) {
    return (
      <p className="notice stale-notice" role="status">
        {fill(t.common.offlineFigures, { time })}
      </p>
    );
  }
  if (fetching && Date.now() - updatedAt > FRESH_MS) {
    return (
      <p className="notice stale-notice" role="status">
        {fill(t.common.cachedFigures, { time })}
      </p>
    );
  }
  return null;
}
