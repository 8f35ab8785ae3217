import { useState } from "react";
import { useI18n } from "../lib/i18n.tsx";

/** How many entries a list on the overview shows before "Xem tất cả N". */
export const SHORT_LIST = 10;
/** From how many children a unit's flags (which name its communes) open on demand: a province, not a district. */
export const MANY_UNITS = 30;

/**
 * The first `limit` items and, when there are more, a button that shows them all (and folds them
 * back): at 135 communes every list stays a screenful until the reader asks for the rest.
 */
export function useShortList<T>(items: readonly T[], limit = SHORT_LIST) {
  const { t, fill } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, limit);
  const toggle =
    items.length > limit ? (
      <button type="button" className="show-all no-print" aria-expanded={all} onClick={() => setAll(!all)}>
        {all ? t.common.showFewer : fill(t.common.showAll, { count: items.length })}
      </button>
    ) : null;
  return { shown, toggle };
}
