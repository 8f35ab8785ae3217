import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";
import { generateSpecs } from "hono-openapi";
import type { AppEnv } from "../env.ts";

/** Scalar's page in one file, served at /api/docs/scalar.js rather than from a CDN: it works offline. */
const scalarBundle = () =>
  join(dirname(createRequire(import.meta.url).resolve("@scalar/api-reference")), "browser", "standalone.js");

export const DOCUMENTATION = {
  openapi: "3.1.0",
  info: {
    title: "VNeID level-2 campaign tracker API",
    version: "1",
    description: [
      "Per-commune figures of a VNeID level-2 campaign, its reports, drives and weekly reporting cycle.",
      "Every figure is defined in docs/figures.md. Errors answer `{ error: { code, message, details? } }`;",
      "`details` names each field and the value sent. Dates are calendar days in Vietnam (YYYY-MM-DD).",
      "A unit code names one version of a unit on each date: ask with `date` to choose it.",
    ].join(" "),
  },

  components: {
    securitySchemes: {
      session: {
        type: "apiKey",
        in: "cookie",
        name: "vneid_session",
        description: "Set by POST /api/auth/login. Writes also need an Origin header of the same site.",
      },
      token: {
        type: "http",
        scheme: "bearer",
        description:
          "A program's token, made by an admin in Settings (POST /api/tokens): its unit and actions only.",
      },
    },
  },
} as const;

/** The OpenAPI document of `api`, as /api/openapi.json answers it. */
export const openApiDocument = (app: Hono) =>
  generateSpecs(app, { documentation: DOCUMENTATION as never, excludeStaticFile: false });

/** `/openapi.json` (the contract) and `/docs` (a page to read it), of the whole app once it is made. */
export function contractRoutes(app: () => Hono) {
  let document: Promise<string> | undefined;
  let bundle: Buffer | undefined;
  return new Hono<AppEnv>()
    .get("/openapi.json", async (c) => {
      document ??= openApiDocument(app()).then((spec) => JSON.stringify(spec));
      return c.body(await document, 200, { "Content-Type": "application/json; charset=UTF-8" });
    })
    .get("/docs/scalar.js", (c) => {
      bundle ??= gzipSync(readFileSync(scalarBundle()));
      return c.body(new Uint8Array(bundle), 200, {
        "Content-Type": "text/javascript; charset=UTF-8",
        "Content-Encoding": "gzip",
      });
    })
    .get(
      "/docs",
      Scalar((c) => ({
        url: "/api/openapi.json",
        cdn: "/api/docs/scalar.js",
        pageTitle: "VNeID tracker API",
        withDefaultFonts: false,
        // Nothing that calls Scalar's own services: the page reads this server only.
        telemetry: false,
        showToolbar: "never",
        showDeveloperTools: "never",
        agent: { disabled: true },
        mcp: { disabled: true },
        hideClientButton: true,
        documentDownloadType: "json",
        nonce: c.get("secureHeadersNonce"),
      })),
    );
}
