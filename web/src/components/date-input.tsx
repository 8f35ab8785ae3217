import { useI18n } from "../lib/i18n.tsx";

/**
 * A native date picker that shows its value as dd/MM/yyyy whatever the browser's own locale
 * (a Vietnamese reader must never see 07/06/2024 and think of June).
 */
export function DateInput({
  value,
  onChange,
  label,
  id,
  max,
}: {
  value: string;
  onChange: (isoDate: string) => void;
  label?: string;
  id?: string;
  max?: string;
}) {
  const { f } = useI18n();
  return (
    <span className="date-field">
      <input
        id={id}
        type="date"
        aria-label={label}
        value={value}
        max={max}
        onChange={(event) => {
          if (event.target.value) onChange(event.target.value);
        }}
      />
      <span className="date-display" aria-hidden="true">
        {value ? f.date(value) : ""}
      </span>
    </span>
  );
}
