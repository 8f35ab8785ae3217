import { UnitTree } from "../../domain/tree.ts";
import type { Unit } from "../../domain/types.ts";
import { unitStatements } from "../units.ts";
import type { StoreContext } from "./context.ts";

export interface UnitArea {
  unitTree(): Promise<UnitTree>;
  /** Adds or renames units; parents must come before their children. */
  saveUnits(units: readonly Unit[]): Promise<void>;
}

export function unitArea(ctx: StoreContext): UnitArea {
  return {
    unitTree: () => ctx.tree(async () => new UnitTree(await unitStatements.all(ctx.sql))),
    saveUnits: (list) => ctx.write("units", (tx) => unitStatements.upsertMany(tx, list)),
  };
}
