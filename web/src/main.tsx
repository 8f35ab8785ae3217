import { onlineManager } from "@tanstack/react-query";
import { PersistQueryClientProvider } from "@tanstack/react-query-persist-client";
import { isIsoDate } from "@vneid-tracker/server/domain/dates.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { I18nProvider } from "./lib/i18n.tsx";
import { dropKeptPaint, KEPT_PAINT_MS } from "./lib/kept-paint.ts";
import { persistOptions } from "./lib/offline-cache.ts";
import { areaQuery, campaignQuery, overviewQuery, queryClient } from "./lib/queries.ts";
import "./styles/index.css";

// TanStack Query takes the browser to be online until told otherwise: a page opened without a
// signal waits for it instead of failing (and shows the figures kept on the device).
onlineManager.setOnline(navigator.onLine);

// The overview's answer is asked for at once, beside the area and the session, not after them:
// on a phone 150 ms away each round trip saved shows in the first paint.
const params = new URLSearchParams(window.location.search);
const dateParam = params.get("date");
if (window.location.pathname === "/" && (dateParam === null || isIsoDate(dateParam))) {
  void queryClient.prefetchQuery(overviewQuery(null, params.get("date"), params.get("campaign")));
  void queryClient.prefetchQuery(campaignQuery(params.get("campaign")));
  void queryClient.prefetchQuery(areaQuery());
}

// The copy of the last page painted before the scripts (lib/kept-paint.ts) never stays long.
window.setTimeout(dropKeptPaint, KEPT_PAINT_MS);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <PersistQueryClientProvider
      client={queryClient}
      persistOptions={persistOptions}
      // What the device kept is painted first, then asked for again: it may be older than the server's.
      onSuccess={() => queryClient.invalidateQueries(undefined, { cancelRefetch: false })}
    >
      <I18nProvider>
        <App />
      </I18nProvider>
    </PersistQueryClientProvider>
  </StrictMode>,
);
