import type { Unit } from "../domain/types.ts";
import type { Boundary } from "../store/boundaries.ts";

/** What one boundaries file may hold: an area's communes with detailed shapes, not a continent. */
export const BOUNDARY_CAPS = { bytes: 10 * 1024 * 1024, features: 20_000, points: 2_000_000 };

/** The properties a feature may carry its unit's official code in (common in Vietnamese GIS files). */
const CODE_KEYS = ["code", "unit_code", "ma", "ma_xa", "maxa", "MA_XA", "MaXa", "ma_dvhc", "MA_DVHC"];

export interface BoundaryFile {
  boundaries: Boundary[];
  /** Codes of features that name no unit of the area on the date (or name none). */
  unmatched: string[];
}

export class BadBoundaries extends Error {}

/**
 * Reads a GeoJSON FeatureCollection of Polygon / MultiPolygon features, each naming its unit by its
 * official code (a property such as `code` or `ma_xa`, or the feature's id), and keeps the geometries
 * of the units `versions` holds. A file that is not such a collection, or over a cap, is refused.
 */
export function readBoundaries(text: string, versions: readonly Unit[]): BoundaryFile {
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
  const byCode = new Map(versions.map((unit) => [unit.id, unit]));
  const boundaries: Boundary[] = [];
  const unmatched: string[] = [];
  let points = 0;
  collection.features.forEach(
    (
      feature: {
        id?: unknown;
        properties?: Record<string, unknown>;
        geometry?: { type?: unknown; coordinates?: unknown };
      },
      i: number,
    ) => {
      const geometry = feature?.geometry;
      if (geometry?.type !== "Polygon" && geometry?.type !== "MultiPolygon")
        throw new BadBoundaries(
          `Feature ${i + 1} is a ${String(geometry?.type)}, not a Polygon or MultiPolygon.`,
        );
      points += countPoints(geometry.coordinates, i);
      if (points > BOUNDARY_CAPS.points)
        throw new BadBoundaries(
          `The file has more than ${BOUNDARY_CAPS.points} points; simplify its shapes.`,
        );
      const key = CODE_KEYS.find(
        (k) => feature.properties?.[k] !== undefined && feature.properties?.[k] !== null,
      );
      const code = String(key ? feature.properties?.[key] : (feature.id ?? "")).trim();
      const unit = byCode.get(code);
      if (unit)
        boundaries.push({
          unitId: unit.id,
          validFrom: unit.validFrom ?? null,
          geometry: { type: geometry.type, coordinates: geometry.coordinates },
        });
      else unmatched.push(code || `#${i + 1}`);
    },
  );
  return { boundaries, unmatched };
}

/** The positions of a Polygon's or MultiPolygon's coordinates, each checked to be [longitude, latitude]. */
function countPoints(coordinates: unknown, feature: number): number {
  if (!Array.isArray(coordinates)) throw new BadBoundaries(`Feature ${feature + 1} has no coordinates.`);
  if (typeof coordinates[0] === "number") {
    const [lon, lat] = coordinates as number[];
    if (!(Math.abs(lon as number) <= 180 && Math.abs(lat as number) <= 90))
      throw new BadBoundaries(
        `Feature ${feature + 1} has a position that is not longitude, latitude: ${JSON.stringify(coordinates)}.`,
      );
    return 1;
  }
  return coordinates.reduce((sum: number, part) => sum + countPoints(part, feature), 0);
}
