import { Hono } from "hono";
import { z } from "zod";
import { allow } from "../auth/middleware.ts";
import { areaFromCatalogue } from "../catalogue/area-setup.ts";
import { type Catalogue, REORGANISATION_2025, TREES } from "../catalogue/catalogue.ts";
import { endingCommunes, LATE_RESOLUTIONS } from "../catalogue/late-reports.ts";
import { applyReorganisation, previewReorganisation } from "../catalogue/reorganise-deployment.ts";
import {
  AreaAnswer,
  AreaChosen,
  BoundariesAnswer,
  BoundariesRemoved,
  BoundariesSaved,
  CatalogueAnswer,
  ReorganisationAnswer,
} from "../contract/area.ts";
import { documented } from "../contract/documented.ts";
import { vietnamDate } from "../domain/dates.ts";
import { can } from "../domain/roles.ts";
import { isReportingUnit } from "../domain/tree.ts";
import { type Scope, versionKey } from "../domain/unit-history.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import {
  BadBoundaries,
  BOUNDARY_CAPS,
  type BoundaryFeature,
  type Geometry,
  matchBoundaries,
} from "../imports/boundaries.ts";
import { readBoundaryUpload } from "../imports/read-upload.ts";
import { outlineOf } from "../imports/simplify-shapes.ts";
import { uploadToDisk } from "../imports/upload-to-disk.ts";
import { keptAnswers } from "../kept-answer.ts";
import { setUpArea } from "../seed.ts";
import { askedUnit } from "../services/assessment-input.ts";
import type { Store } from "../store/store.ts";
import { isoDate, validJson, validQuery } from "../validation.ts";

const catalogueQuery = z.object({
  q: z.string().max(100).optional(),
  tree: z.enum(TREES, { message: "must be 2024 or 2025" }).optional(),
  parent: z
    .string()
    .regex(/^\d{1,5}$/, "must be a unit code")
    .optional(),
});
const areaBody = z.object({
  tree: z.enum(TREES, { message: "must be 2024 or 2025" }),
  code: z.string().regex(/^(\d{1,5}|VN)$/, "must be a unit code (VN: the whole country)"),
});
const reorganisationBody = z.object({
  date: isoDate.default(REORGANISATION_2025),
  shares: z
    .array(
      z.object({
        oldCode: z.string().regex(/^\d{1,5}$/),
        newCode: z.string().regex(/^\d{1,5}$/),
        share: z.number(),
      }),
    )
    .max(20_000)
    .default([]),
  lateReports: z.enum(LATE_RESOLUTIONS, { message: "must be delete or merge" }).optional(),
});

/**
 * `/api/catalogue`: the national catalogues of both trees, to choose an area from: `q` searches by
 * name (case and diacritics ignored) or code; `parent` lists the units under one (none: the provinces).
 */
export function catalogueRoutes(catalogue: () => Catalogue) {
  return new Hono<AppEnv>().get(
    "/",
    documented({
      summary: "Search the national catalogues of 2024 and 2025 units, or list a unit's children",
      tag: "Area",
      access: "dashboard",
      answers: { 200: CatalogueAnswer },
    }),
    validQuery(catalogueQuery),
    (c) => {
      const { q, tree, parent } = c.req.valid("query");
      const found =
        q !== undefined && q.trim() !== ""
          ? catalogue().search(q, tree)
          : TREES.filter((t) => !tree || t === tree).flatMap((t) => catalogue().children(t, parent ?? null));
      return c.json({
        units: found.map((u) => ({
          code: u.code,
          name: u.name,
          kind: u.kind,
          parentCode: u.parentCode,
          tree: u.tree,
          path: catalogue().path(u),
        })),
      });
    },
  );
}

/** Boundary answers kept per process: each up to a 10 MB upload's shapes and their gzip, so a few only. */
const KEPT_BOUNDARY_ANSWERS = 4;

/**
 * `/api/area`: the deployment's area (public: the web's first question), choosing it from the
 * catalogue (admin), and applying a reorganisation to it, previewed first (admin).
 */
export function areaRoutes(
  store: Store,
  catalogue: () => Catalogue,
  homeUnit: string | null,
  now: () => number,
) {
  const mayManage = allow(store, (user) => can(user, "manageUnits"), "manage the area's units");
  const keptBoundaries = keptAnswers(KEPT_BOUNDARY_ANSWERS);
  const keptArea = keptAnswers(2);
  return (
    new Hono<AppEnv>()
      .get(
        "/",
        documented({
          summary: "The deployment's area (area: null until an admin chooses it)",
          tag: "Area",
          access: "dashboard",
          answers: { 200: AreaAnswer },
        }),
        async (c) => {
          const today = vietnamDate(now());
          // Choosing the area changes its units: the figures' version goes up.
          return keptArea(c, await store.figuresVersion(), `area|${today}`, async () => {
            const { history, on } = await askedUnit(store, undefined, homeUnit);
            let scope: Scope;
            try {
              scope = on(today);
            } catch (error) {
              if (error instanceof ApiError && error.code === "NO_AREA")
                return JSON.stringify({ area: null });
              throw error;
            }
            // The area still holds communes of the 2024 tree with no end: the 2025 reorganisation is pending.
            const pending = history
              .treeOn(today)
              .units.some((u) => isReportingUnit(u) && !u.validFrom && !u.validTo);
            return JSON.stringify({
              area: scope.unit,
              standing: scope.standing,
              communes: scope.tree.reportingUnitsUnder(scope.unit.id).length,
              reorganisationPending: pending && today >= REORGANISATION_2025,
            });
          });
        },
      )
      .post(
        "/",
        documented({
          summary: "Choose the area from the catalogue: its units are set up (admin)",
          tag: "Area",
          access: "signed-in",
          answers: { 201: AreaChosen },
          errors: [404, 409, 422],
        }),
        mayManage,
        validJson(areaBody),
        async (c) => {
          const { tree, code } = c.req.valid("json");
          const area = areaFromCatalogue(catalogue(), tree, code);
          if (!area) {
            throw new ApiError(404, "UNIT_NOT_FOUND", `The ${tree} catalogue has no unit ${code}.`, {
              field: "code",
              value: code,
            });
          }
          await setUpArea(store, area, c.get("actor"));
          return c.json({ area: area.home, units: area.units.length }, 201);
        },
      )
      // Boundaries for the map: a GeoJSON file, or a zip of one file per commune, whose features name
      // the area's units by code (or, failing that, by name), matched to the versions valid on `date`
      // (default today; a 2024 file takes a date before 01/07/2025). dryRun=true answers the matches
      // to confirm, saving nothing.
      .post(
        "/boundaries",
        documented({
          summary:
            "Upload the boundaries of the area's units: GeoJSON or a zip of GeoJSON files (admin); dryRun=true previews the matches",
          tag: "Area",
          access: "signed-in",
          answers: { 200: BoundariesSaved, 201: BoundariesSaved },
          errors: [422],
          upload: "A GeoJSON FeatureCollection, or a zip of them, whose features name units by code or name",
        }),
        mayManage,
        validQuery(z.object({ date: isoDate.optional(), dryRun: z.enum(["true", "false"]).optional() })),
        async (c) => {
          const query = c.req.valid("query");
          const date = query.date ?? vietnamDate(now());
          // Streamed to disk, then parsed, checked and simplified off the event loop, with its own
          // memory and time (imports/read-upload.ts).
          const file = await uploadToDisk(c, BOUNDARY_CAPS.bytes);
          let features: BoundaryFeature[];
          try {
            features = await readBoundaryUpload(file.path, file.name);
          } finally {
            await file.remove();
          }
          const versions = (await store.unitHistory()).treeOn(date).units;
          let read: ReturnType<typeof matchBoundaries>;
          try {
            read = matchBoundaries(features, versions);
          } catch (error) {
            if (error instanceof BadBoundaries)
              throw new ApiError(422, "BOUNDARIES_INVALID", error.message, {
                field: "file",
                value: file.name,
              });
            throw error;
          }
          if (read.boundaries.length === 0) {
            throw new ApiError(
              422,
              "BOUNDARIES_UNMATCHED",
              `No feature of ${file.name} names a unit of the area on ${date}.`,
              {
                field: "file",
                value: file.name,
                unmatched: read.unmatched.slice(0, 20),
              },
            );
          }
          const dryRun = query.dryRun === "true";
          if (!dryRun) await store.saveBoundaries(read.boundaries, c.get("actor"));
          const answer = {
            dryRun,
            date,
            matched: read.boundaries.length,
            byName: read.byName.slice(0, 200),
            unmatched: read.unmatched.slice(0, 20),
          };
          return c.json(answer, dryRun ? 200 : 201);
        },
      )
      // Removes the shapes of the area's unit versions valid on `date` (another date's versions keep theirs).
      .delete(
        "/boundaries",
        documented({
          summary: "Remove the boundaries of the area's units valid on a date (admin)",
          tag: "Area",
          access: "signed-in",
          answers: { 200: BoundariesRemoved },
        }),
        mayManage,
        validQuery(z.object({ date: isoDate.optional() })),
        async (c) => {
          const date = c.req.valid("query").date ?? vietnamDate(now());
          const versions = (await store.unitHistory()).treeOn(date).units;
          const removed = await store.removeBoundaries(versions, c.get("actor"));
          return c.json({ date, removed });
        },
      )
      /**
       * The boundaries of a unit's children on a date, as a GeoJSON FeatureCollection (properties:
       * code, name): made once per upload from the stored text, kept as sent (gzipped, with its ETag).
       */
      .get(
        "/boundaries",
        documented({
          summary: "The boundaries of a unit's children on a date (GeoJSON)",
          tag: "Area",
          access: "dashboard",
          answers: { 200: BoundariesAnswer },
          errors: [404],
        }),
        validQuery(z.object({ unit: z.string().min(1).optional(), date: isoDate.optional() })),
        async (c) => {
          const query = c.req.valid("query");
          const date = query.date ?? vietnamDate(now());
          const scope = (await askedUnit(store, query.unit, homeUnit)).on(date);
          const children = scope.tree.childrenWithFigures(scope.unit.id);
          const question = `boundaries|${children.map(versionKey).join(",")}`;
          // Shapes change with the units (an upload raises the units version), not with reports.
          return keptBoundaries(c, await store.unitsVersion(), question, async () => {
            const names = new Map(children.map((u) => [u.id, u.name]));
            const found = await store.boundaries(children);
            const features = found.map(
              (b) =>
                `{"type":"Feature","properties":${JSON.stringify({ code: b.unitId, name: names.get(b.unitId) })},"geometry":${b.geometryJson}}`,
            );
            // A child without a shape of its own (a district, a province) is drawn as the outline of
            // its communes' shapes, when they have some.
            const shaped = new Set(found.map((b) => b.unitId));
            const unshaped = children.filter((u) => !shaped.has(u.id) && !isReportingUnit(u));
            const communesOf = new Map(unshaped.map((u) => [u.id, scope.tree.reportingUnitsUnder(u.id)]));
            // One read for the communes of every such child, not one per child.
            const byCommune = new Map(
              (await store.boundaries([...communesOf.values()].flat())).map((b) => [b.unitId, b]),
            );
            for (const child of unshaped) {
              const parts = (communesOf.get(child.id) ?? []).flatMap((u) => byCommune.get(u.id) ?? []);
              if (parts.length === 0) continue;
              const outline = outlineOf(parts.map((b) => JSON.parse(b.geometryJson) as Geometry));
              features.push(
                `{"type":"Feature","properties":${JSON.stringify({ code: child.id, name: child.name })},"geometry":${JSON.stringify(outline)}}`,
              );
            }
            return `{"type":"FeatureCollection","features":[${features.join(",")}]}`;
          });
        },
      )
      .post(
        "/reorganisation",
        documented({
          summary: "Preview (dryRun) or apply the 2025 reorganisation to the area (admin)",
          tag: "Area",
          access: "signed-in",
          answers: { 200: ReorganisationAnswer },
          errors: [409, 422],
        }),
        mayManage,
        validJson(reorganisationBody),
        async (c) => {
          const request = c.req.valid("json");
          const dryRun = c.req.query("dryRun") === "true";
          const preview = dryRun
            ? await previewReorganisation(store, catalogue(), request)
            : await applyReorganisation(store, catalogue(), request, c.get("actor"));
          const users = (await store.listUsers()).filter((u) => u.unitId !== null);
          const ending = new Set(endingCommunes(preview));
          const accounts = users
            .filter((u) => ending.has(u.unitId as string))
            .map((u) => ({
              username: u.username,
              unitId: u.unitId,
              successors: preview.successors
                .filter((s) => s.predecessors.some((p) => p.id === u.unitId))
                .map((s) => s.unit.id),
            }));
          return c.json({ dryRun, applied: !dryRun && !preview.alreadyApplied, ...preview, accounts });
        },
      )
  );
}
