import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  communesOf,
  createDemoApp,
  createUser,
  getJson,
  json,
  postJson,
  signIn,
  squaresAround,
  upload,
} from "../../test/testing.ts";
import { PROJECT_ROOT } from "../config.ts";

const TAY_SON = communesOf("547");

/** The uploads being read at this moment (imports/upload-to-disk.ts): none once an answer is sent. */
const leftUploads = () => readdirSync(tmpdir()).filter((name) => name.startsWith("vneid-upload-"));

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
    expect(await json(uploaded)).toEqual({
      dryRun: false,
      date: "2024-06-29",
      matched: 15,
      byName: [],
      unmatched: ["99999"],
    });
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

  it("serves what was checked and nothing else, as kept bytes: gzipped, with an ETag, 304 when unchanged", async () => {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    const file = squaresAround(TAY_SON);
    const first = file.features[0] as {
      properties: Record<string, unknown>;
      geometry: { coordinates: unknown[][] };
    };
    first.properties = { ma_xa: 21808, secret: "<script>", ten: "x" };
    first.geometry.coordinates[0] = first.geometry.coordinates[0]?.map((p) => [...(p as number[]), 0]) ?? [];
    (first.geometry as Record<string, unknown>).crs = "hidden";
    expect(
      (await upload(app, "/api/area/boundaries?date=2024-06-29", "t.geojson", JSON.stringify(file), admin))
        .status,
    ).toBe(201);
    const plain = await app.request("/api/area/boundaries?date=2024-06-29");
    const text = await plain.text();
    expect(text).not.toContain("secret");
    expect(text).not.toContain("hidden");
    const shapes = JSON.parse(text);
    expect(shapes.features[0].properties).toEqual({ code: "21808", name: "Thị trấn Phú Phong" });
    expect(shapes.features[0].geometry.coordinates[0][0]).toHaveLength(2);
    const etag = plain.headers.get("etag") as string;
    expect(etag).toMatch(/^"/);
    const zipped = await app.request("/api/area/boundaries?date=2024-06-29", {
      headers: { "accept-encoding": "gzip" },
    });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    const again = await app.request("/api/area/boundaries?date=2024-06-29", {
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    // A new upload makes a new answer.
    const moved = squaresAround(["21808"]);
    const ring = moved.features[0]?.geometry.coordinates[0] as number[][];
    moved.features[0]?.geometry.coordinates.splice(
      0,
      1,
      ring.map(([x, y]) => [(x as number) + 0.001, y as number]),
    );
    const reupload = await upload(
      app,
      "/api/area/boundaries?date=2024-06-29",
      "t.geojson",
      JSON.stringify(moved),
      admin,
    );
    expect(reupload.status).toBe(201);
    const next = await app.request("/api/area/boundaries?date=2024-06-29", {
      headers: { "if-none-match": etag },
    });
    expect(next.status).toBe(200);
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
    expect((await refused(JSON.stringify({ type: "Topology" }))).message).toContain("FeatureCollection");
    expect((await refused(JSON.stringify({ type: "Feature" }))).message).toContain("not a Polygon");
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
    expect((await refused(JSON.stringify(swapped))).message).toContain("not a longitude and a latitude");
    // Latitudes that are not numbers, rings without positions, nested-array bombs, duplicate codes.
    const withPosition = (position: unknown) => {
      const file = squaresAround(["21808"]);
      (file.features[0]?.geometry.coordinates[0] as unknown[])[1] = position;
      return JSON.stringify(file);
    };
    for (const position of [[108.9, "10"], [108.9, null], [108.9, true], [Number.NaN, 10], [108.9]])
      expect((await refused(withPosition(position))).message).toContain("not a longitude and a latitude");
    const emptyRing = squaresAround(["21808"]);
    (emptyRing.features[0]?.geometry as { coordinates: unknown[] }).coordinates = [[]];
    expect((await refused(JSON.stringify(emptyRing))).message).toContain("fewer than 4 positions");
    const bomb = `${"[".repeat(100_000)}108.9,13.9${"]".repeat(100_000)}`;
    const nested = JSON.stringify(squaresAround(["21808"])).replace(
      /"coordinates":\[.*?\]\]\]/,
      `"coordinates":${bomb}`,
    );
    expect(nested).toContain("[[[[[[");
    expect((await refused(nested)).code).toBe("BOUNDARIES_INVALID");
    const twice = squaresAround(["21808", "21808", "21811", "21811"]);
    const duplicate = await refused(JSON.stringify(twice));
    expect(duplicate.message).toContain("More than one feature names 21808, 21811");
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

  it("takes a zip of one file per commune, codes written as numbers or a publisher's ids with names; previews, saves, removes", async () => {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    const files: Record<string, Uint8Array> = {};
    for (const feature of squaresAround(TAY_SON).features) {
      const code = feature.properties.ma_xa;
      // Phú Phong's file carries the publisher's own id and its name; Tây Phú's code is a number.
      const properties =
        code === "21808"
          ? { id: "gis.854", fullName: "Thị trấn Phú Phong" }
          : code === "21850"
            ? { code: 21850 }
            : { code };
      const one = { type: "FeatureCollection", features: [{ ...feature, properties }] };
      // Pretty-printed, as the public files are.
      files[`wards/${code}.geojson`] = strToU8(JSON.stringify(one, null, 2));
    }
    files["README.txt"] = strToU8("not a shape");
    const zip = zipSync(files);
    const preview = await upload(
      app,
      "/api/area/boundaries?date=2024-06-29&dryRun=true",
      "gia-lai.zip",
      zip,
      admin,
    );
    expect(preview.status, await preview.clone().text()).toBe(200);
    expect(await json(preview)).toMatchObject({
      dryRun: true,
      matched: 15,
      byName: [{ code: "", name: "Thị trấn Phú Phong", unitId: "21808" }],
      unmatched: [],
    });
    expect((await getJson(app, "/api/area/boundaries?date=2024-06-29")).body.features).toEqual([]);
    const saved = await upload(app, "/api/area/boundaries?date=2024-06-29", "gia-lai.zip", zip, admin);
    expect(saved.status).toBe(201);
    expect((await getJson(app, "/api/area/boundaries?date=2024-06-29")).body.features).toHaveLength(15);
    // The 2025 communes of the same codes have no shape: the 2024 ones are theirs alone.
    expect(
      (await getJson(app, "/api/area/boundaries?date=2024-06-29")).body.features[0].properties.code,
    ).toBe("21808");
    const removed = await postJson(app, "/api/area/boundaries?date=2024-06-29", {}, admin, "DELETE");
    expect(await json(removed)).toEqual({ date: "2024-06-29", removed: 15 });
    expect((await getJson(app, "/api/area/boundaries?date=2024-06-29")).body.features).toEqual([]);
    const [entry] = await store.auditLog({ action: "units.boundaries_removed", limit: 1 });
    expect(entry?.username).toBe("quan-tri");
  });

  it("draws a detailed shape with far fewer points, its neighbours' shared border kept", async () => {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    // Two neighbours sharing a border surveyed every ~1 m (10,000 points), as a publisher's file is.
    const wiggly = (x0: number, x1: number) => {
      const top = Array.from({ length: 5_000 }, (_, i) => [
        x0 + ((x1 - x0) * i) / 4_999,
        14 + 1e-6 * (i % 2),
      ]);
      const bottom = Array.from({ length: 5_000 }, (_, i) => [x1 - ((x1 - x0) * i) / 4_999, 13.9]);
      return [[...top, ...bottom, top[0]]];
    };
    const file = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { code: "21808" },
          geometry: { type: "Polygon", coordinates: wiggly(108.9, 108.95) },
        },
        {
          type: "Feature",
          properties: { code: "21811" },
          geometry: { type: "Polygon", coordinates: wiggly(108.95, 109) },
        },
      ],
    };
    const text = JSON.stringify(file);
    expect(
      (await upload(app, "/api/area/boundaries?date=2024-06-29", "two.geojson", text, admin)).status,
    ).toBe(201);
    const served = await app.request("/api/area/boundaries?date=2024-06-29");
    const body = await served.text();
    const points = (JSON.parse(body).features as { geometry: { coordinates: number[][][] } }[]).reduce(
      (n, f) => n + (f.geometry.coordinates[0]?.length ?? 0),
      0,
    );
    expect(points).toBeLessThan(100);
    expect(body.length).toBeLessThan(text.length / 50);
  });

  it("takes the real zip of Gia Lai's 135 communes (35 MB of files) and answers the province in at most 300 KB gzipped", async () => {
    const { app, store } = await createDemoApp({}, "gia-lai-2025");
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    // The demo loaded these shapes already: removed, then uploaded as an admin would.
    const removed = await json(
      await postJson(app, "/api/area/boundaries?date=2025-10-25", {}, admin, "DELETE"),
    );
    expect(removed.removed).toBe(135);
    const zip = readFileSync(join(PROJECT_ROOT, "data", "boundaries", "gia-lai-2025.zip"));
    const preview = await upload(
      app,
      "/api/area/boundaries?date=2025-10-25&dryRun=true",
      "gia-lai.zip",
      zip,
      admin,
    );
    expect(await json(preview)).toMatchObject({ dryRun: true, matched: 135, byName: [], unmatched: [] });
    expect(
      (await upload(app, "/api/area/boundaries?date=2025-10-25", "gia-lai.zip", zip, admin)).status,
    ).toBe(201);
    const served = await app.request("/api/area/boundaries?date=2025-10-25", {
      headers: { "accept-encoding": "gzip" },
    });
    expect(served.headers.get("content-encoding")).toBe("gzip");
    const bytes = (await served.arrayBuffer()).byteLength;
    expect(bytes).toBeLessThanOrEqual(300 * 1024);
    const shapes = (await getJson(app, "/api/area/boundaries?date=2025-10-25")).body;
    expect(shapes.features).toHaveLength(135);
    // Before the change the same codes are other communes, without these shapes.
    expect((await getJson(app, "/api/area/boundaries?unit=52&date=2024-06-29")).body.features).toEqual([]);
  });

  // Reading nearly 100 MB takes a few seconds on a quiet machine; the limit is for a busy one.
  it("takes the same shapes as one pretty-printed file of nearly 100 MB, streamed to disk, and refuses one byte more", async () => {
    const { app, store } = await createDemoApp({}, "gia-lai-2025");
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    const zip = readFileSync(join(PROJECT_ROOT, "data", "boundaries", "gia-lai-2025.zip"));
    // Streamed to disk and read in chunks.
    const features = Object.values(unzipSync(zip))
      .map((bytes) => JSON.parse(strFromU8(bytes)))
      .flatMap((file) => file.features);
    const oneFile = JSON.stringify({ type: "FeatureCollection", features }, null, 7);
    expect(oneFile.length).toBeGreaterThan(90 * 1024 * 1024);
    expect(oneFile.length).toBeLessThanOrEqual(100 * 1024 * 1024);
    const uploadsBefore = leftUploads();
    const big = await upload(
      app,
      "/api/area/boundaries?date=2025-10-25&dryRun=true",
      "gia-lai.geojson",
      oneFile,
      admin,
    );
    expect(await json(big)).toMatchObject({ dryRun: true, matched: 135, unmatched: [] });
    // One byte over the cap is refused naming it, and nothing stays on disk.
    const over = oneFile + " ".repeat(100 * 1024 * 1024 - oneFile.length + 1);
    const refused = await upload(app, "/api/area/boundaries?date=2025-10-25", "gia-lai.geojson", over, admin);
    expect(refused.status).toBe(413);
    expect(await json(refused)).toMatchObject({
      error: { code: "PAYLOAD_TOO_LARGE", details: { megabytes: 100 } },
    });
    expect(leftUploads()).toEqual(uploadsBefore);
  }, 180_000);

  it("draws a district without a shape of its own as the outline of its communes' shapes", async () => {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    const file = JSON.stringify(squaresAround(TAY_SON));
    expect((await upload(app, "/api/area/boundaries?date=2024-06-29", "t.geojson", file, admin)).status).toBe(
      201,
    );
    const province = (await getJson(app, "/api/area/boundaries?unit=52&date=2024-06-29")).body;
    expect(province.features).toHaveLength(1);
    expect(province.features[0]).toMatchObject({
      properties: { code: "547", name: "Huyện Tây Sơn" },
      geometry: { type: "MultiPolygon" },
    });
    // One polygon per separate square: touching squares would have merged into one.
    expect(province.features[0].geometry.coordinates.length).toBeLessThanOrEqual(15);
    expect(province.features[0].geometry.coordinates.length).toBeGreaterThan(0);
  });
});
