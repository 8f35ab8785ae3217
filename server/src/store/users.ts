import type { AccountLanguage, ReminderChannel } from "../domain/contacts.ts";
import type { Role, User } from "../domain/roles.ts";
import { type Sql, statement } from "./sql/sql.ts";

interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  role: Role;
  unit_id: string | null;
  unit_from: string | null;
  disabled: number;
  created_at: string;
  full_name: string | null;
  phone: string | null;
  email: string | null;
  reminder_channel: ReminderChannel | null;
  language: AccountLanguage;
  must_change_password: number;
  totp_secret: string | null;
  totp_confirmed_at: string | null;
  totp_last_step: number;
}

const toUser = (row: UserRow): User => ({
  id: Number(row.id),
  username: row.username,
  role: row.role,
  unitId: row.unit_id,
  unitFrom: row.unit_id === null ? null : row.unit_from || null,
  fullName: row.full_name,
  phone: row.phone,
  email: row.email,
  reminderChannel: row.reminder_channel,
  language: row.language,
  mustChangePassword: Number(row.must_change_password) === 1,
  secondFactor: row.totp_confirmed_at !== null,
  disabled: Number(row.disabled) === 1,
  createdAt: row.created_at,
});

/** A user's second factor as stored: the secret (pending until confirmed) and the last step accepted. */
export interface SecondFactor {
  secret: string | null;
  confirmedAt: string | null;
  lastStep: number;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  unitId: string | null;
  fullName?: string | null;
  phone?: string | null;
  email?: string | null;
  reminderChannel?: ReminderChannel | null;
  language?: AccountLanguage;
  mustChangePassword?: boolean;
}

export interface UserChanges {
  role?: Role;
  unitId?: string | null;
  disabled?: boolean;
  passwordHash?: string;
  /** With a new password: whether the user must change it at the next sign-in (an admin's reset: yes). */
  mustChangePassword?: boolean;
  fullName?: string | null;
  phone?: string | null;
  email?: string | null;
  reminderChannel?: ReminderChannel | null;
  language?: AccountLanguage;
}

const COUNT = statement("SELECT count(*) AS n FROM users");
// Usernames match whatever their case (unique so in both schemas).
const BY_NAME = statement("SELECT * FROM users WHERE lower(username) = lower(@username)");
const BY_ID = statement("SELECT * FROM users WHERE id = @id");
const ALL = statement("SELECT * FROM users ORDER BY lower(username)");
// An account is bound to its unit's version as it is when the account is made or moved: the open
// one ('' is "from the start"), else the latest that ended.
const VERSION_OF_UNIT = `(SELECT valid_from FROM unit_versions WHERE id = @unitId
  ORDER BY CASE WHEN valid_to IS NULL THEN 0 ELSE 1 END, valid_from DESC LIMIT 1)`;
const INSERT = statement(
  `INSERT INTO users (username, password_hash, role, unit_id, unit_from, full_name, phone, email,
     reminder_channel, language, must_change_password)
   VALUES (@username, @passwordHash, @role, @unitId, ${VERSION_OF_UNIT}, @fullName, @phone, @email,
     @reminderChannel, @language, @mustChange)
   RETURNING id`,
);
const UPDATE = statement(
  `UPDATE users SET role = coalesce(@role, role),
     unit_id = CASE WHEN @setUnit = 1 THEN @unitId ELSE unit_id END,
     unit_from = CASE WHEN @setUnit = 1 THEN ${VERSION_OF_UNIT} ELSE unit_from END,
     disabled = coalesce(@disabled, disabled),
     password_hash = coalesce(@passwordHash, password_hash),
     must_change_password = coalesce(@mustChange, must_change_password),
     full_name = CASE WHEN @setFullName = 1 THEN @fullName ELSE full_name END,
     phone = CASE WHEN @setPhone = 1 THEN @phone ELSE phone END,
     email = CASE WHEN @setEmail = 1 THEN @email ELSE email END,
     reminder_channel = CASE WHEN @setChannel = 1 THEN @reminderChannel ELSE reminder_channel END,
     language = coalesce(@language, language)
   WHERE id = @id`,
);
const SECOND_FACTOR = statement(
  "SELECT totp_secret, totp_confirmed_at, totp_last_step FROM users WHERE id = @id",
);
const SET_SECOND_FACTOR = statement(
  `UPDATE users SET totp_secret = @secret, totp_confirmed_at = @confirmedAt, totp_last_step = @lastStep
   WHERE id = @id`,
);
// Accepting a code moves the last step forward only: of two requests with the same code, one wins.
const ACCEPT_STEP = statement(
  "UPDATE users SET totp_last_step = @step WHERE id = @id AND totp_last_step < @step",
);
const ADD_RECOVERY_CODE = statement(
  "INSERT INTO recovery_codes (user_id, code_hash) VALUES (@userId, @codeHash)",
);
const REMOVE_RECOVERY_CODES = statement("DELETE FROM recovery_codes WHERE user_id = @userId");
const USE_RECOVERY_CODE = statement(
  `UPDATE recovery_codes SET used_at = @at
   WHERE user_id = @userId AND code_hash = @codeHash AND used_at IS NULL`,
);
const RECOVERY_CODES_LEFT = statement(
  "SELECT count(*) AS n FROM recovery_codes WHERE user_id = @userId AND used_at IS NULL",
);

export const userStatements = {
  count: async (sql: Sql) => (await sql.get<{ n: number }>(COUNT))?.n ?? 0,
  byName: async (sql: Sql, username: string) => {
    const row = await sql.get<UserRow>(BY_NAME, { username });
    return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined;
  },
  byId: async (sql: Sql, id: number) => {
    const row = await sql.get<UserRow>(BY_ID, { id });
    return row ? toUser(row) : undefined;
  },
  all: async (sql: Sql) => (await sql.all<UserRow>(ALL)).map(toUser),
  insert: async (sql: Sql, user: NewUser) =>
    Number(
      (
        await sql.get<{ id: number }>(INSERT, {
          username: user.username,
          passwordHash: user.passwordHash,
          role: user.role,
          unitId: user.unitId,
          fullName: user.fullName ?? null,
          phone: user.phone ?? null,
          email: user.email ?? null,
          reminderChannel: user.reminderChannel ?? null,
          language: user.language ?? "vi",
          mustChange: user.mustChangePassword ? 1 : 0,
        })
      )?.id,
    ),
  update: (sql: Sql, id: number, changes: UserChanges) =>
    sql.run(UPDATE, {
      id,
      role: changes.role ?? null,
      setUnit: changes.unitId !== undefined ? 1 : 0,
      unitId: changes.unitId ?? null,
      disabled: changes.disabled === undefined ? null : changes.disabled ? 1 : 0,
      passwordHash: changes.passwordHash ?? null,
      mustChange: changes.mustChangePassword === undefined ? null : changes.mustChangePassword ? 1 : 0,
      setFullName: changes.fullName !== undefined ? 1 : 0,
      fullName: changes.fullName ?? null,
      setPhone: changes.phone !== undefined ? 1 : 0,
      phone: changes.phone ?? null,
      setEmail: changes.email !== undefined ? 1 : 0,
      email: changes.email ?? null,
      setChannel: changes.reminderChannel !== undefined ? 1 : 0,
      reminderChannel: changes.reminderChannel ?? null,
      language: changes.language ?? null,
    }),
  secondFactor: async (sql: Sql, id: number): Promise<SecondFactor> => {
    const row = await sql.get<Pick<UserRow, "totp_secret" | "totp_confirmed_at" | "totp_last_step">>(
      SECOND_FACTOR,
      { id },
    );
    return {
      secret: row?.totp_secret ?? null,
      confirmedAt: row?.totp_confirmed_at ?? null,
      lastStep: Number(row?.totp_last_step ?? 0),
    };
  },
  setSecondFactor: (sql: Sql, id: number, factor: SecondFactor) =>
    sql.run(SET_SECOND_FACTOR, { id, ...factor }),
  acceptStep: async (sql: Sql, id: number, step: number) =>
    (await sql.run(ACCEPT_STEP, { id, step })).changes === 1,
  replaceRecoveryCodes: async (sql: Sql, userId: number, codeHashes: readonly string[]) => {
    await sql.run(REMOVE_RECOVERY_CODES, { userId });
    for (const codeHash of codeHashes) await sql.run(ADD_RECOVERY_CODE, { userId, codeHash });
  },
  useRecoveryCode: async (sql: Sql, userId: number, codeHash: string, at: string) =>
    (await sql.run(USE_RECOVERY_CODE, { userId, codeHash, at })).changes === 1,
  recoveryCodesLeft: async (sql: Sql, userId: number) =>
    Number((await sql.get<{ n: number }>(RECOVERY_CODES_LEFT, { userId }))?.n ?? 0),
};
