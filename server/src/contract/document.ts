import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { Hono } from "hono";
import { generateSpecs } from "hono-openapi";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";

/**
 * The reference page: Swagger UI's own files (swagger-ui-dist, no dependencies), served by this
 * server rather than a CDN so that it works offline, started by a script of ours, not an inline one.
 */
const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>VNeID tracker API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>
</body>
</html>
`;
const START = `SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#docs", deepLinking: true });\n`;
const DOCS_FILES = new Map<string, { type: string; read: () => string }>([
  [
    "swagger-ui.css",
    { type: "text/css", read: () => readFileSync(join(SWAGGER_UI, "swagger-ui.css"), "utf8") },
  ],
  [
    "swagger-ui-bundle.js",
    { type: "text/javascript", read: () => readFileSync(join(SWAGGER_UI, "swagger-ui-bundle.js"), "utf8") },
  ],
  ["start.js", { type: "text/javascript", read: () => START }],
]);

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
        description:
          "Set by POST /api/auth/login (named __Host-vneid_session behind HTTPS). Writes also need an Origin header of the same site.",
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
  // Each file read and gzipped once per process (the bundle is 1.5 MB, 0.4 MB gzipped).
  const files = new Map<string, { plain: string; gzipped: Uint8Array<ArrayBuffer> }>();
  return new Hono<AppEnv>()
    .get("/openapi.json", async (c) => {
      document ??= openApiDocument(app()).then((spec) => JSON.stringify(spec));
      return c.body(await document, 200, { "Content-Type": "application/json; charset=UTF-8" });
    })
    .get("/docs", (c) => c.html(DOCS_PAGE))
    .get("/docs/:file", (c) => {
      const name = c.req.param("file");
      const file = DOCS_FILES.get(name);
      if (!file)
        throw new ApiError(404, "NOT_FOUND", `No file ${JSON.stringify(name)} in the API's reference page.`);
      let kept = files.get(name);
      if (!kept) {
        const plain = file.read();
        kept = { plain, gzipped: new Uint8Array(gzipSync(plain)) };
        files.set(name, kept);
      }
      const type = { "Content-Type": `${file.type}; charset=UTF-8` };
      return /\bgzip\b/.test(c.req.header("accept-encoding") ?? "")
        ? c.body(kept.gzipped, 200, { ...type, "Content-Encoding": "gzip", Vary: "Accept-Encoding" })
        : c.body(kept.plain, 200, type);
    });
}
