import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createDemoApp, getJson } from "../../test/testing.ts";
import type { AppEnv } from "../env.ts";
import { documented } from "./documented.ts";
import { contractTypes } from "./web-types.ts";

type Document = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        security?: unknown[];
        responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
      }
    >
  >;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

let app: Hono;
let document: Document;
beforeAll(async () => {
  ({ app } = await createDemoApp());
  document = (await getJson(app, "/api/openapi.json")).body;
});

describe("the API's contract", () => {
  it("is OpenAPI 3.1 with a JSON schema for each answer of the paths programs use", () => {
    expect(document.openapi).toBe("3.1.0");
    const answers: [string, string, string][] = [
      ["/api/overview", "get", "200"],
      ["/api/reports", "post", "201"],
      ["/api/imports", "post", "200"],
      ["/api/reporting", "get", "200"],
      ["/api/approvals", "post", "201"],
      ["/api/drives", "get", "200"],
      ["/api/drives", "post", "201"],
      ["/api/users", "get", "200"],
      ["/api/auth/login", "post", "200"],
      ["/api/auth/me", "get", "200"],
      ["/api/tokens", "post", "201"],
    ];
    for (const [path, method, status] of answers) {
      const schema = document.paths[path]?.[method]?.responses[status]?.content?.["application/json"]?.schema;
      expect(schema, `${method} ${path} ${status}`).toBeDefined();
    }
    expect(document.components.schemas.Overview).toBeDefined();
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(["session", "token"]);
  });

  it("describes every route of the API, with who may call it", async () => {
    const routes = new Set<string>();
    for (const route of app.routes) {
      if (route.method === "ALL" || !route.path.startsWith("/api/") || route.path.includes("*")) continue;
      if (["/api/openapi.json", "/api/docs", "/api/docs/:file"].includes(route.path)) continue;
      routes.add(`${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
    }
    const described = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m} ${path}`),
      ),
    );
    expect([...routes].filter((r) => !described.has(r))).toEqual([]);
    expect(routes.size).toBeGreaterThan(40);
    // Reading the figures is open on a public dashboard; writing never is.
    expect(document.paths["/api/overview"]?.get?.security).toContainEqual({});
    expect(document.paths["/api/reports"]?.post?.security).not.toContainEqual({});
  });

  it("is what the web's types are made from (npm run contract writes them)", async () => {
    const written = readFileSync(new URL("../../../web/src/lib/api-contract.d.ts", import.meta.url), "utf8");
    expect(written, "run npm run contract").toBe(await contractTypes());
  });

  it("turns an answer its contract does not describe into a 500 naming what differs", async () => {
    const answer = z.strictObject({ count: z.number().int() });
    const route = (body: unknown, status: 200 | 201 | 410 = 200) =>
      new Hono<AppEnv>()
        .use(async (c, next) => {
          c.set("checkAnswers", true);
          c.set("user", null);
          await next();
        })
        .get("/", documented({ summary: "t", tag: "t", access: "anyone", answers: { 200: answer } }), (c) =>
          c.json(body as object, status),
        );
    expect((await route({ count: 3 }).request("/")).status).toBe(200);
    // Answers kept compressed (boundaries) are read unzipped, not refused.
    const zipped = new Hono<AppEnv>()
      .use(async (c, next) => {
        c.set("checkAnswers", true);
        await next();
      })
      .get("/", documented({ summary: "t", tag: "t", access: "anyone", answers: { 200: answer } }), (c) =>
        c.body(new Uint8Array(gzipSync('{"count":3}')), 200, {
          "Content-Type": "application/json",
          "Content-Encoding": "gzip",
        }),
      );
    expect((await zipped.request("/")).status).toBe(200);
    for (const [body, status, problem] of [
      [{ count: 3, extra: true }, 200, /extra/],
      [{ count: "3" }, 200, /count/],
      [{ count: 3 }, 201, /status 201/],
      [{ error: { code: "GONE", message: "gone" } }, 410, /error status 410/],
    ] as const) {
      const response = await route(body, status).request("/");
      expect(response.status).toBe(500);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("ANSWER_OFF_CONTRACT");
      expect(error.message).toMatch(problem);
    }
  });
});

describe("the API's reference page", () => {
  it("is served with its scripts from this server, none inline, never from a CDN", async () => {
    const page = await app.request("/api/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/api/docs/swagger-ui-bundle.js"></script>');
    expect(html).not.toMatch(/<script>|https?:\/\//);
    // Its scripts run under the app's policy: this server's scripts only.
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self';");
    for (const file of ["swagger-ui-bundle.js", "swagger-ui.css", "start.js"]) {
      const response = await app.request(`/api/docs/${file}`);
      expect(response.status, file).toBe(200);
      expect((await response.arrayBuffer()).byteLength, file).toBeGreaterThan(0);
    }
    // Compressed for clients that take gzip, plain for the others.
    expect(await (await app.request("/api/docs/start.js")).text()).toContain("/api/openapi.json");
    const zipped = await app.request("/api/docs/start.js", { headers: { "accept-encoding": "gzip" } });
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toContain("/api/openapi.json");
    for (const name of ["package.json", "constructor", "__proto__"]) {
      expect((await app.request(`/api/docs/${name}`)).status, name).toBe(404);
    }
    // Only this page may style its elements inline.
    expect((await app.request("/api/health")).headers.get("content-security-policy")).not.toContain(
      "unsafe-inline",
    );
  });
});
