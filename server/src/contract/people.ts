import { z } from "zod";
import { REMINDER_CHANNELS } from "../domain/contacts.ts";
import { TOKEN_ACTIONS } from "../domain/roles.ts";
import { isoDay, isoTime, User, unitCode } from "./common.ts";

// Accounts, sign-in, programs' tokens and the audit log.

export const UserAnswer = z.strictObject({ user: User });
export const MeAnswer = z.strictObject({ user: User.nullable() });
export const UsersAnswer = z.strictObject({ users: z.array(User) });

export const SecondFactorStartAnswer = z.strictObject({
  secret: z.string().meta({ description: "Base32, to type into the app when the QR code cannot be scanned" }),
  otpauthUrl: z.string().meta({ examples: ["otpauth://totp/VNeID%20m%E1%BB%A9c%202:admin?..."] }),
  qrSvg: z.string().meta({ description: "The address as a QR code (SVG)" }),
});
export const RecoveryCodesAnswer = z.strictObject({
  recoveryCodes: z.array(z.string()).meta({ description: "10 single-use codes, shown this once" }),
});
export const SessionsAnswer = z.strictObject({
  sessions: z.array(
    z.strictObject({
      handle: z.string(),
      createdAt: isoTime,
      lastSeenAt: isoTime,
      agent: z.string().nullable(),
      ip: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
});
export const SecurityAnswer = z.strictObject({
  secondFactorRoles: z.array(z.enum(["admin", "police"])),
});

const BulkRow = z.strictObject({
  row: z.number().int().meta({ description: "The line of the file (the header is line 1)" }),
  username: z.string(),
  role: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  fullName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  reminderChannel: z.enum(REMINDER_CHANNELS).nullable(),
  errors: z.array(z.strictObject({ field: z.string(), value: z.unknown(), message: z.string() })),
});
export const BulkPreviewAnswer = z.strictObject({
  dryRun: z.literal(true),
  rows: z.array(BulkRow),
  valid: z.number().int(),
  invalid: z.number().int(),
});
export const BulkCreatedAnswer = z.strictObject({
  dryRun: z.literal(false),
  created: z.number().int(),
  accounts: z.array(
    z.strictObject({
      id: z.number().int(),
      username: z.string(),
      role: z.string(),
      unitId: z.string().nullable(),
      unitName: z.string().nullable(),
      fullName: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      reminderChannel: z.enum(REMINDER_CHANNELS).nullable(),
      password: z.string().meta({ description: "The one-time password, shown this once" }),
    }),
  ),
});

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
