import type { Unit } from "../domain/types.ts";
import type { Boundary } from "../store/boundaries.ts";

/** What one boundaries file may hold: an area's communes with detailed shapes, not a continent. */
export const BOUNDARY_CAPS = {
  bytes: 10 * 1024 * 1024,
  features: 20_000,
  points: 2_000_000,
  /** Rings of one polygon, and polygons of one MultiPolygon. */
  parts: 10_000,
  /** Properties of one feature. */
  members: 200,
};

/** The properties a feature may carry its unit's official code in (common in Vietnamese GIS files). */
const CODE_KEYS = ["code", "unit_code", "ma", "ma_xa", "maxa", "MA_XA", "MaXa", "ma_dvhc", "MA_DVHC"];

type Position = [number, number];
type Ring = Position[];
/** A GeoJSON Polygon or MultiPolygon, rebuilt from what was checked: nothing else travels. */
export type Geometry =
  | { type: "Polygon"; coordinates: Ring[] }
  | { type: "MultiPolygon"; coordinates: Ring[][] };

/** A feature of an uploaded file: the code it names (empty when none) and its shape. */
export interface BoundaryFeature {
  code: string;
  geometry: Geometry;
}

export interface BoundaryFile {
  boundaries: Boundary[];
  /** Codes of features that name no unit of the area on the date (or name none). */
  unmatched: string[];
}

export class BadBoundaries extends Error {}

/**
 * Reads a GeoJSON FeatureCollection of Polygon / MultiPolygon features, each naming its unit by its
 * official code (a property such as `code` or `ma_xa`, as a string or a number, or the feature's
 * id). Every position must be two finite numbers, a longitude and a latitude; every ring closed
 * with at least four positions; the structure is walked to its fixed depth only (a nested-array
 * bomb is refused, never recursed into). Members other than the code and the shape are dropped.
 */
export function parseBoundaries(text: string): BoundaryFeature[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BadBoundaries("The file is not JSON: send a GeoJSON FeatureCollection.");
  }
  const collection = data as { type?: unknown; features?: unknown };
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features))
    throw new BadBoundaries(
      'The file is not a GeoJSON FeatureCollection ("type": "FeatureCollection", "features": […]).',
    );
  if (collection.features.length > BOUNDARY_CAPS.features)
    throw new BadBoundaries(
      `The file has ${collection.features.length} features; at most ${BOUNDARY_CAPS.features} are read.`,
    );
  const budget = { points: BOUNDARY_CAPS.points };
  return collection.features.map((feature: unknown, i: number) => readFeature(feature, i + 1, budget));
}

function readFeature(feature: unknown, n: number, budget: { points: number }): BoundaryFeature {
  if (typeof feature !== "object" || feature === null || Array.isArray(feature))
    throw new BadBoundaries(`Feature ${n} is not an object.`);
  const { id, properties, geometry } = feature as { id?: unknown; properties?: unknown; geometry?: unknown };
  const props =
    typeof properties === "object" && properties !== null ? (properties as Record<string, unknown>) : {};
  if (Object.keys(props).length > BOUNDARY_CAPS.members)
    throw new BadBoundaries(`Feature ${n} has more than ${BOUNDARY_CAPS.members} properties.`);
  const key = CODE_KEYS.find((k) => props[k] !== undefined && props[k] !== null);
  const code = codeOf(key ? props[key] : id, n);
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (g?.type === "Polygon")
    return { code, geometry: { type: "Polygon", coordinates: polygon(g.coordinates, n, budget) } };
  if (g?.type === "MultiPolygon") {
    const parts = list(g.coordinates, n, "its polygons");
    return { code, geometry: { type: "MultiPolygon", coordinates: parts.map((p) => polygon(p, n, budget)) } };
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
 * each for that unit version. Two features naming one code are refused, naming the codes.
 */
export function matchBoundaries(
  features: readonly BoundaryFeature[],
  versions: readonly Unit[],
): BoundaryFile {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { code } of features) {
    if (code !== "" && seen.has(code)) twice.add(code);
    seen.add(code);
  }
  if (twice.size > 0) {
    const codes = [...twice];
    throw new BadBoundaries(
      `More than one feature names ${codes.slice(0, 20).join(", ")}${codes.length > 20 ? ` and ${codes.length - 20} more` : ""}: keep one shape per unit.`,
    );
  }
  const byCode = new Map(versions.map((unit) => [unit.id, unit]));
  const boundaries: Boundary[] = [];
  const unmatched: string[] = [];
  features.forEach(({ code, geometry }, i) => {
    const unit = byCode.get(code);
    if (unit) boundaries.push({ unitId: unit.id, validFrom: unit.validFrom ?? null, geometry });
    else unmatched.push(code || `#${i + 1}`);
  });
  return { boundaries, unmatched };
}
