import type { Action } from "../domain/roles.ts";
import { type Sql, statement } from "./sql/sql.ts";

/** A token as an admin sees it: never its secret, which is shown once when it is made. */
export interface ApiToken {
  id: number;
  name: string;
  /** The commune it acts for (its version: `unitFrom`), or null for the whole area. */
  unitId: string | null;
  unitFrom: string | null;
  actions: Action[];
  createdBy: number | null;
  createdAt: string;
  revokedAt: string | null;
}

interface TokenRow {
  id: number;
  name: string;
  unit_id: string | null;
  unit_from: string | null;
  actions: string;
  created_by: number | null;
  created_at: string;
  revoked_at: string | null;
}

const toToken = (row: TokenRow): ApiToken => ({
  id: Number(row.id),
  name: row.name,
  unitId: row.unit_id,
  unitFrom: row.unit_id === null ? null : row.unit_from || null,
  actions: JSON.parse(row.actions) as Action[],
  createdBy: row.created_by === null ? null : Number(row.created_by),
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

const COLUMNS = "id, name, unit_id, unit_from, actions, created_by, created_at, revoked_at";
// Bound to the code's version as it is when the token is made: the open one, else the latest that ended.
const INSERT = statement(
  `INSERT INTO api_tokens (name, token_hash, unit_id, unit_from, actions, created_by)
   VALUES (@name, @hash, @unitId, (SELECT valid_from FROM unit_versions WHERE id = @unitId
     ORDER BY CASE WHEN valid_to IS NULL THEN 0 ELSE 1 END, valid_from DESC LIMIT 1), @actions, @createdBy)
   RETURNING id`,
);
const BY_HASH = statement(
  `SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = @hash AND revoked_at IS NULL`,
);
const BY_ID = statement(`SELECT ${COLUMNS} FROM api_tokens WHERE id = @id`);
const ALL = statement(`SELECT ${COLUMNS} FROM api_tokens ORDER BY id`);
const REVOKE = statement("UPDATE api_tokens SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL");

export const tokenStatements = {
  insert: async (
    sql: Sql,
    token: {
      name: string;
      hash: string;
      unitId: string | null;
      actions: readonly Action[];
      createdBy: number | null;
    },
  ) =>
    Number(
      (
        await sql.get<{ id: number }>(INSERT, {
          name: token.name,
          hash: token.hash,
          unitId: token.unitId,
          actions: JSON.stringify(token.actions),
          createdBy: token.createdBy,
        })
      )?.id,
    ),
  byHash: async (sql: Sql, hash: string) => {
    const row = await sql.get<TokenRow>(BY_HASH, { hash });
    return row ? toToken(row) : undefined;
  },
  byId: async (sql: Sql, id: number) => {
    const row = await sql.get<TokenRow>(BY_ID, { id });
    return row ? toToken(row) : undefined;
  },
  all: async (sql: Sql) => (await sql.all<TokenRow>(ALL)).map(toToken),
  revoke: async (sql: Sql, id: number, at: string) => (await sql.run(REVOKE, { id, at })).changes > 0,
};
