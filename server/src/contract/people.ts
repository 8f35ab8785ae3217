import { z } from "zod";
import { TOKEN_ACTIONS } from "../domain/roles.ts";
import { isoDay, isoTime, User, unitCode } from "./common.ts";

// Accounts, sign-in, programs' tokens and the audit log.

export const UserAnswer = z.strictObject({ user: User });
export const MeAnswer = z.strictObject({ user: User.nullable() });
export const UsersAnswer = z.strictObject({ users: z.array(User) });

const ApiToken = z
  .strictObject({
    id: z.number().int(),
    name: z.string(),
    unitId: unitCode.nullable().meta({ description: "The commune it acts for; null: the whole area" }),
    unitFrom: isoDay.nullable(),
    actions: z.array(z.enum(TOKEN_ACTIONS)),
    createdBy: z.number().int().nullable(),
    createdAt: isoTime,
    revokedAt: isoTime.nullable(),
  })
  .meta({ id: "ApiToken" });

export const TokensAnswer = z.strictObject({ tokens: z.array(ApiToken) });
export const TokenCreated = z.strictObject({
  token: ApiToken,
  secret: z.string().meta({ description: "Shown this once: send it as Authorization: Bearer <secret>" }),
});

export const AuditAnswer = z.strictObject({
  entries: z.array(
    z
      .strictObject({
        id: z.number().int(),
        at: isoTime,
        userId: z.number().int().nullable(),
        username: z.string().nullable(),
        action: z.string(),
        entity: z.string().nullable(),
        entityId: z.string().nullable(),
        unitId: unitCode.nullable(),
        before: z.unknown(),
        after: z.unknown(),
        ip: z.string().nullable(),
      })
      .meta({ id: "AuditEntry" }),
  ),
});
