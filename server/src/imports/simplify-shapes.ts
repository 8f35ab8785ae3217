import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { feature, merge } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Geometry } from "./boundaries.ts";

/**
 * The smallest triangle (in square degrees) a point of a shape must make with its neighbours to be
 * kept: about 55 m × 55 m, so that a commune drawn on a screen looks as the surveyed one does while a
 * province's shapes weigh a few hundred kilobytes instead of megabytes (Gia Lai's 135: 414,000
 * points, 9.5 MB → 41,000 points, 211 KB gzipped).
 */
export const DISPLAY_MIN_WEIGHT = 3e-7;
/** A grid of 10⁶ steps over the shapes' extent: under a metre for a province, a few for the country. */
const QUANTIZATION = 1e6;

/**
 * The shapes as the map draws them: simplified together as one topology (topojson-simplify,
 * Visvalingam's method), so that two neighbours keep one shared border and no gap opens between
 * them, then written back as GeoJSON with coordinates rounded to 5 decimals (about a metre).
 */
export function shapesForDisplay<S extends { geometry: Geometry }>(boundaries: readonly S[]): S[] {
  if (boundaries.length === 0) return [];
  const collection: FeatureCollection<Polygon | MultiPolygon> = {
    type: "FeatureCollection",
    features: boundaries.map(
      (b, i): Feature<Polygon | MultiPolygon> => ({
        type: "Feature",
        id: i,
        properties: {},
        geometry: b.geometry as Geometry,
      }),
    ),
  };
  // The typings of topojson's three packages disagree on properties ({} or null): the topology is one.
  const shapes = topology({ shapes: collection }, QUANTIZATION) as unknown as Parameters<
    typeof presimplify
  >[0];
  const simplified = simplify(presimplify(shapes), DISPLAY_MIN_WEIGHT) as unknown as Topology;
  const back = feature(simplified, simplified.objects.shapes as GeometryCollection) as FeatureCollection;
  return back.features.map((f, i) => ({
    ...(boundaries[i] as S),
    geometry: rounded(f.geometry as Polygon | MultiPolygon),
  }));
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

function rounded(geometry: Polygon | MultiPolygon): Geometry {
  const ring = (r: number[][]) =>
    r.map(([x, y]) => [round(x as number), round(y as number)] as [number, number]);
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: geometry.coordinates.map(ring) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map((p) => p.map(ring)) };
}

/**
 * The outline of several shapes (a district's communes): their union, borders they share dissolved
 * (topojson-client's merge over one topology of them).
 */
export function outlineOf(parts: readonly Geometry[]): Geometry {
  const collection: FeatureCollection<Polygon | MultiPolygon> = {
    type: "FeatureCollection",
    features: parts.map((geometry) => ({ type: "Feature", properties: {}, geometry })),
  };
  const shapes = topology({ parts: collection }, QUANTIZATION) as unknown as Topology;
  const merged = merge(shapes, (shapes.objects.parts as GeometryCollection).geometries as never);
  return rounded(merged);
}
