import { useQuery } from "@tanstack/react-query";
import { shortName } from "@vneid-tracker/server/domain/unit-names.ts";
import { geoArea, geoMercator, geoPath } from "d3-geo";
import { useI18n } from "../lib/i18n.tsx";
import { useNearScreen } from "../lib/near-screen.ts";
import { type BoundaryFeature, boundariesQuery } from "../lib/queries.ts";

export interface MapPoint {
  id: string;
  /** The unit version's beginning (null: from the start): a code names one version on each date. */
  validFrom?: string | null;
  name: string;
  centre: [number, number];
  population: number;
  /** The canonical truncated percent ("88.07"), null without figures. */
  percent: string | null;
}

/** Coverage bands, lowest first: each with its colour and its words (never colour alone). */
const BANDS = [
  { below: 80, colour: "#a40e26", key: "low" },
  { below: 95, colour: "#b35c00", key: "middle" },
  { below: 100, colour: "#4d9221", key: "high" },
  { below: Number.POSITIVE_INFINITY, colour: "#1a5e2a", key: "done" },
] as const;

/** Communes that have not reported: grey, and named so in the legend. */
const NO_FIGURES = "#8c959f";

const bandOf = (percent: string | null) =>
  percent === null ? null : (BANDS.find((b) => Number(percent) < b.below) ?? BANDS[3]);

/**
 * GeoJSON files wind their outer rings counter-clockwise (RFC 7946); d3-geo, drawing on the sphere,
 * reads such a ring as the whole globe outside it. A shape larger than a hemisphere is turned round.
 */
function clockwise(feature: BoundaryFeature): BoundaryFeature {
  if (geoArea(feature as never) <= 2 * Math.PI) return feature;
  const rings = (polygon: number[][][]) => polygon.map((ring) => [...ring].reverse());
  const { type, coordinates } = feature.geometry;
  return {
    ...feature,
    geometry: {
      type,
      coordinates:
        type === "Polygon" ? rings(coordinates as number[][][]) : (coordinates as number[][][][]).map(rings),
    },
  };
}

const WIDTH = 400;
const HEIGHT = 300;
/** A map needs enough located communes to say something; fewer are better read in the table. */
export const MAP_MINIMUM = 5;

/**
 * The communes as dots at their centres (from the national catalogue), sized by population and
 * coloured by coverage band, on a Mercator projection of the area: no tile server, nothing leaves
 * the page. A legend and a list naming each commune and its coverage stand in for the picture.
 */
export function CommuneMap({
  title,
  points,
  unitId,
  date,
}: {
  title: string;
  points: readonly MapPoint[];
  unitId: string;
  date: string;
}) {
  const { t, f, fill } = useI18n();
  const [card, near] = useNearScreen<HTMLElement>();
  // Boundaries an admin uploaded (Settings): the map fills the shapes instead of drawing dots.
  // Kept by the children's unit versions: the same communes on another date are not fetched again.
  // Fetched and drawn once the map nears the screen (dots until then); at once when there are too
  // few dots for a map, as only the shapes can tell whether there is one.
  const shapesWanted = near || points.length < MAP_MINIMUM;
  const versions = points.map((p) => `${p.id}@${p.validFrom ?? ""}`).join(",");
  const boundaries = useQuery({ ...boundariesQuery(unitId, date, versions), enabled: shapesWanted });
  const byId = new Map(points.map((p) => [p.id, p]));
  const shapes = ((shapesWanted && boundaries.data?.features) || [])
    .filter((feature) => byId.has(feature.properties.code))
    .map(clockwise);
  if (points.length < MAP_MINIMUM && shapes.length < MAP_MINIMUM) return null;
  const filled = shapes.length >= MAP_MINIMUM;
  const extent: [[number, number], [number, number]] = [
    [24, 24],
    [WIDTH - 24, HEIGHT - 24],
  ];
  const projection = filled
    ? geoMercator().fitExtent(extent, { type: "FeatureCollection", features: shapes } as never)
    : geoMercator().fitExtent(extent, { type: "MultiPoint", coordinates: points.map((p) => p.centre) });
  const path = geoPath(projection);
  const largest = Math.max(...points.map((p) => p.population), 1);
  // Names beside the dots while they fit; a province's hundreds of communes are named in the list.
  const labelled = points.length <= 40;
  const described = (p: MapPoint) =>
    p.percent === null
      ? fill(t.map.pointNoFigures, { unit: p.name })
      : fill(t.map.point, {
          unit: p.name,
          percent: f.percent(p.percent),
          population: f.integer(p.population),
        });
  const dots = [...points]
    .sort((a, b) => b.population - a.population)
    .map((p) => {
      const [x, y] = projection(p.centre) ?? [0, 0];
      return { point: p, x, y, r: 5 + 14 * Math.sqrt(p.population / largest) };
    });
  const labels = labelled
    ? placeLabels(
        dots.map((d) => ({ ...d, id: d.point.id, text: shortName(d.point.name) })),
        WIDTH,
        HEIGHT,
      )
    : new Map<string, Label>();
  return (
    <section ref={card} className="card map-card" aria-labelledby="map-title">
      <h2 id="map-title">{title}</h2>
      <svg
        className="commune-map"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="map-title map-list"
      >
        <title>{title}</title>
        {filled &&
          shapes.map((feature) => {
            const p = byId.get(feature.properties.code) as MapPoint;
            return (
              <path
                key={feature.properties.code}
                className="map-shape"
                data-unit={feature.properties.code}
                d={path(feature as never) ?? ""}
                fill={bandOf(p.percent)?.colour ?? NO_FIGURES}
                fillOpacity={0.75}
                stroke="#fff"
                strokeWidth={1}
              >
                <title>{described(p)}</title>
              </path>
            );
          })}
        {!filled &&
          dots.map(({ point: p, x, y, r }) => {
            const band = bandOf(p.percent);
            const label = labels.get(p.id);
            return (
              <g key={p.id}>
                <circle
                  className="map-dot"
                  data-unit={p.id}
                  cx={x}
                  cy={y}
                  r={r}
                  fill={band?.colour ?? NO_FIGURES}
                  fillOpacity={0.8}
                  stroke="#fff"
                  strokeWidth={1.5}
                >
                  <title>{described(p)}</title>
                </circle>
                {label && (
                  <text
                    x={label.x}
                    y={label.y}
                    textAnchor={label.anchor}
                    fontSize={LABEL_SIZE}
                    fill="#24292f"
                    className="map-label"
                  >
                    {label.text}
                  </text>
                )}
              </g>
            );
          })}
      </svg>
      <ul className="map-legend">
        {BANDS.map((band) => (
          <li key={band.key}>
            <svg width="12" height="12" aria-hidden="true" focusable="false">
              <circle cx="6" cy="6" r="5" fill={band.colour} />
            </svg>{" "}
            {t.map.bands[band.key]}
          </li>
        ))}
        {points.some((p) => p.percent === null) && (
          <li>
            <svg width="12" height="12" aria-hidden="true" focusable="false">
              <circle cx="6" cy="6" r="5" fill={NO_FIGURES} />
            </svg>{" "}
            {t.map.noFigures}
          </li>
        )}
        {!filled && <li>{t.map.size}</li>}
      </ul>
      <ul id="map-list" className="visually-hidden">
        {points.map((p) => (
          <li key={p.id}>{described(p)}</li>
        ))}
      </ul>
    </section>
  );
}

const LABEL_SIZE = 11;
/** About how wide a character of the labels' 11 px type is. */
const CHAR_WIDTH = 6;

export interface Label {
  text: string;
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
}

/**
 * Names beside the dots, largest dot first: each on the first side (right, left, above, below)
 * where it stays inside the map and clear of every dot and of the names already placed; a name
 * with no such side is left out (the dot's tooltip and the list still name it).
 */
export function placeLabels(
  dots: readonly { id: string; x: number; y: number; r: number; text: string }[],
  width: number,
  height: number,
): Map<string, Label> {
  type Box = [number, number, number, number];
  const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  const taken: Box[] = dots.map((d) => [d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r]);
  const placed = new Map<string, Label>();
  for (const dot of dots) {
    const w = dot.text.length * CHAR_WIDTH;
    const h = LABEL_SIZE + 2;
    const sides: [Label, Box][] = [
      [
        { text: dot.text, x: dot.x + dot.r + 2, y: dot.y + 4, anchor: "start" },
        [dot.x + dot.r + 2, dot.y - h / 2, dot.x + dot.r + 2 + w, dot.y + h / 2],
      ],
      [
        { text: dot.text, x: dot.x - dot.r - 2, y: dot.y + 4, anchor: "end" },
        [dot.x - dot.r - 2 - w, dot.y - h / 2, dot.x - dot.r - 2, dot.y + h / 2],
      ],
      [
        { text: dot.text, x: dot.x, y: dot.y - dot.r - 3, anchor: "middle" },
        [dot.x - w / 2, dot.y - dot.r - 3 - h, dot.x + w / 2, dot.y - dot.r - 3],
      ],
      [
        { text: dot.text, x: dot.x, y: dot.y + dot.r + h, anchor: "middle" },
        [dot.x - w / 2, dot.y + dot.r + 1, dot.x + w / 2, dot.y + dot.r + 1 + h],
      ],
    ];
    const fits = sides.find(
      ([, box]) =>
        box[0] >= 0 &&
        box[1] >= 0 &&
        box[2] <= width &&
        box[3] <= height &&
        taken.every((other) => !overlaps(box, other)),
    );
    if (!fits) continue;
    placed.set(dot.id, fits[0]);
    taken.push(fits[1]);
  }
  return placed;
}
