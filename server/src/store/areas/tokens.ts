import type { Action } from "../../domain/roles.ts";
import type { Actor } from "../audit.ts";
import { type ApiToken, tokenStatements as tokens } from "../tokens.ts";
import type { StoreContext } from "./context.ts";

/** Tokens for programs: made and revoked by an admin (audited), found by the hash of their secret. */
export interface TokenArea {
  createToken(
    token: { name: string; unitId: string | null; actions: readonly Action[] },
    hash: string,
    actor: Actor,
  ): Promise<ApiToken>;
  /** The token whose secret hashes to `hash`, unless revoked. */
  findToken(hash: string): Promise<ApiToken | undefined>;
  listTokens(): Promise<ApiToken[]>;
  /** Revokes a token (audited); false when there is no such token still valid. */
  revokeToken(id: number, actor: Actor): Promise<boolean>;
}

export function tokenArea(ctx: StoreContext): TokenArea {
  return {
    createToken: (token, hash, actor) =>
      ctx.audited(actor, null, async (tx, log) => {
        const id = await tokens.insert(tx, { ...token, hash, createdBy: actor.userId });
        const created = (await tokens.byId(tx, id)) as ApiToken;
        log({
          action: "token.create",
          entity: "token",
          entityId: String(id),
          unitId: token.unitId,
          after: created,
        });
        return created;
      }),
    findToken: (hash) => tokens.byHash(ctx.sql, hash),
    listTokens: () => tokens.all(ctx.sql),
    revokeToken: (id, actor) =>
      ctx.audited(actor, null, async (tx, log) => {
        const before = await tokens.byId(tx, id);
        if (!(await tokens.revoke(tx, id, actor.at))) return false;
        log({
          action: "token.revoke",
          entity: "token",
          entityId: String(id),
          unitId: before?.unitId,
          before,
        });
        return true;
      }),
  };
}
