import { useEffect, useState } from "react";

/**
 * Whether an element has come within a screen's height of the screen — and from then on, true.
 * For what is costly to fetch or draw and sits below the first screens (a province's shapes: ~200 KB
 * on a rural link and a long task on a slow phone): asked for when the user scrolls towards it.
 * Returns the ref to put on the element (watched from whenever it appears) and the answer.
 */
export function useNearScreen<T extends Element>(): [(element: T | null) => void, boolean] {
  const [element, setElement] = useState<T | null>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === "undefined");
  useEffect(() => {
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: "100% 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, element]);
  return [setElement, near];
}
