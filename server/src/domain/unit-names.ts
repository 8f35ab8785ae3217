import { isReportingUnit } from "./tree.ts";
import type { Unit } from "./types.ts";

/** Lower case, no diacritics (đ → d), single spaces: "Xã  Tây Phú" → "xa tay phu". */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s_]+/g, " ")
    .trim();
}

const PREFIXES = /^(xa|thi tran|phuong|tt|p)\.?\s+/;

/** A commune's name as people write it: without diacritics and without "Xã", "Thị trấn" or "Phường". */
export const nameKey = (name: string) => foldText(name).replace(PREFIXES, "");

/** A commune's name without its kind, for tight places (a map, a calendar): "Xã Tây Phú" → "Tây Phú". */
export const shortName = (name: string) => name.replace(/^(Xã|Phường|Thị trấn|Đặc khu) /, "");

export type UnitMatch = { unit: Unit } | { error: "UNKNOWN_UNIT" | "AMBIGUOUS_UNIT"; candidates: Unit[] };

/** Finds reporting units by official code, or by name with or without diacritics and prefix. */
export function unitMatcher(units: readonly Unit[]) {
  const reporting = units.filter(isReportingUnit);
  const byCode = new Map(units.map((u) => [u.id, u]));
  const byName = new Map<string, Unit[]>();
  for (const unit of reporting) {
    const key = nameKey(unit.name);
    byName.set(key, [...(byName.get(key) ?? []), unit]);
  }
  return (code: string, name: string): UnitMatch => {
    if (code) {
      const unit = byCode.get(code);
      return unit ? { unit } : { error: "UNKNOWN_UNIT", candidates: [] };
    }
    const found = byName.get(nameKey(name)) ?? [];
    if (found.length === 1) return { unit: found[0] as Unit };
    return { error: found.length === 0 ? "UNKNOWN_UNIT" : "AMBIGUOUS_UNIT", candidates: found };
  };
}
