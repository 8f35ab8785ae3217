import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
import type { PersistQueryClientOptions } from "@tanstack/react-query-persist-client";
import { deviceDel, deviceGet, deviceSet } from "./device-store.ts";

/** How long the last figures seen are kept on the device: a week without signal. */
export const KEPT_ON_DEVICE_MS = 7 * 24 * 3600 * 1000;

/** Answers that are not kept on the device: an admin's lists, and the device's own queue (kept apart). */
const NOT_KEPT = new Set(["audit", "users", "sessions", "catalogue", "device"]);

/**
 * The last answers each person saw, kept in IndexedDB by TanStack Query's persister: a return visit
 * paints from them at once and refreshes behind them, and a visit without signal shows them with
 * their time (components/stale-notice.tsx). Chosen over Workbox's runtime caching of /api because the
 * query cache knows each answer's question and age, and is cleared at sign-out with the rest.
 */
export const persistOptions: Omit<PersistQueryClientOptions, "queryClient"> = {
  persister: createAsyncStoragePersister({
    storage: { getItem: deviceGet<string>, setItem: deviceSet, removeItem: deviceDel },
    key: "last-figures",
    // Soon after an answer arrives: a page left a moment later still finds it on the next visit.
    throttleTime: 250,
  }),
  maxAge: KEPT_ON_DEVICE_MS,
  // A new build may change the answers' shape: its first visit starts from the network.
  buster: import.meta.env.VITE_BUILD ?? "dev",
  dehydrateOptions: {
    // An answer whose last refresh failed (no signal) is still the last one seen: it is kept.
    shouldDehydrateQuery: (query) =>
      query.state.data !== undefined && !NOT_KEPT.has(String(query.queryKey[0])),
  },
};
