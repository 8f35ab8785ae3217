import { randomBytes } from "node:crypto";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { allow, requireUser } from "../auth/middleware.ts";
import { hashSessionId } from "../auth/session.ts";
import { documented } from "../contract/documented.ts";
import { TokenCreated, TokensAnswer } from "../contract/people.ts";
import { vietnamDate } from "../domain/dates.ts";
import { can, TOKEN_ACTIONS } from "../domain/roles.ts";
import { isReportingUnit } from "../domain/tree.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { managesUnit, mayManageUnit } from "../services/account-scope.ts";
import type { Store } from "../store/store.ts";
import { plainText, validJson } from "../validation.ts";

const tokenBody = z.object({
  name: plainText(100)
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, "must name the program the token is for"),
  unitId: z
    .string()
    .regex(/^\d{1,5}$/, "must be a commune's code")
    .nullable(),
  actions: z
    .array(z.enum(TOKEN_ACTIONS, { message: `must be among ${TOKEN_ACTIONS.join(", ")}` }))
    .min(1, "must name at least one action"),
});

/**
 * `/api/tokens` (admin): tokens for programs (a province's own system pushing figures), each bound
 * to a commune (or the whole area) and a set of actions. The secret is answered once, at creation;
 * only its SHA-256 is kept. A program sends it as `Authorization: Bearer …`.
 */
export function tokenRoutes(store: Store, now: () => number) {
  const mayManage = (c: Context<AppEnv>, unitId: string | null) =>
    mayManageUnit(c, store, now, unitId, "manage tokens of this unit");
  return new Hono<AppEnv>()
    .use(allow(store, (user) => can(user, "manageUsers"), "manage tokens"))
    .get(
      "/",
      documented({
        summary: "Programs' tokens (admin)",
        tag: "Accounts",
        access: "signed-in",
        answers: { 200: TokensAnswer },
      }),
      async (c) => {
        const admin = requireUser(c);
        return c.json({
          tokens: (await store.listTokens()).filter((token) => managesUnit(admin, token.unitId, now)),
        });
      },
    )
    .post(
      "/",
      documented({
        summary:
          "Make a token for a program, bound to a commune (or the area) and actions; the secret is shown once (admin)",
        tag: "Accounts",
        access: "signed-in",
        answers: { 201: TokenCreated },
        errors: [422],
      }),
      validJson(tokenBody),
      async (c) => {
        const body = c.req.valid("json");
        if (body.unitId !== null) {
          const unit = (await store.unitHistory()).treeOn(vietnamDate(now())).get(body.unitId);
          if (!unit || !isReportingUnit(unit)) {
            throw new ApiError(
              422,
              "UNKNOWN_UNIT",
              `${body.unitId} is not the code of a commune, town or ward.`,
              [{ field: "unitId", value: body.unitId, message: "is not a commune of the area today" }],
            );
          }
        }
        await mayManage(c, body.unitId);
        const secret = `vnt_${randomBytes(32).toString("base64url")}`;
        const token = await store.createToken(body, hashSessionId(secret), c.get("actor"));
        return c.json({ token, secret }, 201);
      },
    )
    .delete(
      "/:id",
      documented({
        summary: "Revoke a token (admin)",
        tag: "Accounts",
        access: "signed-in",
        answers: { 204: null },
        errors: [404],
      }),
      async (c) => {
        const id = Number(c.req.param("id"));
        const token = (await store.listTokens()).find((t) => t.id === id);
        if (token) await mayManage(c, token.unitId);
        if (!Number.isSafeInteger(id) || !(await store.revokeToken(id, c.get("actor")))) {
          throw new ApiError(
            404,
            "TOKEN_NOT_FOUND",
            `No valid token has the id ${JSON.stringify(c.req.param("id"))}.`,
          );
        }
        return c.body(null, 204);
      },
    );
}
