import { existsSync } from "node:fs";
import { relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import type { Config } from "./config.ts";
import { ApiError, errorBody } from "./errors.ts";
import { campaignRoutes } from "./routes/campaign.ts";
import { healthRoutes } from "./routes/health.ts";
import { overviewRoutes } from "./routes/overview.ts";
import { unitRoutes } from "./routes/units.ts";
import type { Store } from "./store/store.ts";

export interface AppDeps {
  store: Store;
  config: Pick<Config, "homeUnit" | "webDist">;
}

export function createApp({ store, config }: AppDeps) {
  const api = new Hono()
    .route("/health", healthRoutes)
    .route("/units", unitRoutes(store))
    .route("/campaign", campaignRoutes(store))
    .route("/overview", overviewRoutes(store, config.homeUnit));

  const app = new Hono()
    .route("/api", api)
    .all("/api/*", (c) =>
      c.json(errorBody("NOT_FOUND", `No API endpoint ${c.req.method} ${c.req.path}.`), 404),
    );
  app.onError((error, c) => {
    if (error instanceof ApiError)
      return c.json(errorBody(error.code, error.message, error.details), error.status);
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return c.json(errorBody("INTERNAL", "The server could not answer this request."), 500);
  });
  if (existsSync(config.webDist)) {
    // serveStatic resolves `root` against the working directory.
    const root = relative(process.cwd(), config.webDist) || ".";
    app.use("/*", serveStatic({ root }));
    app.get("/*", serveStatic({ root, path: "index.html" }));
  }
  return app;
}

export type AppType = ReturnType<typeof createApp>;
