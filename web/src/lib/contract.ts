import type { components, paths } from "./api-contract";

// The API's answers as its OpenAPI document describes them (api-contract.d.ts, written by
// npm run contract): the web declares no answer of its own.

export type Schemas = components["schemas"];

type Method = "get" | "post" | "put" | "patch" | "delete";
type JsonOf<R> = R extends { content: { "application/json": infer T } } ? T : never;

/** The JSON that `path` answers to `method` with `status`. */
export type Answer<
  P extends keyof paths,
  M extends Method = "get",
  S extends number = 200,
> = paths[P][M] extends { responses: infer R } ? (S extends keyof R ? JsonOf<R[S]> : never) : never;

/** The JSON body `path` takes with `method`. */
export type Body<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer T } };
}
  ? T
  : never;
