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
  /** Error codes the route itself answers with, beside the ones every route may (400, 401, 403, 413, 429). */
  errors?: readonly number[];
  /** A multipart upload: the field `file`. */
  upload?: string;
}

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

async function checkAnswer(c: Parameters<MiddlewareHandler<AppEnv>>[0], contract: RouteContract) {
  const status = c.res.status;
  if (status === 304) return;
  const type = c.res.headers.get("content-type") ?? "";
  const declared = (contract.answers as Record<number, z.ZodType | FileAnswer | null | undefined>)[status];
  let problem: string | null = null;
  if (status >= 400) {
    if (!type.startsWith("application/json")) problem = `an error ${status} that is not JSON`;
    else {
      const parsed = ErrorAnswer.safeParse(await c.res.clone().json());
      if (!parsed.success) problem = z.prettifyError(parsed.error);
    }
  } else if (declared === undefined) problem = `status ${status}, which the contract does not list`;
  else if (declared === null) {
    if (status !== 204) problem = `status ${status} where the contract says 204`;
  } else if (isFile(declared)) {
    if (!type.startsWith(declared.media.split(";")[0] as string)) problem = `${type}, not ${declared.media}`;
  } else if (!type.startsWith("application/json")) problem = `${type}, not JSON`;
  else {
    const parsed = declared.safeParse(await c.res.clone().json());
    if (!parsed.success) problem = z.prettifyError(parsed.error);
  }
  if (problem === null) return;
  const message = `${c.req.method} ${c.req.path} answered off its contract: ${problem}`;
  console.error(message);
  c.res = undefined;
  c.res = c.json(errorBody("ANSWER_OFF_CONTRACT", message), 500);
}
