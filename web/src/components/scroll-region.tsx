import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways on a phone instead of widening the page. It takes focus, so that
 * keyboard users can scroll it too, and is named for screen readers.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <section className="table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
