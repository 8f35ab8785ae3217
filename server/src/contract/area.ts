import { z } from "zod";
import { isoDay, Report, Standing, Unit, unitCode } from "./common.ts";

// The deployment's area: the national catalogues, choosing the area, boundaries, the reorganisation.

export const CatalogueAnswer = z.strictObject({
  units: z.array(
    z.strictObject({
      code: unitCode,
      name: z.string(),
      kind: z.string(),
      parentCode: unitCode.nullable(),
      tree: z.enum(["2024", "2025"]),
      path: z.string().meta({ description: "The names above it, for telling namesakes apart" }),
    }),
  ),
});

export const AreaAnswer = z.union([
  z.strictObject({ area: z.null().meta({ description: "No area chosen yet" }) }),
  z.strictObject({
    area: Unit,
    standing: Standing,
    communes: z.number().int(),
    reorganisationPending: z.boolean(),
  }),
]);

export const AreaChosen = z.strictObject({ area: Unit, units: z.number().int() });

export const BoundariesSaved = z.strictObject({
  dryRun: z.boolean(),
  date: isoDay,
  matched: z.number().int(),
  byName: z
    .array(z.strictObject({ code: z.string(), name: z.string(), unitId: unitCode, unitName: z.string() }))
    .meta({
      description: "Features whose code named no unit, matched by their name: to confirm (at most 200)",
    }),
  unmatched: z.array(z.string()).meta({ description: "Codes of the file no unit has (at most 20)" }),
});
export const BoundariesRemoved = z.strictObject({ date: isoDay, removed: z.number().int() });

export const BoundariesAnswer = z
  .strictObject({
    type: z.literal("FeatureCollection"),
    features: z.array(
      z.strictObject({
        type: z.literal("Feature"),
        properties: z.strictObject({ code: unitCode, name: z.string().optional() }),
        geometry: z.strictObject({
          type: z.enum(["Polygon", "MultiPolygon"]),
          coordinates: z.array(z.unknown()),
        }),
      }),
    ),
  })
  .meta({ id: "Boundaries", description: "GeoJSON, [longitude, latitude] in WGS 84" });

const Lineage = z.strictObject({ date: isoDay, from: unitCode, to: unitCode, share: z.number().nullable() });

export const ReorganisationAnswer = z.strictObject({
  dryRun: z.boolean(),
  applied: z.boolean(),
  date: isoDay,
  ending: z.array(Unit),
  beginning: z.array(Unit),
  lineage: z.array(Lineage),
  successors: z.array(
    z.strictObject({
      unit: Unit,
      predecessors: z.array(
        z.strictObject({ id: unitCode, name: z.string(), share: z.number().nullable(), held: z.boolean() }),
      ),
      incomplete: z.boolean(),
    }),
  ),
  problems: z.array(z.string()),
  alreadyApplied: z.boolean(),
  late: z.strictObject({
    reports: z.array(
      Report.extend({
        unitName: z.string(),
        successors: z.array(z.strictObject({ id: unitCode, name: z.string() })),
      }),
    ),
    remove: z.array(Report),
    add: z.array(Report),
    problems: z.array(z.string()),
  }),
  accounts: z.array(
    z.strictObject({ username: z.string(), unitId: unitCode, successors: z.array(unitCode) }),
  ),
});
