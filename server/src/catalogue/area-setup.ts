import { isReportingUnit } from "../domain/tree.ts";
import type { Unit } from "../domain/types.ts";
import { UnitHistory } from "../domain/unit-history.ts";
import type { Catalogue, CatalogueUnit, TreeName } from "./catalogue.ts";
import { NATION_CODE, REORGANISATION_2025 } from "./catalogue.ts";
import { planReorganisation, type ReorganisationPlan } from "./reorganise.ts";

/** The units of an area chosen from the catalogue, with its lineage, ready for `changeUnits`. */
export interface AreaSetup {
  home: Unit;
  units: Unit[];
  reorganisation: ReorganisationPlan | null;
}

const asUnit = (unit: CatalogueUnit, parentId: string | null): Unit => ({
  id: unit.code,
  name: unit.name,
  kind: unit.kind,
  parentId,
  validFrom: null,
  validTo: null,
});

/**
 * An area of the 2024 tree is that unit and everything under it, valid from the start. An area of
 * the 2025 tree comes with its history: the 2024 communes it was formed from (with the districts and
 * provinces they make up whole) valid until 01/07/2025, then its own units, with the lineage between
 * them, as the merger table has it. Undefined for a code the tree does not have.
 */
export function areaFromCatalogue(catalogue: Catalogue, tree: TreeName, code: string): AreaSetup | undefined {
  const root = catalogue.get(tree, code);
  if (!root) return undefined;
  if (tree === "2024") {
    const units = catalogue.subtree("2024", code).map((u) => asUnit(u, catalogue.parentIn(u, code)));
    return { home: units[0] as Unit, units, reorganisation: null };
  }
  const communes = catalogue.subtree("2025", code).filter((u) => isReportingUnit(asUnit(u, null)));
  const newCodes = new Set(communes.map((u) => u.code));
  const oldCodes = new Set(
    catalogue.merger.filter((row) => newCodes.has(row.newCode)).map((row) => row.oldCode),
  );
  // The nation spans both trees: the 2024 provinces end under it, the 2025 provinces begin under it.
  const nation = code === NATION_CODE ? asUnit(root, null) : null;
  const old = oldTerritory(catalogue, oldCodes).map((u) =>
    nation && u.parentId === null ? { ...u, parentId: nation.id } : u,
  );
  if (nation) old.unshift(nation);
  const reorganisation = planReorganisation(
    new UnitHistory(old, []),
    catalogue,
    REORGANISATION_2025,
    [],
    newCodes,
  );
  const units = [...old, ...reorganisation.ending, ...reorganisation.beginning];
  const home = nation ??
    reorganisation.beginning.find((u) => u.id === code) ?? {
      ...asUnit(root, null),
      validFrom: REORGANISATION_2025,
    };
  if (!nation && !reorganisation.beginning.some((u) => u.id === code)) units.push(home);
  return { home, units, reorganisation };
}

/** The 2024 units of these communes, with each district and province they make up whole. */
function oldTerritory(catalogue: Catalogue, codes: ReadonlySet<string>): Unit[] {
  const whole = (unit: CatalogueUnit): boolean =>
    catalogue
      .subtree("2024", unit.code)
      .every((u) => u.code === unit.code || !isReportingUnit(asUnit(u, null)) || codes.has(u.code));
  const included = new Map<string, CatalogueUnit>();
  for (const code of codes) {
    const unit = catalogue.get("2024", code);
    if (!unit) continue;
    included.set(code, unit);
    for (let at = unit.parentCode; at; ) {
      const parent = catalogue.get("2024", at);
      if (!parent || !whole(parent)) break;
      included.set(parent.code, parent);
      at = parent.parentCode;
    }
  }
  const parentOf = (unit: CatalogueUnit): string | null => {
    for (let at = unit.parentCode; at; ) {
      if (included.has(at)) return at;
      at = catalogue.get("2024", at)?.parentCode ?? null;
    }
    return null;
  };
  // Parents before children: by depth in the tree, then code.
  const depth = (unit: CatalogueUnit) => (unit.kind === "province" ? 0 : unit.kind === "district" ? 1 : 2);
  return [...included.values()]
    .sort((a, b) => depth(a) - depth(b) || (a.code < b.code ? -1 : 1))
    .map((u) => asUnit(u, parentOf(u)));
}
