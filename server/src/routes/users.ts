import { type Context, Hono } from "hono";
import { z } from "zod";
import { allow, requireUser, withVersions } from "../auth/middleware.ts";
import { hashPassword, passwordContext, passwordProblem, type ScryptParams } from "../auth/passwords.ts";
import { documented } from "../contract/documented.ts";
import { UserAnswer, UsersAnswer } from "../contract/people.ts";
import { vietnamDate } from "../domain/dates.ts";
import { bindingProblem, can, hasCommune, ROLES, type Role, type User } from "../domain/roles.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { managesUnit, mayManageUnit } from "../services/account-scope.ts";
import type { Store } from "../store/store.ts";
import { validJson } from "../validation.ts";

const username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9._-]{3,64}$/, "must be 3 to 64 letters, digits, dots, dashes or underscores");
const role = z.enum(ROLES);
const unitId = z.string().regex(/^\d+$/, "must be a unit code").nullable();

const createBody = z.object({ username, role, unitId: unitId.optional(), password: z.string().max(1024) });
const updateBody = z
  .object({ role, unitId, disabled: z.boolean(), password: z.string().max(1024) })
  .partial()
  .refine((body) => Object.keys(body).length > 0, "must change something");

function invalid(code: string, field: string, value: unknown, message: string): ApiError {
  return new ApiError(422, code, `${field}: ${message}`, [{ field, value, message }]);
}

export function userRoutes(store: Store, passwordParams: ScryptParams, now: () => number) {
  /**
   * Commune users need their commune, youth teams may have one; police, admin and viewer accounts
   * may be bound to any unit of the area (a province, a district, a commune) and then act within it.
   */
  async function checkScope(nextRole: Role, nextUnit: string | null) {
    if (nextRole === "commune" && nextUnit === null) {
      throw invalid("UNIT_REQUIRED", "unitId", null, "a commune user needs the code of their commune");
    }
    if (nextUnit === null) return;
    const unit = (await store.unitHistory()).treeOn(vietnamDate(now())).get(nextUnit);
    const problem = bindingProblem(nextRole, nextUnit, unit);
    if (problem) throw invalid("UNKNOWN_UNIT", "unitId", nextUnit, problem);
  }

  const mayManage = (c: Context<AppEnv>, unitId: string | null) =>
    mayManageUnit(c, store, now, unitId, "manage accounts of this unit");

  async function checkPassword(password: string, username: string) {
    const problem = passwordProblem(password, await passwordContext(store, username));
    if (problem) throw invalid(problem.code, "password", "(hidden)", problem.message);
  }

  return (
    new Hono<AppEnv>()
      .use(allow(store, (user) => can(user, "manageUsers"), "manage users"))
      // With the communes that now cover an ended commune: the accounts an admin should review.
      .get(
        "/",
        documented({
          summary: "Every account (admin)",
          tag: "Accounts",
          access: "signed-in",
          answers: { 200: UsersAnswer },
        }),
        async (c) => {
          const admin = requireUser(c);
          const users = (await store.listUsers()).filter((user) => managesUnit(admin, user.unitId, now));
          return c.json({ users: await Promise.all(users.map((user) => withVersions(store, user, now()))) });
        },
      )
      .post(
        "/",
        documented({
          summary: "Make an account (admin)",
          tag: "Accounts",
          access: "signed-in",
          answers: { 201: UserAnswer },
          errors: [409, 422],
        }),
        validJson(createBody),
        async (c) => {
          const body = c.req.valid("json");
          const unit = body.unitId ?? null;
          await checkScope(body.role, unit);
          await mayManage(c, unit);
          await checkPassword(body.password, body.username);
          if (await store.findUserForLogin(body.username)) {
            throw new ApiError(
              409,
              "USERNAME_TAKEN",
              `The username ${JSON.stringify(body.username)} is taken.`,
              [{ field: "username", value: body.username, message: "is taken" }],
            );
          }
          const passwordHash = await hashPassword(body.password, passwordParams);
          const user = await store.createUser(
            { username: body.username, role: body.role, unitId: unit, passwordHash },
            c.get("actor"),
          );
          return c.json({ user }, 201);
        },
      )
      .patch(
        "/:id",
        documented({
          summary: "Change an account: role, unit, password, disabled (admin)",
          tag: "Accounts",
          access: "signed-in",
          answers: { 200: UserAnswer },
          errors: [404, 409, 422],
        }),
        validJson(updateBody),
        async (c) => {
          const id = Number(c.req.param("id"));
          const current = Number.isSafeInteger(id) ? await store.getUser(id) : undefined;
          if (!current)
            throw new ApiError(
              404,
              "USER_NOT_FOUND",
              `No user has the id ${JSON.stringify(c.req.param("id"))}.`,
            );
          const body = c.req.valid("json");
          const nextRole = body.role ?? current.role;
          // A role change keeps the unit where the new role is bound the same way (a commune for
          // commune and youth, any unit for the others): a commune user made police answers for the area.
          const keepsUnit = hasCommune(nextRole) === hasCommune(current.role);
          const next: Pick<User, "role" | "unitId"> = {
            role: nextRole,
            unitId: body.unitId !== undefined ? body.unitId : keepsUnit ? current.unitId : null,
          };
          await checkScope(next.role, next.unitId);
          await mayManage(c, current.unitId);
          await mayManage(c, next.unitId);
          const self = c.get("user")?.id === id;
          if (self && (body.disabled || (body.role && body.role !== "admin"))) {
            throw invalid(
              "CANNOT_CHANGE_SELF",
              body.disabled ? "disabled" : "role",
              body.disabled ?? body.role,
              "an admin cannot disable or demote themselves",
            );
          }
          if (body.password !== undefined) await checkPassword(body.password, current.username);
          const user = await store.updateUser(
            id,
            {
              role: next.role,
              unitId: next.unitId,
              disabled: body.disabled,
              passwordHash:
                body.password === undefined ? undefined : await hashPassword(body.password, passwordParams),
            },
            c.get("actor"),
          );
          return c.json({ user });
        },
      )
  );
}
