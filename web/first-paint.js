// A return visit paints the page last seen at this address at once, before the app's scripts have
// run (on a slow phone they take most of a second): web/src/lib/kept-paint.ts keeps a copy of the
// page's top, with the time its figures were saved, and hides it when the app shows them itself.
// A classic script, not a module: it runs while the page is parsed, before the first paint.
(() => {
  try {
    const kept = JSON.parse(localStorage.getItem("kept-paint") || "null");
    const entry = document.querySelector('script[type="module"][src]');
    // Another build may have other styles; another address shows another page.
    if (!kept || !entry || kept.build !== entry.getAttribute("src")) return;
    if (kept.address !== location.pathname + location.search) return;
    const copy = document.createElement("div");
    copy.id = "kept-paint";
    copy.setAttribute("aria-hidden", "true");
    copy.inert = true;
    copy.innerHTML = kept.html;
    // As the app says it (FRESH_MS of web/src/components/stale-notice.tsx): a minute old, the
    // figures are said to be the ones saved on the device.
    const notice = copy.querySelector("[data-saved-at]");
    if (notice && Date.now() - Number(notice.dataset.savedAt) > 60_000) notice.hidden = false;
    document.body.prepend(copy);
    document.documentElement.classList.add("painting-kept");
  } catch {
    // A full or disabled storage only costs the early paint.
  }
})();
