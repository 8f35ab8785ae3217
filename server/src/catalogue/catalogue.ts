import { join } from "node:path";
import { readCsvRecords } from "../csv-records.ts";
import { compareCodes } from "../domain/tree.ts";
import { UNIT_KINDS, type UnitKind } from "../domain/types.ts";
import { foldText, nameKey } from "../domain/unit-names.ts";

/** The two national trees: before (three levels) and after (two levels) the 01/07/2025 reorganisation. */
export const TREES = ["2024", "2025"] as const;
export type TreeName = (typeof TREES)[number];
/** The day the 2025 tree came into force. */
export const REORGANISATION_2025 = "2025-07-01";

export interface CatalogueUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  tree: TreeName;
  /** The commune's centre, where it could be geocoded. */
  lat: number | null;
  lon: number | null;
}

/** One row of the merger table: an old commune (or island district) and a new commune it went into. */
export interface MergerRow {
  oldCode: string;
  newCode: string;
  /** The old commune was divided among several new ones (one row per new one). */
  split: boolean;
}

const KIND_ORDER = new Map<string, number>(UNIT_KINDS.map((kind, i) => [kind, i]));
const SEARCH_LIMIT = 20;
/** Searches whose answers a process keeps: 20 units each, a few hundred KB in all. */
const KEPT_SEARCHES = 1000;

/**
 * The nation, above the provinces of both trees: a deployment for the whole country (the ministry)
 * chooses it as its area. It is not in the catalogue's files, and no unit's `parentCode` names it.
 */
export const NATION_CODE = "VN";
const nation = (tree: TreeName): CatalogueUnit => ({
  code: NATION_CODE,
  name: "Việt Nam",
  kind: "country",
  parentCode: null,
  tree,
  lat: null,
  lon: null,
});

/** The national catalogues shipped in data/catalogue (data/README.md), indexed for lookups and search. */
export class Catalogue {
  private readonly byCode = new Map<TreeName, Map<string, CatalogueUnit>>();
  private readonly childrenOf = new Map<TreeName, Map<string, CatalogueUnit[]>>();
  /** Every unit with its folded name, in the order search results are listed. */
  private readonly ordered: [CatalogueUnit, { name: string; key: string }][] = [];
  /** The latest searches' answers, oldest first (at most KEPT_SEARCHES). */
  private readonly searched = new Map<string, readonly CatalogueUnit[]>();
  readonly merger: readonly MergerRow[];

  constructor(units: readonly CatalogueUnit[], merger: readonly MergerRow[]) {
    this.merger = merger;
    for (const tree of TREES) {
      this.byCode.set(tree, new Map([[NATION_CODE, nation(tree)]]));
      this.childrenOf.set(tree, new Map());
    }
    for (const unit of [...TREES.map(nation), ...units]) {
      this.byCode.get(unit.tree)?.set(unit.code, unit);
      const siblings = this.childrenOf.get(unit.tree) as Map<string, CatalogueUnit[]>;
      // The provinces are listed at the top (null) and under the nation.
      const key = unit.code === NATION_CODE ? "nation" : (unit.parentCode ?? "");
      siblings.set(key, [...(siblings.get(key) ?? []), unit]);
      this.ordered.push([
        unit,
        { name: foldText(unit.name), key: nameKey(unit.name).replace(KIND_WORDS, "") },
      ]);
    }
    this.ordered.sort(
      ([a], [b]) =>
        (KIND_ORDER.get(a.kind) ?? 9) - (KIND_ORDER.get(b.kind) ?? 9) ||
        compareCodes(b.tree, a.tree) ||
        compareCodes(a.code, b.code),
    );
  }

  get(tree: TreeName, code: string): CatalogueUnit | undefined {
    return this.byCode.get(tree)?.get(code);
  }

  /** The units directly under `code` (the provinces for null and for the nation), in code order. */
  children(tree: TreeName, code: string | null): CatalogueUnit[] {
    const key = code === null || code === NATION_CODE ? "" : code;
    return [...(this.childrenOf.get(tree)?.get(key) ?? [])].sort((a, b) => compareCodes(a.code, b.code));
  }

  /** The parent of a unit within the area of `rootCode`: the nation is above the provinces. */
  parentIn(unit: CatalogueUnit, rootCode: string): string | null {
    if (unit.code === rootCode) return null;
    return unit.parentCode ?? (unit.code === NATION_CODE ? null : NATION_CODE);
  }

  /** `code` and every unit under it, parents before children. */
  subtree(tree: TreeName, code: string): CatalogueUnit[] {
    const root = this.get(tree, code);
    if (!root) return [];
    const found: CatalogueUnit[] = [];
    const queue = [root];
    while (queue.length > 0) {
      const unit = queue.shift() as CatalogueUnit;
      found.push(unit);
      queue.push(...this.children(tree, unit.code));
    }
    return found;
  }

  /** The names of the units above `unit`, nearest first ("Huyện Tây Sơn, Tỉnh Bình Định"). */
  path(unit: CatalogueUnit): string {
    const names: string[] = [];
    for (let at = unit.parentCode; at !== null; ) {
      const parent = this.get(unit.tree, at);
      if (!parent) break;
      names.push(parent.name);
      at = parent.parentCode;
    }
    return names.join(", ");
  }

  /**
   * Units whose name holds `query` (case and diacritics ignored, "Xã", "Huyện"… optional) or whose
   * code starts with it: exact matches first, then names that start with it, larger units first.
   */
  search(query: string, tree?: TreeName): readonly CatalogueUnit[] {
    const q = foldText(query);
    if (q === "") return [];
    // The catalogue never changes, and many people type the same first letters: a search of a
    // letter or two scores every one of its ~14,000 units, so the latest answers are kept.
    const key = `${tree ?? ""}|${q}`;
    const kept = this.searched.get(key);
    if (kept) return kept;
    const found = this.scan(q, tree);
    if (this.searched.size >= KEPT_SEARCHES)
      this.searched.delete(this.searched.keys().next().value as string);
    this.searched.set(key, found);
    return found;
  }

  private scan(q: string, tree?: TreeName): CatalogueUnit[] {
    const plain = q.replace(KIND_WORDS, "");
    const digits = /^\d+$/.test(q);
    // The units are in the order results are listed (ordered once): the first SEARCH_LIMIT of each
    // score are all a search can show, so a one-letter search matching thousands stays cheap.
    const byScore: CatalogueUnit[][] = [[], [], [], [], []];
    for (const [unit, folded] of this.ordered) {
      if (tree && unit.tree !== tree) continue;
      let score: number;
      if (unit.code === q) score = 0;
      else if (folded.key === plain || folded.name === q) score = 1;
      else if (folded.key.startsWith(plain)) score = 2;
      else if (digits && unit.code.startsWith(q)) score = 3;
      else if (folded.name.includes(q) || (plain !== "" && folded.key.includes(plain))) score = 4;
      else continue;
      const found = byScore[score] as CatalogueUnit[];
      if (found.length < SEARCH_LIMIT) found.push(unit);
    }
    return byScore.flat().slice(0, SEARCH_LIMIT);
  }
}

/** The kind words a name may begin with, folded: a search for "gia lai" finds "Tỉnh Gia Lai". */
const KIND_WORDS = /^(tinh|thanh pho|huyen|quan|thi xa|xa|thi tran|phuong|dac khu)\s+/;

const cache = new Map<string, Catalogue>();

/** The catalogues in `dataDir`/catalogue, read on first use and kept (about 14,000 units). */
export function catalogueAt(dataDir: string): Catalogue {
  let found = cache.get(dataDir);
  if (!found) {
    const dir = join(dataDir, "catalogue");
    const units = TREES.flatMap((tree) => readUnits(join(dir, `units-${tree}.csv`), tree));
    const merger = readCsvRecords(join(dir, "merger-2025.csv")).map((row) => ({
      oldCode: row.old_code as string,
      newCode: row.new_code as string,
      split: row.old_split === "yes",
    }));
    found = new Catalogue(units, merger);
    cache.set(dataDir, found);
  }
  return found;
}

function readUnits(path: string, tree: TreeName): CatalogueUnit[] {
  return readCsvRecords(path).map((row, i) => {
    if (!UNIT_KINDS.includes(row.kind as UnitKind))
      throw new Error(`${path} row ${i + 2}: kind ${JSON.stringify(row.kind)} is unknown`);
    return {
      code: row.code as string,
      name: row.name as string,
      kind: row.kind as UnitKind,
      parentCode: row.parent_code || null,
      tree,
      lat: row.lat ? Number(row.lat) : null,
      lon: row.lon ? Number(row.lon) : null,
    };
  });
}
