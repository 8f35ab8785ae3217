import { open } from "node:fs/promises";
import { JSONParser } from "@streamparser/json";
import { isReportingUnit } from "../domain/tree.ts";
import type { Unit } from "../domain/types.ts";
import { codeAsWritten } from "../domain/unit-codes.ts";
import { nameKey } from "../domain/unit-names.ts";
import type { Boundary } from "../store/boundaries.ts";
import { forEachZipEntry, isZip } from "./zip-check.ts";

/** What one boundaries upload may hold: an area's communes with detailed shapes, not a continent. */
export const BOUNDARY_CAPS = {
  /** One file as uploaded, streamed to disk (pretty-printed shapes of a large province: ~100 MB). */
  bytes: 100 * 1024 * 1024,
  /** A zip of one file per commune, once unpacked (pretty-printed files of Gia Lai: ~36 MB). */
  unpackedBytes: 256 * 1024 * 1024,
  features: 20_000,
  points: 2_000_000,
  /** Rings of one polygon, and polygons of one MultiPolygon. */
  parts: 10_000,
  /** Properties of one feature. */
  members: 200,
};

/** The properties a feature may carry its unit's official code in (common in Vietnamese GIS files). */
const CODE_KEYS = ["code", "unit_code", "ma", "ma_xa", "maxa", "MA_XA", "MaXa", "ma_dvhc", "MA_DVHC"];
/** The properties a feature may carry its unit's name in, the fullest first ("Xã Ia Grai" before "Ia Grai"). */
const NAME_KEYS = ["fullName", "full_name", "ten_day_du", "name", "ten", "ten_xa", "TEN_XA", "Ten", "TenXa"];

type Position = [number, number];
type Ring = Position[];
/** A GeoJSON Polygon or MultiPolygon, rebuilt from what was checked: nothing else travels. */
export type Geometry =
  | { type: "Polygon"; coordinates: Ring[] }
  | { type: "MultiPolygon"; coordinates: Ring[][] };

/** A feature of an uploaded file: the code and the name it gives (empty when none) and its shape. */
export interface BoundaryFeature {
  code: string;
  name: string;
  geometry: Geometry;
}

export interface BoundaryFile {
  boundaries: Boundary[];
  /** Features whose code named no unit, matched by their name within the area: to confirm. */
  byName: { code: string; name: string; unitId: string; unitName: string }[];
  /** Codes (or names) of features that name no unit of the area on the date. */
  unmatched: string[];
}

export class BadBoundaries extends Error {}

/**
 * Reads GeoJSON as it streams in (@streamparser/json): a FeatureCollection of Polygon /
 * MultiPolygon features — or one Feature, as a commune's own file often is —, each naming its unit
 * by its official code (a property such as `code` or `ma_xa`, as a string or a number, or the
 * feature's id). Each feature is checked and rebuilt as soon as it is parsed, so reading a file holds
 * its shapes in memory, never its text: every position two finite numbers, a longitude and a
 * latitude; every ring closed with at least four positions; members other than the code, the name
 * and the shape dropped.
 */
class GeoJsonReader {
  private readonly parser = new JSONParser({
    paths: ["$.type", "$.features", "$.features.*", "$.id", "$.properties", "$.geometry"],
    keepStack: false,
  });
  private readonly top: Record<string, unknown> = {};
  private readonly features: BoundaryFeature[] = [];
  private started = false;

  constructor(private readonly budget: { points: number; features: number }) {
    this.parser.onValue = ({ value, key, stack }) => {
      if (stack.length === 2) {
        this.budget.features -= 1;
        if (this.budget.features < 0)
          throw new BadBoundaries(`The upload has more than ${BOUNDARY_CAPS.features} features.`);
        this.features.push(readFeature(value, this.features.length + 1, this.budget));
      } else if (stack.length === 1 && typeof key === "string") this.top[key] = value;
    };
  }

  write(chunk: Uint8Array): void {
    if (!this.started) {
      // Anything but an object at the top would be built whole in memory before it could be refused.
      const first = new TextDecoder().decode(chunk.subarray(0, 64)).replace(/^\uFEFF?\s*/, "")[0];
      if (first === undefined) return;
      if (first !== "{") throw notGeoJson();
      this.started = true;
    }
    this.guard(() => this.parser.write(chunk));
  }

  end(): BoundaryFeature[] {
    this.guard(() => {
      if (!this.parser.isEnded) this.parser.end();
    });
    const { type, id, properties, geometry } = this.top;
    if (type === "Feature") return [readFeature({ id, properties, geometry }, 1, this.budget)];
    if (type !== "FeatureCollection" || !Array.isArray(this.top.features)) throw notGeoJson();
    return this.features;
  }

  private guard(parse: () => void): void {
    try {
      parse();
    } catch (error) {
      if (error instanceof BadBoundaries) throw error;
      throw new BadBoundaries("The file is not JSON: send a GeoJSON FeatureCollection.");
    }
  }
}

const notGeoJson = () =>
  new BadBoundaries(
    'The file is not a GeoJSON FeatureCollection ("type": "FeatureCollection", "features": […]).',
  );

const newBudget = () => ({ points: BOUNDARY_CAPS.points, features: BOUNDARY_CAPS.features });

/**
 * The features of an upload held in memory: one GeoJSON file, or a zip of files (one per commune, as
 * the public data comes), every `.geojson` / `.json` inside read within the same caps — unpacked
 * bytes, features, points — as one file.
 */
export function readBoundaryFiles(bytes: Uint8Array, budget = newBudget()): BoundaryFeature[] {
  if (!isZip(bytes)) {
    const reader = new GeoJsonReader(budget);
    reader.write(bytes);
    return reader.end();
  }
  const features: BoundaryFeature[] = [];
  let files = 0;
  const tooBig = (name: string) =>
    new BadBoundaries(
      `The zip unpacks to more than ${BOUNDARY_CAPS.unpackedBytes / 1024 / 1024} MB (at ${name}): send fewer or simpler shapes.`,
    );
  const unreadable = () => new BadBoundaries("The file is neither GeoJSON nor a zip of GeoJSON files.");
  forEachZipEntry(bytes, BOUNDARY_CAPS.unpackedBytes, { tooBig, unreadable }, (name, content) => {
    if (!/\.(geo)?json$/i.test(name) || name.startsWith("__MACOSX/")) return;
    files++;
    try {
      features.push(...readBoundaryFiles(content, budget));
    } catch (error) {
      if (error instanceof BadBoundaries) throw new BadBoundaries(`${name}: ${error.message}`);
      throw error;
    }
  });
  if (files === 0) throw new BadBoundaries("The zip holds no .geojson or .json file.");
  return features;
}

/**
 * The features of an upload on disk (see upload-to-disk.ts): a zip is read whole (it is at most the
 * upload cap), a GeoJSON file streamed from the disk in chunks of 1 MB.
 */
export async function readBoundaryFile(path: string): Promise<BoundaryFeature[]> {
  const file = await open(path);
  try {
    const head = new Uint8Array(4);
    await file.read(head, 0, 4, 0);
    if (isZip(head)) return readBoundaryFiles(await file.readFile());
    const reader = new GeoJsonReader(newBudget());
    for await (const chunk of file.createReadStream({
      start: 0,
      highWaterMark: 1024 * 1024,
      autoClose: false,
    }))
      reader.write(chunk as Buffer);
    return reader.end();
  } finally {
    await file.close();
  }
}

function readFeature(
  feature: unknown,
  n: number,
  budget: { points: number; features: number },
): BoundaryFeature {
  if (typeof feature !== "object" || feature === null || Array.isArray(feature))
    throw new BadBoundaries(`Feature ${n} is not an object.`);
  const { id, properties, geometry } = feature as { id?: unknown; properties?: unknown; geometry?: unknown };
  const props =
    typeof properties === "object" && properties !== null ? (properties as Record<string, unknown>) : {};
  if (Object.keys(props).length > BOUNDARY_CAPS.members)
    throw new BadBoundaries(`Feature ${n} has more than ${BOUNDARY_CAPS.members} properties.`);
  const key = CODE_KEYS.find((k) => props[k] !== undefined && props[k] !== null);
  const code = codeOf(key ? props[key] : id, n);
  const nameKeyFound = NAME_KEYS.find((k) => typeof props[k] === "string");
  const name = nameKeyFound ? String(props[nameKeyFound]).slice(0, 100).trim() : "";
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (g?.type === "Polygon")
    return { code, name, geometry: { type: "Polygon", coordinates: polygon(g.coordinates, n, budget) } };
  if (g?.type === "MultiPolygon") {
    const parts = list(g.coordinates, n, "its polygons");
    return {
      code,
      name,
      geometry: { type: "MultiPolygon", coordinates: parts.map((p) => polygon(p, n, budget)) },
    };
  }
  throw new BadBoundaries(`Feature ${n} is a ${String(g?.type)}, not a Polygon or MultiPolygon.`);
}

/** A code as a string or a whole number; anything else names no unit. */
function codeOf(value: unknown, n: number): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string" && value.length <= 20) return value.trim();
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  throw new BadBoundaries(
    `Feature ${n} names its unit by ${JSON.stringify(value).slice(0, 40)}, not a code.`,
  );
}

function list(value: unknown, n: number, what: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw new BadBoundaries(`Feature ${n} has no ${what}.`);
  if (value.length > BOUNDARY_CAPS.parts)
    throw new BadBoundaries(`Feature ${n} has more than ${BOUNDARY_CAPS.parts} of ${what}.`);
  return value;
}

function polygon(value: unknown, n: number, budget: { points: number }): Ring[] {
  return list(value, n, "rings").map((ring) => {
    if (!Array.isArray(ring) || ring.length < 4)
      throw new BadBoundaries(
        `Feature ${n} has a ring of fewer than 4 positions (a ring closes on its first position).`,
      );
    budget.points -= ring.length;
    if (budget.points < 0)
      throw new BadBoundaries(`The file has more than ${BOUNDARY_CAPS.points} points; simplify its shapes.`);
    return ring.map((position) => point(position, n));
  });
}

function point(value: unknown, n: number): Position {
  const [lon, lat] = Array.isArray(value) ? value : [];
  if (
    typeof lon !== "number" ||
    typeof lat !== "number" ||
    !(Math.abs(lon) <= 180) ||
    !(Math.abs(lat) <= 90) ||
    (value as unknown[]).length > 3
  )
    throw new BadBoundaries(
      `Feature ${n} has a position that is not a longitude and a latitude: ${JSON.stringify(value)?.slice(0, 60)}.`,
    );
  return [lon, lat];
}

/**
 * Keeps the features that name a unit of `versions` (the area's units valid on the upload's date),
 * each for that unit version: by its code first — as written, or a number padded to the code's
 * length —, then, for a feature whose code names none (a publisher's own ids), by its name when
 * exactly one commune of the area has that name (compared without diacritics and kind words). Two
 * features for one unit are refused, naming the units.
 */
export function matchBoundaries(
  features: readonly BoundaryFeature[],
  versions: readonly Unit[],
): BoundaryFile {
  const byCode = new Map(versions.map((unit) => [unit.id, unit]));
  const named = new Map<string, Unit[]>();
  for (const unit of versions.filter(isReportingUnit)) {
    const key = nameKey(unit.name);
    named.set(key, [...(named.get(key) ?? []), unit]);
  }
  const matched: { feature: BoundaryFeature; unit: Unit; byName: boolean }[] = [];
  const unmatched: string[] = [];
  features.forEach((feature, i) => {
    const code = feature.code === "" ? "" : codeAsWritten(feature.code, (c) => byCode.has(c));
    const byItsCode = byCode.get(code);
    const candidates = feature.name ? (named.get(nameKey(feature.name)) ?? []) : [];
    if (byItsCode) matched.push({ feature, unit: byItsCode, byName: false });
    else if (candidates.length === 1) matched.push({ feature, unit: candidates[0] as Unit, byName: true });
    else unmatched.push(feature.code || feature.name || `#${i + 1}`);
  });
  const counts = new Map<string, number>();
  for (const { unit } of matched) counts.set(unit.id, (counts.get(unit.id) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  if (twice.length > 0) {
    throw new BadBoundaries(
      `More than one feature names ${twice.slice(0, 20).join(", ")}${twice.length > 20 ? ` and ${twice.length - 20} more` : ""}: keep one shape per unit.`,
    );
  }
  return {
    boundaries: matched.map(({ feature, unit }) => ({
      unitId: unit.id,
      validFrom: unit.validFrom ?? null,
      geometry: feature.geometry,
    })),
    byName: matched
      .filter((m) => m.byName)
      .map(({ feature, unit }) => ({
        code: feature.code,
        name: feature.name,
        unitId: unit.id,
        unitName: unit.name,
      })),
    unmatched,
  };
}
