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
}

const toUser = (row: UserRow): User => ({
  id: Number(row.id),
  username: row.username,
  role: row.role,
  unitId: row.unit_id,
  unitFrom: row.unit_id === null ? null : row.unit_from || null,
  disabled: row.disabled === 1,
  createdAt: row.created_at,
});

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  unitId: string | null;
}

export interface UserChanges {
  role?: Role;
  unitId?: string | null;
  disabled?: boolean;
  passwordHash?: string;
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
  `INSERT INTO users (username, password_hash, role, unit_id, unit_from)
   VALUES (@username, @passwordHash, @role, @unitId, ${VERSION_OF_UNIT}) RETURNING id`,
);
const UPDATE = statement(
  `UPDATE users SET role = coalesce(@role, role),
     unit_id = CASE WHEN @setUnit = 1 THEN @unitId ELSE unit_id END,
     unit_from = CASE WHEN @setUnit = 1 THEN ${VERSION_OF_UNIT} ELSE unit_from END,
     disabled = coalesce(@disabled, disabled),
     password_hash = coalesce(@passwordHash, password_hash)
   WHERE id = @id`,
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
    }),
};
