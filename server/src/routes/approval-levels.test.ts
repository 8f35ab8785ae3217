import { describe, expect, it } from "vitest";
import { createDemoApp, createUser, getJson, json, postJson, signIn } from "../../test/testing.ts";

const WEEK = "2024-W26"; // 24/06–30/06/2024
const TAY_PHU_REPORT = {
  unitId: "21850",
  date: "2024-06-29",
  population: 7564,
  level2: 6500,
  dual: 3700,
  linked: 2440,
  confirm: true,
};

/** Tây Sơn with police at two levels: Xã Tây Phú (21850) and the district (547). */
async function twoLevels() {
  const { app, store } = await createDemoApp();
  await createUser(store, { username: "ca-tay-phu", role: "police", unitId: "21850" });
  await createUser(store, { username: "ca-huyen", role: "police", unitId: "547" });
  await createUser(store, { username: "tay-phu", role: "commune", unitId: "21850" });
  return {
    app,
    store,
    commune: await signIn(app, "ca-tay-phu"),
    district: await signIn(app, "ca-huyen"),
    clerk: await signIn(app, "tay-phu"),
  };
}

const reopen = (app: Awaited<ReturnType<typeof twoLevels>>["app"], unitId: string, cookie: string) =>
  postJson(app, `/api/approvals/${unitId}/${WEEK}`, { reason: "Sửa số liệu xã" }, cookie, "DELETE");

describe("approval by level", () => {
  it("a commune's police approve their commune only; the district approves all 15; the reporting page names each level", async () => {
    const { app, commune, district } = await twoLevels();
    // Bound to 21850: not the neighbour's week, its own yes.
    expect((await postJson(app, "/api/approvals", { unitId: "21808", week: WEEK }, commune)).status).toBe(
      403,
    );
    expect((await postJson(app, "/api/approvals", { unitId: "547", week: WEEK }, commune)).status).toBe(403);
    const own = await postJson(app, "/api/approvals", { unitId: "21850", week: WEEK }, commune);
    expect(own.status).toBe(201);
    expect(await json(own)).toMatchObject({ unitId: "21850", approved: 1 });
    // The district above approves its 15 communes, Tây Phú included: a second level, not a conflict.
    const above = await postJson(app, "/api/approvals", { unitId: "547", week: WEEK }, district);
    expect(await json(above)).toMatchObject({ unitId: "547", approved: 15, approval: { by: "ca-huyen" } });

    const { body } = await getJson(app, `/api/reporting?unit=547&from=2024-06-24&to=2024-06-30`);
    expect(body.weeks[0].approvals).toEqual([
      expect.objectContaining({ unitId: "21850", name: "Xã Tây Phú", by: "ca-tay-phu", communes: 1 }),
      expect.objectContaining({ unitId: "547", name: "Huyện Tây Sơn", by: "ca-huyen", communes: 15 }),
    ]);
    const overview = (await getJson(app, "/api/overview?unit=547&date=2024-06-29")).body;
    expect(overview.approvals.map((a: { unitId: string }) => a.unitId)).toEqual(["21850", "547"]);
    // The commune's own page lists both levels too: each covers it.
    const tayPhu = (await getJson(app, "/api/overview?unit=21850&date=2024-06-29")).body;
    expect(tayPhu.approvals.map((a: { unitId: string; communes: number }) => [a.unitId, a.communes])).toEqual(
      [
        ["21850", 1],
        ["547", 1],
      ],
    );
  });

  it("a level reopens only its own approval, never while a level above still approves, and not a level above it", async () => {
    const { app, store, commune, district, clerk } = await twoLevels();
    await postJson(app, "/api/approvals", { unitId: "21850", week: WEEK }, commune);
    await postJson(app, "/api/approvals", { unitId: "547", week: WEEK }, district);

    // Below the district's approval, the commune cannot reopen: 409 naming the level above.
    const below = await reopen(app, "21850", commune);
    expect(below.status).toBe(409);
    expect((await json(below)).error).toMatchObject({
      code: "APPROVED_ABOVE",
      details: { level: "547", approvedBy: "ca-huyen" },
    });
    // Nor reopen the district's level.
    expect((await reopen(app, "547", commune)).status).toBe(403);
    // The district reopens its level: the commune's own approval still locks Tây Phú's week.
    const districtReopened = await reopen(app, "547", district);
    expect(await json(districtReopened)).toMatchObject({ reopened: 15 });
    expect((await postJson(app, "/api/reports", TAY_PHU_REPORT, clerk)).status).toBe(409);
    // …while the other communes' week is open again.
    const neighbour = { ...TAY_PHU_REPORT, unitId: "21808" };
    expect((await postJson(app, "/api/reports", neighbour, district)).status).toBe(200); // a revision
    // Then the commune's level reopens, and Tây Phú's figures can be corrected.
    expect(await json(await reopen(app, "21850", commune))).toMatchObject({ reopened: 1 });
    expect((await postJson(app, "/api/reports", TAY_PHU_REPORT, clerk)).status).toBe(200); // revised
    // Each reopening is audited with its level and its reason.
    const log = await store.auditLog({ action: "week.reopen", limit: 10 });
    expect(log.map((e) => [e.unitId, (e.after as { reason: string }).reason])).toEqual([
      ["21850", "Sửa số liệu xã"],
      ["547", "Sửa số liệu xã"],
    ]);
  });

  it("an officer above may reopen a lower level once nothing above it approves", async () => {
    const { app, commune, district, clerk } = await twoLevels();
    await postJson(app, "/api/approvals", { unitId: "21850", week: WEEK }, commune);
    expect(await json(await reopen(app, "21850", district))).toMatchObject({ reopened: 1 });
    expect((await postJson(app, "/api/reports", TAY_PHU_REPORT, clerk)).status).toBe(200); // revised
  });
});
