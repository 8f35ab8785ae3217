import type Database from "better-sqlite3";
import type { Role, User } from "../auth/roles.ts";

interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  role: Role;
  unit_id: string | null;
  disabled: number;
  created_at: string;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  role: row.role,
  unitId: row.unit_id,
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

export function userStatements(db: Database.Database) {
  const count = db.prepare<[], number>("SELECT count(*) FROM users").pluck();
  const byName = db.prepare<[string], UserRow>("SELECT * FROM users WHERE username = ?");
  const byId = db.prepare<[number], UserRow>("SELECT * FROM users WHERE id = ?");
  const all = db.prepare<[], UserRow>("SELECT * FROM users ORDER BY username");
  const insert = db.prepare(
    "INSERT INTO users (username, password_hash, role, unit_id) VALUES (@username, @passwordHash, @role, @unitId)",
  );
  const update = db.prepare(
    `UPDATE users SET role = coalesce(@role, role),
       unit_id = CASE WHEN @setUnit THEN @unitId ELSE unit_id END,
       disabled = coalesce(@disabled, disabled),
       password_hash = coalesce(@passwordHash, password_hash)
     WHERE id = @id`,
  );
  return {
    count: () => count.get() as number,
    byName: (username: string) => {
      const row = byName.get(username);
      return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined;
    },
    byId: (id: number) => {
      const row = byId.get(id);
      return row ? toUser(row) : undefined;
    },
    all: () => all.all().map(toUser),
    insert: (user: NewUser) => Number(insert.run(user).lastInsertRowid),
    update: (id: number, changes: UserChanges) =>
      update.run({
        id,
        role: changes.role ?? null,
        setUnit: changes.unitId !== undefined ? 1 : 0,
        unitId: changes.unitId ?? null,
        disabled: changes.disabled === undefined ? null : changes.disabled ? 1 : 0,
        passwordHash: changes.passwordHash ?? null,
      }),
  };
}
