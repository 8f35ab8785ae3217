// Imported by the service worker (vite.config.ts). The app's files with a hash in their name come
// straight from the precache, before and without running the service worker for each of them
// (static routing, Chrome 123+): on a slow phone every request through the worker's script costs
// time the copy of the last page waits for. A browser without it asks the worker, as before.
self.addEventListener("install", (event) => {
  if (typeof event.addRoutes !== "function") return;
  event.waitUntil(
    event
      .addRoutes({ condition: { urlPattern: "/assets/*", requestMethod: "GET" }, source: "cache" })
      .catch(() => {}),
  );
});
