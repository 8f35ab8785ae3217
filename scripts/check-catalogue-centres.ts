// npm run check-centres -- <folder>: checks the catalogue's commune centres (data/catalogue/units-2025.csv,
// lat/lon) against the public boundaries of the 2025 communes, one GeoJSON file per commune named
// `<code>_<name>.geojson` in any folder under <folder> (thanglequoc/vietnamese-provinces-database,
// `json/geojson`; data/README.md). Lists every centre that falls outside its own commune, with its
// distance to the commune's shape, and the point inside the shape that could replace it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { geoContains, geoDistance } from "d3-geo";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { catalogueAt } from "../server/src/catalogue/catalogue.ts";
import { PROJECT_ROOT } from "../server/src/config.ts";

const folder = process.argv[2];
if (!folder) {
  console.error("usage: npm run check-centres -- <folder of per-commune GeoJSON files>");
  process.exit(2);
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) yield* filesUnder(join(dir, entry.name));
    else if (/^\d{5}_.*\.geojson$/.test(entry.name)) yield join(dir, entry.name);
  }
}

const EARTH_KM = 6371;
type Shape = Feature<Polygon | MultiPolygon>;

/** The distance in km from a point to the nearest vertex of a shape (its border, to within a vertex's spacing). */
function distanceToShape(point: [number, number], shape: Shape): number {
  const rings: Position[][] =
    shape.geometry.type === "Polygon" ? shape.geometry.coordinates : shape.geometry.coordinates.flat();
  let nearest = Number.POSITIVE_INFINITY;
  for (const ring of rings)
    for (const [lon, lat] of ring)
      nearest = Math.min(nearest, geoDistance(point, [lon as number, lat as number]));
  return nearest * EARTH_KM;
}

/** A point inside the shape: the middle of the widest stretch of the horizontal line through its middle. */
function pointInside(shape: Shape): [number, number] {
  const polygons =
    shape.geometry.type === "Polygon" ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  const outer = polygons.map((p) => p[0] as Position[]).sort((a, b) => b.length - a.length)[0] as Position[];
  const lats = outer.map((p) => p[1] as number);
  const lat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const crossings: number[] = [];
  outer.forEach((a, i) => {
    const b = outer[(i + 1) % outer.length] as Position;
    const [x1, y1] = a as [number, number];
    const [x2, y2] = b as [number, number];
    if (y1 <= lat !== y2 <= lat) crossings.push(x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1));
  });
  crossings.sort((x, y) => x - y);
  let best: [number, number] = [outer[0]?.[0] as number, lat];
  let widest = -1;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const width = (crossings[i + 1] as number) - (crossings[i] as number);
    if (width > widest) {
      widest = width;
      best = [((crossings[i] as number) + (crossings[i + 1] as number)) / 2, lat];
    }
  }
  return best;
}

const catalogue = catalogueAt(join(PROJECT_ROOT, "data"));
const shapes = new Map<string, Shape>();
for (const file of filesUnder(folder)) {
  const data = JSON.parse(readFileSync(file, "utf8"));
  shapes.set(
    file.split("/").pop()?.slice(0, 5) as string,
    data.type === "FeatureCollection" ? data.features[0] : data,
  );
}
let checked = 0;
let withoutCentre = 0;
const outside: { code: string; name: string; km: number; inside: [number, number]; within: string }[] = [];
for (const [code, shape] of shapes) {
  const unit = catalogue.get("2025", code);
  if (!unit) continue;
  if (unit.lat === null || unit.lon === null) {
    withoutCentre++;
    continue;
  }
  checked++;
  const centre: [number, number] = [unit.lon, unit.lat];
  if (geoContains(shape, centre)) continue;
  // Where the centre is instead: a commune of the same name elsewhere says the geocoder took the wrong one.
  const host = [...shapes].find(([, other]) => geoContains(other, centre))?.[0];
  const hostUnit = host ? catalogue.get("2025", host) : undefined;
  outside.push({
    code,
    name: unit.name,
    km: distanceToShape(centre, shape),
    inside: pointInside(shape),
    within: hostUnit
      ? `${hostUnit.code} ${hostUnit.name} (${catalogue.path(hostUnit)})`
      : "no commune (the sea or abroad)",
  });
}
outside.sort((a, b) => b.km - a.km);
console.log(`${checked} centres checked against their commune's shape (${withoutCentre} communes have none)`);
console.log(`${outside.length} fall outside their commune:`);
for (const o of outside)
  console.log(
    `  ${o.code} ${o.name} (${catalogue.path(catalogue.get("2025", o.code) as never)}): ${o.km.toFixed(1)} km outside, in ${o.within}; a point inside: ${o.inside[1].toFixed(6)},${o.inside[0].toFixed(6)}`,
  );
