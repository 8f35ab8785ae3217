import { addDays, format, parseISO } from "date-fns";
import { useI18n } from "../lib/i18n.tsx";
import { DateInput } from "./date-input.tsx";

const shift = (isoDate: string, days: number) => format(addDays(parseISO(isoDate), days), "yyyy-MM-dd");

/** The "as of" date: a week back, a date picker, a week forward. */
export function DateNav({ date, onChange }: { date: string; onChange: (date: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="date-nav">
      <button type="button" onClick={() => onChange(shift(date, -7))} aria-label={t.common.previousWeekLabel}>
        ◀<span className="nav-word"> {t.common.previousWeek}</span>
      </button>
      <DateInput value={date} onChange={onChange} label={t.common.chooseDate} />
      <button type="button" onClick={() => onChange(shift(date, 7))} aria-label={t.common.nextWeekLabel}>
        <span className="nav-word">{t.common.nextWeek} </span>▶
      </button>
    </div>
  );
}
