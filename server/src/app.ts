import { existsSync } from "node:fs";
import { relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { bearerToken, sessionMiddleware } from "./auth/middleware.ts";
import { OWASP_SCRYPT, type ScryptParams } from "./auth/passwords.ts";
import { catalogueAt } from "./catalogue/catalogue.ts";
import type { Config } from "./config.ts";
import { contractRoutes } from "./contract/document.ts";
import { addDays } from "./domain/dates.ts";
import { weekFromLabel } from "./domain/reporting-weeks.ts";
import type { AppEnv } from "./env.ts";
import { ApiError, errorBody } from "./errors.ts";
import { BOUNDARY_CAPS } from "./imports/boundaries.ts";
import { tooLarge } from "./imports/upload-to-disk.ts";
import { channelsFrom, NO_CHANNELS } from "./reminders/channels.ts";
import { createReminders, type Reminders } from "./reminders/reminders.ts";
import { areaRoutes, catalogueRoutes } from "./routes/area.ts";
import { auditRoutes } from "./routes/audit.ts";
import { authRoutes } from "./routes/auth.ts";
import { campaignRoutes, campaignsRoutes } from "./routes/campaign.ts";
import { driveRoutes } from "./routes/drives.ts";
import { exportRoutes } from "./routes/exports.ts";
import { healthRoutes } from "./routes/health.ts";
import { IMPORT_LIMIT, importRoutes } from "./routes/imports.ts";
import { overviewRoutes } from "./routes/overview.ts";
import { reminderRoutes, reminderSettingsRoutes } from "./routes/reminders.ts";
import { approvalRoutes, reportingRoutes, reportingSettingsRoutes } from "./routes/reporting.ts";
import { reportRoutes } from "./routes/reports.ts";
import { tokenRoutes } from "./routes/tokens.ts";
import { unitRoutes } from "./routes/units.ts";
import { securitySettingsRoutes, userRoutes } from "./routes/users.ts";
import { WeekLocked } from "./store/approvals.ts";
import { NoCampaign } from "./store/campaign.ts";
import type { Store } from "./store/store.ts";

export interface AppDeps {
  store: Store;
  config: Pick<
    Config,
    "homeUnit" | "webDist" | "dataDir" | "publicDashboard" | "cookieSecure" | "trustProxy"
  >;
  /** The clock, in milliseconds (tests move it to check expiry). */
  now?: () => number;
  /** scrypt cost for new hashes (tests lower it; stored hashes carry their own). */
  passwordParams?: ScryptParams;
  /** Check every answer against its route's contract, turning one that differs into a 500 (the tests). */
  checkAnswers?: boolean;
  /** How reminders are decided and sent (reminders/); by default with no channel configured. */
  reminders?: Reminders;
}

const JSON_LIMIT = 1024 * 1024;
const STATUS_CODES: Record<number, string> = {
  400: "BAD_REQUEST",
  403: "CROSS_ORIGIN_REFUSED",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
};

/** Mutations take JSON or multipart bodies only: no form or text/plain request can reach a handler. */
const jsonOrMultipartOnly: MiddlewareHandler = async (c, next) => {
  if (["POST", "PUT", "PATCH"].includes(c.req.method)) {
    const type = c.req.header("content-type") ?? "";
    if (!/^(application\/json|multipart\/form-data)\b/i.test(type)) {
      throw new ApiError(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        `Send application/json or multipart/form-data, not ${JSON.stringify(type)}.`,
      );
    }
  }
  await next();
};

/**
 * Bodies over `maxSize` bytes are refused with 413 before a handler reads them. A GET or HEAD has no
 * body to limit: it is let through without looking (looking makes Node build the whole Request).
 */
const limitBody = (maxSize: number): MiddlewareHandler => {
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge(maxSize);
    },
  });
  return (c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? next() : limit(c, next));
};

const jsonLimit = limitBody(JSON_LIMIT);
/** The files of the installable app that must never be served from a cache without asking. */
const ALWAYS_ASKED = new Set(["/sw.js", "/registerSW.js", "/manifest.webmanifest"]);
const sameOrigin = csrf();

/**
 * The headers a middleware sets after every answer (the security headers: always the same ones),
 * set before the answer instead: read once from a probe answer, then given to each request first.
 */
function headersFirst(middleware: MiddlewareHandler): MiddlewareHandler {
  let known: Promise<[string, string][]> | undefined;
  const probe = async () => {
    const probeApp = new Hono().use(middleware).get("/", (c) => c.body(null, 204));
    const response = await probeApp.request("/");
    const set: [string, string][] = [];
    response.headers.forEach((value, name) => {
      set.push([name, value]);
    });
    return set;
  };
  return async (c, next) => {
    known ??= probe();
    for (const [name, value] of await known) c.header(name, value);
    await next();
  };
}

export function createApp({
  store,
  config,
  now = Date.now,
  passwordParams = OWASP_SCRYPT,
  checkAnswers = false,
  reminders = createReminders({
    store,
    channels: channelsFrom(NO_CHANNELS),
    publicUrl: "http://localhost",
    homeUnit: config.homeUnit,
    now,
  }),
}: AppDeps) {
  // The national catalogues are read on first use (setting up an area, a reorganisation).
  const catalogue = () => catalogueAt(config.dataDir);
  const compressAnswer = compress();
  const api = new Hono<AppEnv>()
    .use(async (c, next) => {
      // Which of the server processes answered (npm run serve with WORKERS): for the operators' logs
      // and the load test that checks a write is seen through every process.
      c.header("X-Instance", String(process.pid));
      // Set before the answer is made: a header read or set after it makes Node's adapter rebuild
      // the whole response. Answers kept as sent (kept-answer.ts) carry their own encoding and tag.
      c.header("Cache-Control", "no-store");
      await next();
      if (c.get("kept")) return;
      // Answers travel compressed when the client accepts it (gzip; the figures are ~20 KB of JSON).
      await compressAnswer(c, async () => {});
      // Public figures are revalidated (ETag → 304 Not Modified); everything else is never stored.
      if (config.publicDashboard && c.req.method === "GET" && c.res.headers.has("ETag"))
        c.header("Cache-Control", "no-cache");
    })
    // A program's token is no ambient credential a page could ride on: CSRF checks are for cookies.
    .use((c, next) => (bearerToken(c) !== null && !c.req.header("cookie") ? next() : sameOrigin(c, next)))
    .use(jsonOrMultipartOnly)
    .use("/imports", limitBody(IMPORT_LIMIT))
    .use("/imports/*", limitBody(IMPORT_LIMIT))
    // The file is capped by its own size as it streams to disk; this bounds the rest of the body.
    .use("/area/boundaries", limitBody(BOUNDARY_CAPS.bytes + 1024 * 1024))
    .use(async (c, next) =>
      c.req.path.startsWith("/api/imports") || c.req.path === "/api/area/boundaries"
        ? next()
        : jsonLimit(c, next),
    )
    .use(async (c, next) => {
      c.set("publicDashboard", config.publicDashboard);
      c.set("checkAnswers", checkAnswers);
      await next();
    })
    .use(sessionMiddleware({ store, now, cookieSecure: config.cookieSecure, trustProxy: config.trustProxy }))
    .route("/health", healthRoutes)
    .route("/auth", authRoutes({ store, now, cookieSecure: config.cookieSecure, passwordParams }))
    .route("/catalogue", catalogueRoutes(catalogue))
    .route("/area", areaRoutes(store, catalogue, config.homeUnit, now))
    .route("/units", unitRoutes(store, now))
    .route("/campaign", campaignRoutes(store))
    .route("/campaigns", campaignsRoutes(store))
    .route("/overview", overviewRoutes(store, config.homeUnit, now, catalogue))
    .route("/reports", reportRoutes(store, now))
    .route("/imports", importRoutes(store, config.homeUnit, now))
    .route("/exports", exportRoutes(store, config.homeUnit, now))
    .route("/drives", driveRoutes(store, config.homeUnit, now))
    .route("/users", userRoutes(store, passwordParams, now))
    .route("/tokens", tokenRoutes(store, now))
    .route("/audit", auditRoutes(store))
    .route("/reporting", reportingRoutes(store, config.homeUnit, now))
    .route("/approvals", approvalRoutes(store))
    .route("/reminders", reminderRoutes(store, reminders))
    .route("/settings/reporting", reportingSettingsRoutes(store))
    .route("/settings/reminders", reminderSettingsRoutes(store, reminders))
    .route("/settings/security", securitySettingsRoutes(store));
  api.route(
    "/",
    contractRoutes(() => app),
  );

  const policy = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
  const headers = (contentSecurityPolicy: typeof policy) =>
    secureHeaders({
      contentSecurityPolicy,
      strictTransportSecurity: config.cookieSecure ? "max-age=31536000; includeSubDomains" : false,
      xFrameOptions: "DENY",
      referrerPolicy: "same-origin",
    });
  const pageHeaders = headersFirst(headers(policy));
  // The API's reference page (Swagger UI) sets inline styles on its elements; no other page may.
  const docsHeaders = headersFirst(headers({ ...policy, styleSrc: ["'self'", "'unsafe-inline'"] }));

  const app = new Hono()
    .use((c, next) => (c.req.path === "/api/docs" ? docsHeaders(c, next) : pageHeaders(c, next)))
    .route("/api", api)
    .all("/api/*", (c) =>
      c.json(errorBody("NOT_FOUND", `No API endpoint ${c.req.method} ${c.req.path}.`), 404),
    );
  app.onError((error, c) => {
    if (error instanceof WeekLocked) {
      const first = error.locked[0];
      const start = first ? weekFromLabel(first.week) : undefined;
      return c.json(
        errorBody("WEEK_LOCKED", error.message, {
          week: first?.week,
          weekStart: start,
          weekEnd: start ? addDays(start, 6) : undefined,
          approvedBy: first?.by,
          approvedAt: first?.at,
          rows: error.locked.map((l) => ({ unitId: l.unitId, date: l.date, week: l.week })),
        }),
        409,
      );
    }
    if (error instanceof NoCampaign) return c.json(errorBody("NO_CAMPAIGN", error.message), 409);
    if (error instanceof ApiError) {
      return c.json(errorBody(error.code, error.message, error.details), error.status, error.headers);
    }
    if (error instanceof HTTPException) {
      const code = STATUS_CODES[error.status] ?? "BAD_REQUEST";
      return c.json(errorBody(code, error.message || "The request was refused."), error.status);
    }
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return c.json(errorBody("INTERNAL", "The server could not answer this request."), 500);
  });
  if (existsSync(config.webDist)) {
    // serveStatic resolves `root` against the working directory. The build compressed every text
    // file once (scripts/compress-dist.ts): brotli or gzip is sent to browsers that accept it.
    // Hashed assets never change under their name: cached for a year; index.html, the service worker
    // and the web manifest are asked again (a new build reaches the installed app at its next visit).
    const root = relative(process.cwd(), config.webDist) || ".";
    app.use("/*", async (c, next) => {
      await next();
      if (c.req.path.startsWith("/assets/")) {
        if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
      } else if (c.res.headers.get("Content-Type")?.startsWith("text/html") || ALWAYS_ASKED.has(c.req.path)) {
        c.header("Cache-Control", "no-cache");
      }
    });
    app.use("/*", serveStatic({ root, precompressed: true }));
    app.get("/*", serveStatic({ root, path: "index.html", precompressed: true }));
  }
  return app;
}

export type AppType = ReturnType<typeof createApp>;
