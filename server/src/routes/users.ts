import { type Context, Hono } from "hono";
import { z } from "zod";
import { allow, requireUser, withVersions } from "../auth/middleware.ts";
import { hashPassword, passwordContext, passwordProblem, type ScryptParams } from "../auth/passwords.ts";
import { oneTimePassword } from "../auth/second-factor.ts";
import { documented } from "../contract/documented.ts";
import {
  BulkCreatedAnswer,
  BulkPreviewAnswer,
  SecurityAnswer,
  UserAnswer,
  UsersAnswer,
} from "../contract/people.ts";
import { vietnamDate } from "../domain/dates.ts";
import { bindingProblem, can, hasCommune, ROLES, type Role, type User } from "../domain/roles.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { readTableFile, uploadedFile } from "../imports/read-upload.ts";
import { BadAccountList, planAccountList } from "../services/account-list.ts";
import { managesUnit, mayManageUnit } from "../services/account-scope.ts";
import { contactFields } from "../services/contact-fields.ts";
import type { Store } from "../store/store.ts";
import { validJson } from "../validation.ts";

const username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9._-]{3,64}$/, "must be 3 to 64 letters, digits, dots, dashes or underscores");
const role = z.enum(ROLES);
const unitId = z
  .string()
  .regex(/^(\d+|VN)$/, "must be a unit code")
  .nullable();

const createBody = z.object({
  username,
  role,
  unitId: unitId.optional(),
  password: z.string().max(1024),
  ...z.object(contactFields).partial().shape,
});
const updateBody = z
  .object({ role, unitId, disabled: z.boolean(), password: z.string().max(1024), ...contactFields })
  .partial()
  .refine((body) => Object.keys(body).length > 0, "must change something");

function invalid(code: string, field: string, value: unknown, message: string): ApiError {
  return new ApiError(422, code, `${field}: ${message}`, [{ field, value, message }]);
}

/**
 * One-time passwords are random (80 bits) and replaced at the first sign-in: a lighter scrypt than a
 * chosen password's keeps a list of a province's accounts to seconds, and guessing one stays hopeless.
 */
const oneTimeParams = (params: ScryptParams): ScryptParams => ({ ...params, N: Math.min(params.N, 2 ** 14) });

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

  /** The account the path's `:id` names, or a 404 naming it. */
  async function accountOf(param: string): Promise<User> {
    const id = Number(param);
    const found = Number.isSafeInteger(id) ? await store.getUser(id) : undefined;
    if (!found) throw new ApiError(404, "USER_NOT_FOUND", `No user has the id ${JSON.stringify(param)}.`);
    return found;
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
            {
              username: body.username,
              role: body.role,
              unitId: unit,
              passwordHash,
              fullName: body.fullName ?? null,
              phone: body.phone ?? null,
              email: body.email ?? null,
              reminderChannel: body.reminderChannel ?? null,
              language: body.language,
            },
            c.get("actor"),
          );
          return c.json({ user }, 201);
        },
      )
      .post(
        "/bulk",
        documented({
          summary:
            "Accounts from a list (CSV or XLSX: username, role, unit code, full name, phone, e-mail, reminder channel). dryRun=true previews every row; without it all are made or none, each with a one-time password shown once",
          tag: "Accounts",
          access: "signed-in",
          answers: { 200: BulkPreviewAnswer, 201: BulkCreatedAnswer },
          errors: [415, 422],
          upload: "The list (CSV or XLSX) with a header row",
        }),
        async (c) => {
          const admin = requireUser(c);
          const dryRun = c.req.query("dryRun") === "true";
          const table = await readTableFile(await uploadedFile(c));
          let rows: Awaited<ReturnType<typeof planAccountList>>;
          try {
            rows = await planAccountList(store, table, admin, now);
          } catch (error) {
            if (error instanceof BadAccountList)
              throw new ApiError(422, "ACCOUNT_LIST_INVALID", error.message, error.details);
            throw error;
          }
          const invalid = rows.filter((row) => row.errors.length > 0).length;
          if (dryRun) return c.json({ dryRun: true as const, rows, valid: rows.length - invalid, invalid });
          if (invalid > 0) {
            throw new ApiError(
              422,
              "ACCOUNT_LIST_INVALID",
              `${invalid} of ${rows.length} rows are wrong: nothing was made.`,
              rows
                .filter((row) => row.errors.length > 0)
                .flatMap((row) => row.errors.map((e) => ({ ...e, message: `row ${row.row}: ${e.message}` }))),
            );
          }
          const made: { row: (typeof rows)[number]; password: string; passwordHash: string }[] = [];
          for (const row of rows) {
            let password = oneTimePassword();
            while (passwordProblem(password, [row.username])) password = oneTimePassword();
            made.push({
              row,
              password,
              passwordHash: await hashPassword(password, oneTimeParams(passwordParams)),
            });
          }
          const users = await store.createUsers(
            made.map(({ row, passwordHash }) => ({
              username: row.username,
              role: row.role as Role,
              unitId: row.unitId,
              fullName: row.fullName,
              phone: row.phone,
              email: row.email,
              reminderChannel: row.reminderChannel,
              passwordHash,
              mustChangePassword: true,
            })),
            c.get("actor"),
          );
          const accounts = users.map((user, i) => ({
            id: user.id,
            username: user.username,
            role: user.role,
            unitId: user.unitId,
            unitName: made[i]?.row.unitName ?? null,
            fullName: user.fullName,
            phone: user.phone,
            email: user.email,
            reminderChannel: user.reminderChannel,
            password: made[i]?.password ?? "",
          }));
          return c.json({ dryRun: false as const, created: users.length, accounts }, 201);
        },
      )
      .patch(
        "/:id",
        documented({
          summary: "Change an account: role, unit, password, disabled, name and contacts (admin)",
          tag: "Accounts",
          access: "signed-in",
          answers: { 200: UserAnswer },
          errors: [404, 409, 422],
        }),
        validJson(updateBody),
        async (c) => {
          const current = await accountOf(c.req.param("id"));
          const id = current.id;
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
              fullName: body.fullName,
              phone: body.phone,
              email: body.email,
              reminderChannel: body.reminderChannel,
              language: body.language,
              passwordHash:
                body.password === undefined ? undefined : await hashPassword(body.password, passwordParams),
              // A password an admin sets for someone else is theirs to replace at the next sign-in.
              mustChangePassword: body.password !== undefined && !self ? true : undefined,
            },
            c.get("actor"),
          );
          return c.json({ user });
        },
      )
      .delete(
        "/:id/second-factor",
        documented({
          summary: "Reset an account's second factor (admin): it enrols again at its next sign-in",
          tag: "Accounts",
          access: "signed-in",
          answers: { 200: UserAnswer },
          errors: [404],
        }),
        async (c) => {
          const current = await accountOf(c.req.param("id"));
          const id = current.id;
          await mayManage(c, current.unitId);
          await store.resetSecondFactor(id, c.get("actor"));
          return c.json({ user: (await store.getUser(id)) as User });
        },
      )
  );
}

const securityBody = z.object({ secondFactorRoles: z.array(z.enum(["admin", "police"])).max(2) });

/** `/api/settings/security`: which roles must sign in with a second factor (the whole area's admin changes it). */
export function securitySettingsRoutes(store: Store) {
  const mayEdit = allow(store, (user) => can(user, "editCampaign"), "change the security settings");
  return new Hono<AppEnv>()
    .get(
      "/",
      documented({
        summary: "Which roles must sign in with a second factor",
        tag: "Accounts",
        access: "signed-in",
        answers: { 200: SecurityAnswer },
      }),
      async (c) => c.json(await store.securitySettings()),
    )
    .put(
      "/",
      documented({
        summary: "Change which roles must sign in with a second factor (admin)",
        tag: "Accounts",
        access: "signed-in",
        answers: { 200: SecurityAnswer },
        errors: [422],
      }),
      mayEdit,
      validJson(securityBody),
      async (c) => c.json(await store.updateSecuritySettings(c.req.valid("json"), c.get("actor"))),
    );
}
