import { flagText } from "@vneid-tracker/server/domain/flag-text.ts";
import type { Flag } from "../lib/api.ts";
import { useI18n } from "../lib/i18n.tsx";
import { Icon, type IconName } from "./icon.tsx";

const ICON: Record<Flag["code"], IconName> = {
  BEHIND: "warning",
  OFF_PACE: "clock",
  STALE: "clock",
  DATA: "warning",
};

/** A flag as icon + word + colour (never colour alone), with the metric it is about. */
export function FlagBadge({ flag }: { flag: Flag }) {
  const { t } = useI18n();
  return (
    <span className={`flag flag-${flag.code.toLowerCase().replace("_", "-")}`}>
      <Icon name={ICON[flag.code]} />
      {t.flag[flag.code]}
      {flag.metric && <span className="flag-metric"> · {t.flagMetric[flag.metric]}</span>}
    </span>
  );
}

/** Each flag with its explanation in plain words and numbers. */
export function FlagList({ flags, emptyText }: { flags: readonly Flag[]; emptyText?: string }) {
  const { t, f } = useI18n();
  if (flags.length === 0) return emptyText ? <p className="muted">{emptyText}</p> : null;
  return (
    <ul className="flag-list">
      {flags.map((flag) => (
        <li key={`${flag.code}-${flag.metric}-${String(flag.values.field ?? "")}`}>
          <FlagBadge flag={flag} />
          <span className="flag-text">{flagText(flag, t, f)}</span>
        </li>
      ))}
    </ul>
  );
}
