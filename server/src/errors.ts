import type { ContentfulStatusCode } from "hono/utils/http-status";

/** An error a client can act on: a stable `code`, an English `message`, optional `details`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const errorBody = (code: string, message: string, details?: unknown) => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** A 404 for a unit code the deployment has never held. */
export const unitNotFound = (id: string) =>
  new ApiError(404, "UNIT_NOT_FOUND", `No unit has the code ${JSON.stringify(id)}.`, {
    field: "unit",
    value: id,
  });
