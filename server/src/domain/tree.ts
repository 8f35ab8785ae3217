import { REPORTING_KINDS, type Unit } from "./types.ts";

export const isReportingUnit = (unit: Unit) => REPORTING_KINDS.includes(unit.kind);
/** Villages (thôn, tổ dân phố): drive locations under a commune, never reporting. */
export const isVillage = (unit: Unit) => unit.kind === "village";

/**
 * The level of a unit's children as the words for them go ("các tỉnh, thành phố", "các huyện",
 * "các xã"): the country's are provinces, a 2024 province's districts, everything else communes.
 */
export function levelOfChildren(children: readonly { unit: Unit }[]): "province" | "district" | "commune" {
  if (children.some((child) => child.unit.kind === "province")) return "province";
  if (children.some((child) => child.unit.kind === "district")) return "district";
  return "commune";
}

/** Unit codes in a stable order, by code point (locale rules would be slow and add nothing for codes). */
export const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The administrative hierarchy, indexed once so that lookups are cheap for a country of units. */
export class UnitTree {
  readonly units: readonly Unit[];
  private readonly byId = new Map<string, Unit>();
  private readonly childrenOf = new Map<string, Unit[]>();

  constructor(units: readonly Unit[]) {
    this.units = units;
    for (const unit of units) {
      this.byId.set(unit.id, unit);
      if (unit.parentId === null) continue;
      const siblings = this.childrenOf.get(unit.parentId) ?? [];
      siblings.push(unit);
      this.childrenOf.set(unit.parentId, siblings);
    }
  }

  get(id: string): Unit | undefined {
    return this.byId.get(id);
  }

  /** Direct children that figures are shown for (villages carry no reports, so they are left out). */
  childrenWithFigures(id: string): Unit[] {
    return (this.childrenOf.get(id) ?? []).filter((child) => child.kind !== "village");
  }

  /**
   * Whether the unit's figures are the sum of others': any unit but a commune, and a former commune
   * asked about after its end (its successors are its children then: unit-history.ts scopeOf).
   */
  sumsOthers(id: string): boolean {
    const unit = this.byId.get(id);
    return unit !== undefined && (!isReportingUnit(unit) || this.childrenWithFigures(id).length > 0);
  }

  /** Every unit under `id`, villages included, nearest first (not `id` itself). */
  descendantsOf(id: string): Unit[] {
    const found: Unit[] = [];
    const queue = [...(this.childrenOf.get(id) ?? [])];
    // As below: more steps than units means a loop in a damaged database.
    for (let at = 0; at < queue.length && at <= this.units.length; at++) {
      const next = queue[at] as Unit;
      found.push(next);
      queue.push(...(this.childrenOf.get(next.id) ?? []));
    }
    return found;
  }

  /** The reporting units whose reports make up this unit's figures (itself when it is one). */
  reportingUnitsUnder(id: string): Unit[] {
    const unit = this.byId.get(id);
    if (!unit) return [];
    if (!this.sumsOthers(id)) return [unit];
    const found: Unit[] = [];
    const stack = [...(this.childrenOf.get(id) ?? [])];
    // A tree visits each unit once at most: more steps than units means a loop in a damaged
    // database, which ends here instead of running forever.
    for (let steps = 0; stack.length > 0 && steps <= this.units.length; steps++) {
      const next = stack.pop() as Unit;
      if (isReportingUnit(next)) found.push(next);
      else stack.push(...(this.childrenOf.get(next.id) ?? []));
    }
    return found.sort((a, b) => compareCodes(a.id, b.id));
  }
}
