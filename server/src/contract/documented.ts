import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { resolver, uniqueSymbol } from "hono-openapi";
import { z } from "zod";
import { requireUser } from "../auth/middleware.ts";
import type { AppEnv } from "../env.ts";
import { errorBody } from "../errors.ts";
import { ErrorAnswer } from "./common.ts";

/**
 * Who may call a route: `anyone`; `dashboard`, anyone when the deployment's dashboard is public
 * (PUBLIC_DASHBOARD) and signed-in users otherwise; `signed-in`, a session or an API token (the
 * handler then checks the role and the unit with `can`).
 */
export type Access = "anyone" | "dashboard" | "signed-in";

/** An answer that is not JSON: a file, described by its media type. */
export interface FileAnswer {
  media: string;
  description: string;
}

export interface RouteContract {
  summary: string;
  tag: string;
  access: Access;
  /** The successful answers: a schema for JSON, a file, or null for 204 No Content. */
  answers: Partial<Record<200 | 201 | 204, z.ZodType | FileAnswer | null>>;
  /** Error statuses the route itself answers with, beside the ones every route may (COMMON_ERRORS). */
  errors?: readonly number[];
  /** A multipart upload: the field `file`. */
  upload?: string;
  /** Takes an `Idempotency-Key` header (idempotent.ts): sent again with it, answered as the first time. */
  idempotent?: boolean;
}

/** What any route may answer: a bad request, no session, no right, too large, wrong type, too many, a failure. */
const COMMON_ERRORS = [400, 401, 403, 413, 415, 429, 500];
const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "A query parameter or the body is not valid (details name the field and the value)",
  401: "Not signed in",
  403: "Signed in, but the role or the unit does not allow it",
  404: "No such unit, drive, user or path",
  409: "The state does not allow it now (a locked week, no campaign, a change already made)",
  413: "The body or the upload is too large",
  415: "Not application/json or multipart/form-data",
  422: "The body does not fit (details name each field and value)",
  429: "Too many requests; Retry-After says when to try again",
  500: "The server failed; nothing was written",
};

const isFile = (answer: unknown): answer is FileAnswer =>
  typeof answer === "object" && answer !== null && "media" in answer && !("_zod" in answer);

/** The OpenAPI operation of a route: what hono-openapi's generator reads off the middleware. */
function operation(contract: RouteContract) {
  const responses: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(contract.answers)) {
    if (answer === null || answer === undefined) responses[status] = { description: "Done; no content" };
    else if (isFile(answer))
      responses[status] = {
        description: answer.description,
        content: { [answer.media]: { schema: { type: "string", format: "binary" } } },
      };
    else
      responses[status] = {
        description: "The answer",
        content: { "application/json": { schema: resolver(answer) } },
      };
  }
  for (const status of [...COMMON_ERRORS, ...(contract.errors ?? [])]) {
    if (status === 401 && contract.access === "anyone") continue;
    responses[String(status)] = {
      description: ERROR_DESCRIPTIONS[status] ?? "An error",
      content: { "application/json": { schema: resolver(ErrorAnswer) } },
    };
  }
  return {
    summary: contract.summary,
    tags: [contract.tag],
    security:
      contract.access === "anyone"
        ? []
        : contract.access === "dashboard"
          ? [{}, { session: [] }, { token: [] }]
          : [{ session: [] }, { token: [] }],
    ...(contract.idempotent
      ? {
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              schema: { type: "string", format: "uuid" },
              description:
                "A UUID made when the request is first sent: sent again with it, the request is written once and answered as the first time; with another request 422 IDEMPOTENCY_KEY_REUSED; while the first is running 409 IDEMPOTENCY_KEY_IN_USE",
            },
          ],
        }
      : {}),
    ...(contract.upload
      ? {
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["file"],
                  properties: { file: { type: "string", format: "binary", description: contract.upload } },
                },
              },
            },
          },
        }
      : {}),
    responses,
  };
}

/**
 * Declares a route: who may call it (checked here, before the handler) and what it answers (the
 * OpenAPI document at /api/openapi.json is made of these). When the app checks answers (the tests
 * do), an answer its contract does not describe is turned into a 500 ANSWER_OFF_CONTRACT naming
 * what differs, so that no test passes on an answer the contract does not describe.
 */
export function documented(contract: RouteContract): MiddlewareHandler<AppEnv> {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (contract.access === "signed-in" || (contract.access === "dashboard" && !c.get("publicDashboard"))) {
      requireUser(c);
    }
    await next();
    if (c.get("checkAnswers")) await checkAnswer(c, contract);
  };
  return Object.assign(middleware, { [uniqueSymbol]: { spec: operation(contract) } });
}

/** The answer's JSON, unzipped when a route sent it compressed (answers kept gzipped: kept-answer.ts). */
async function jsonOf(response: Response): Promise<unknown> {
  const bytes = Buffer.from(await response.clone().arrayBuffer());
  const encoding = response.headers.get("content-encoding");
  const text =
    encoding === "gzip" ? gunzipSync(bytes) : encoding === "br" ? brotliDecompressSync(bytes) : bytes;
  return JSON.parse(text.toString("utf8"));
}

async function checkAnswer(c: Parameters<MiddlewareHandler<AppEnv>>[0], contract: RouteContract) {
  let problem: string | null;
  try {
    problem = await answerProblem(c.res, contract);
  } catch (error) {
    problem = `an answer that does not read as JSON (${(error as Error).message})`;
  }
  if (problem === null) return;
  const message = `${c.req.method} ${c.req.path} answered off its contract: ${problem}`;
  console.error(message);
  c.res = new Response(JSON.stringify(errorBody("ANSWER_OFF_CONTRACT", message)), {
    status: 500,
    headers: { "Content-Type": "application/json; charset=UTF-8" },
  });
}

/** What in `response` its contract does not describe, or null. */
async function answerProblem(response: Response, contract: RouteContract): Promise<string | null> {
  const status = response.status;
  if (status === 304) return null;
  const type = response.headers.get("content-type") ?? "";
  const declared = (contract.answers as Record<number, z.ZodType | FileAnswer | null | undefined>)[status];
  if (status >= 400 && !COMMON_ERRORS.includes(status) && !contract.errors?.includes(status)) {
    return `error status ${status}, which the contract does not list`;
  }
  const schema = status >= 400 ? ErrorAnswer : declared;
  if (schema === undefined) return `status ${status}, which the contract does not list`;
  if (schema === null) return status === 204 ? null : `status ${status} where the contract says 204`;
  if (isFile(schema)) {
    const media = schema.media.split(";")[0] as string;
    return type.startsWith(media) ? null : `${type}, not ${schema.media}`;
  }
  if (!type.startsWith("application/json")) return `${type || "no content type"}, not JSON`;
  const parsed = schema.safeParse(await jsonOf(response));
  return parsed.success ? null : z.prettifyError(parsed.error);
}
