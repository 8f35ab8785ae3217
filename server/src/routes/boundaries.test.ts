import { describe, expect, it } from "vitest";
import {
  communesOf,
  createDemoApp,
  createUser,
  getJson,
  json,
  signIn,
  squaresAround,
  upload,
} from "../testing.ts";

const TAY_SON = communesOf("547");

describe("boundaries for the map", () => {
  it("takes a GeoJSON file naming the communes by code, and gives each child's shape back", async () => {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    const file = JSON.stringify({
      ...squaresAround(TAY_SON),
      features: [
        ...squaresAround(TAY_SON).features,
        {
          type: "Feature",
          properties: { ma_xa: "99999" },
          geometry: squaresAround(["21808"]).features[0]?.geometry,
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
    const swapped = squaresAround(["21808"]);
    (swapped.features[0]?.geometry.coordinates[0] as number[][])[0] = [13.9, 208.9];
    expect((await refused(JSON.stringify(swapped))).message).toContain("not longitude, latitude");
    expect((await refused(JSON.stringify(squaresAround([])))).code).toBe("BOUNDARIES_UNMATCHED");
    expect((await getJson(app, "/api/area/boundaries?date=2024-06-29")).body.features).toEqual([]);
    // Only an admin may upload.
    await createUser(store, { username: "cong-an", role: "police" });
    const police = await signIn(app, "cong-an");
    expect(
      (await upload(app, "/api/area/boundaries", "x.geojson", JSON.stringify(squaresAround(TAY_SON)), police))
        .status,
    ).toBe(403);
  });
});
