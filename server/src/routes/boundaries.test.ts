import { describe, expect, it } from "vitest";
import { catalogueAt } from "../catalogue/catalogue.ts";
import { createDemoApp, createUser, getJson, json, signIn, TEST_CONFIG, upload } from "../testing.ts";

const TAY_SON = [
  "21808",
  "21811",
  "21814",
  "21817",
  "21820",
  "21823",
  "21826",
  "21829",
  "21832",
  "21835",
  "21838",
  "21841",
  "21844",
  "21847",
  "21850",
];

/** A small square around each commune's centre in the 2024 catalogue, named by `ma_xa` as many GIS files do. */
function squares(codes: readonly string[]) {
  const catalogue = catalogueAt(TEST_CONFIG.dataDir);
  return {
    type: "FeatureCollection",
    features: codes.map((code) => {
      const unit = catalogue.get("2024", code);
      const [lon, lat] = [unit?.lon ?? 0, unit?.lat ?? 0];
      const d = 0.01;
      return {
        type: "Feature",
        properties: { ma_xa: code, ten: unit?.name },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [lon - d, lat - d],
              [lon + d, lat - d],
              [lon + d, lat + d],
              [lon - d, lat + d],
              [lon - d, lat - d],
            ],
          ],
        },
      };
    }),
  };
}

describe("boundaries for the map", () => {
  it("takes a GeoJSON file naming the communes by code, and gives each child's shape back", async () => {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    const file = JSON.stringify({
      ...squares(TAY_SON),
      features: [
        ...squares(TAY_SON).features,
        {
          type: "Feature",
          properties: { ma_xa: "99999" },
          geometry: squares(["21808"]).features[0]?.geometry,
        },
      ],
    });
    const uploaded = await upload(
      app,
      "/api/area/boundaries?date=2024-06-29",
      "tay-son.geojson",
      file,
      admin,
    );
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    expect(await json(uploaded)).toEqual({ date: "2024-06-29", matched: 15, unmatched: ["99999"] });
    const shapes = (await getJson(app, "/api/area/boundaries?date=2024-06-29")).body;
    expect(shapes.features).toHaveLength(15);
    expect(shapes.features[0]).toMatchObject({
      type: "Feature",
      properties: { code: "21808", name: "Thị trấn Phú Phong" },
      geometry: { type: "Polygon" },
    });
    const [entry] = await store.auditLog({ action: "units.boundaries", limit: 1 });
    expect(entry?.username).toBe("quan-tri");
  });

  it("refuses what is not a collection of polygons, naming the problem, and keeps nothing", async () => {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    const refused = async (content: string) => {
      const response = await upload(app, "/api/area/boundaries?date=2024-06-29", "x.geojson", content, admin);
      expect(response.status).toBe(422);
      return (await json(response)).error;
    };
    expect((await refused("not json")).code).toBe("BOUNDARIES_INVALID");
    expect((await refused(JSON.stringify({ type: "Feature" }))).message).toContain("FeatureCollection");
    const point = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { code: "21808" },
          geometry: { type: "Point", coordinates: [108.9, 13.9] },
        },
      ],
    };
    expect((await refused(JSON.stringify(point))).message).toContain("Point, not a Polygon");
    const swapped = squares(["21808"]);
    (swapped.features[0]?.geometry.coordinates[0] as number[][])[0] = [13.9, 208.9];
    expect((await refused(JSON.stringify(swapped))).message).toContain("not longitude, latitude");
    expect((await refused(JSON.stringify(squares([])))).code).toBe("BOUNDARIES_UNMATCHED");
    expect((await getJson(app, "/api/area/boundaries?date=2024-06-29")).body.features).toEqual([]);
    // Only an admin may upload.
    await createUser(store, { username: "cong-an", role: "police" });
    const police = await signIn(app, "cong-an");
    expect(
      (await upload(app, "/api/area/boundaries", "x.geojson", JSON.stringify(squares(TAY_SON)), police))
        .status,
    ).toBe(403);
  });
});
