import { vietnamTime } from "@vneid-tracker/server/domain/reporting-weeks.ts";
import { useEffect, useLayoutEffect, useRef } from "react";
import { useLocation } from "wouter";
import { useI18n } from "./i18n.tsx";

/**
 * A return visit paints the page last seen at its address before the app's scripts run: when a page
 * shows figures fresh from the server, a copy of its top (header, headline, figures — not the
 * chart, map or tables) is kept in localStorage with the time they were saved, and
 * web/first-paint.js (built with a hash in its name: vite.config.ts) puts it on screen while the
 * scripts load. The app hides it as soon as it shows the figures itself (restored from the device,
 * then refreshed), moves elsewhere, or after a few seconds. On a slow phone this is the difference
 * between a page at once and one after a second.
 */
const KEY = "kept-paint";
/** Longer copies are not kept: localStorage is written at once, on the page's thread. */
const MAX_CHARS = 200_000;
/** The copy never outlives this, whatever the app is doing. */
export const KEPT_PAINT_MS = 3000;

/** The build's entry script: another build may have other styles, so its copy is not shown. */
const build = () => document.querySelector('script[type="module"][src]')?.getAttribute("src") ?? null;

function keepPaint(notice: string, savedAt: number) {
  const root = document.getElementById("root");
  const entry = build();
  if (!root || !entry) return;
  const copy = root.cloneNode(true) as HTMLElement;
  // Not the parts that change without the figures: the device's queue, whether it is online.
  for (const element of copy.querySelectorAll(
    ".page-below, .stale-notice, .skip-link, .queue-list, .queue-badge, .offline-badge",
  ))
    element.remove();
  // The copy sits beside the app for a moment: its ids would be twice in the document.
  for (const element of copy.querySelectorAll("[id]")) element.removeAttribute("id");
  // Said as the app says it (components/stale-notice.tsx): once the figures are a minute old.
  const said = document.createElement("p");
  said.className = "notice stale-notice";
  said.textContent = notice;
  said.hidden = true;
  said.dataset.savedAt = String(savedAt);
  copy.querySelector(".page-title")?.after(said);
  const html = copy.innerHTML;
  if (html.length > MAX_CHARS) return;
  try {
    localStorage.setItem(
      KEY,
      JSON.stringify({ build: entry, address: window.location.pathname + window.location.search, html }),
    );
  } catch {
    // A full or disabled storage only costs the early paint of the next visit.
  }
}

/** The app shows its own page: the copy goes. */
export function dropKeptPaint() {
  document.getElementById("kept-paint")?.remove();
  document.documentElement.classList.remove("painting-kept");
}

/** At sign-out the copy goes with the rest of the figures kept on the device. */
export function forgetKeptPaint() {
  localStorage.removeItem(KEY);
  dropKeptPaint();
}

/**
 * For a page that paints from the device first (the overview, a commune): the copy goes when the
 * page has its figures, and a new copy is kept once they are fresh from the server.
 */
export function useKeptPaint(ready: boolean, fetching: boolean, failed: boolean, updatedAt: number) {
  const { t, fill } = useI18n();
  useLayoutEffect(() => {
    if (ready) dropKeptPaint();
  }, [ready]);
  useEffect(() => {
    if (!ready || fetching || failed) return;
    const time = vietnamTime(new Date(updatedAt).toISOString());
    // After the page's later parts have painted: the copy is made when the phone is idle.
    const timer = window.setTimeout(() => keepPaint(fill(t.common.cachedFigures, { time }), updatedAt), 1000);
    return () => window.clearTimeout(timer);
  }, [ready, fetching, failed, updatedAt, t, fill]);
}

/** Any move to another address drops the copy at once (a sign-in page, another page). */
export function useKeptPaintLeftBehind() {
  const [location] = useLocation();
  const first = useRef(location);
  useLayoutEffect(() => {
    if (location !== first.current) dropKeptPaint();
  }, [location]);
}
