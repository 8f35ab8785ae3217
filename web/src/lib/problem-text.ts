import type { Problem } from "@vneid-tracker/server/domain/report-validation.ts";

export { problemText } from "@vneid-tracker/server/domain/problem-text.ts";

/** A problem (error or warning) as the API sends it: with the value that was sent for its field. */
export type ServerProblem = Problem & { value?: unknown };
