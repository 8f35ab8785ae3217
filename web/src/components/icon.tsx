const PATHS = {
  // A triangle with an exclamation mark: lagging, behind, figures to check.
  warning: "M12 2 1 21h22L12 2zm0 6 .01 0L12 14h-.01zM11 16h2v2h-2z",
  // A clock face: off pace, out of date.
  clock:
    "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16zm-1 3v6l5 3 1-1.7-4-2.3V7z",
  // A tick: reached, on track.
  check: "M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z",
  // A cross: missing.
  cross: "M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z",
} as const;

export type IconName = keyof typeof PATHS;

/** A small inline icon; always paired with a word, so it is hidden from screen readers. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
