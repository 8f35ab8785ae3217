import { describe, expect, it } from "vitest";
import { createDemoApp, createUser, json, postJson, signIn } from "../../test/testing.ts";

const report = (unitId: string) => ({
  unitId,
  date: "2024-07-06",
  population: 7_564,
  level2: 6_600,
  dual: 3_710,
  linked: 2_470,
  confirm: true,
});

describe("tokens for programs", () => {
  it("act for their commune only, with their actions only, until revoked; the secret is shown once", async () => {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    const made = await postJson(
      app,
      "/api/tokens",
      { name: "Hệ thống của xã Tây Phú", unitId: "21850", actions: ["writeReports", "importReports"] },
      admin,
    );
    expect(made.status).toBe(201);
    const { token, secret } = await json(made);
    expect(secret).toMatch(/^vnt_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({
      unitId: "21850",
      actions: ["writeReports", "importReports"],
      revokedAt: null,
    });
    const listed = await app.request("/api/tokens", { headers: { cookie: admin } });
    expect(await listed.text()).not.toContain(secret);

    const bearer = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
    const send = (body: unknown, path = "/api/reports") =>
      app.request(path, { method: "POST", headers: bearer, body: JSON.stringify(body) });
    expect((await send(report("21850"))).status).toBe(201);
    expect((await send(report("21808"))).status).toBe(403);
    const file = new FormData();
    file.set(
      "file",
      new File(
        ["unit_code,date,population,level2,dual,linked\n21850,2024-07-13,7564,6650,3720,2480\n"],
        "a.csv",
      ),
    );
    const imported = await app.request("/api/imports?dryRun=true", {
      method: "POST",
      headers: { authorization: `Bearer ${secret}` },
      body: file,
    });
    expect(imported.status).toBe(200);
    // Only its actions: no drives, no accounts.
    const drive = {
      unitId: "21850",
      villageId: null,
      date: "2024-06-30",
      team: "x",
      planned: 5,
      status: "done",
      registrations: 1,
      linked: 0,
    };
    expect((await send(drive, "/api/drives")).status).toBe(403);
    expect((await app.request("/api/users", { headers: bearer })).status).toBe(403);
    const [entry] = await store.auditLog({ action: "report.create", limit: 1 });
    expect(entry?.username).toBe("token:Hệ thống của xã Tây Phú");

    const revoked = await app.request(`/api/tokens/${token.id}`, {
      method: "DELETE",
      headers: { cookie: admin, origin: "http://localhost" },
    });
    expect(revoked.status).toBe(204);
    const after = await send(report("21850"));
    expect(after.status).toBe(401);
    expect((await json(after)).error.code).toBe("TOKEN_INVALID");
    expect(await store.auditLog({ action: "token.revoke", limit: 5 })).toHaveLength(1);
  });

  it("are refused for actions a program may not take or a code that is not a commune, naming the field", async () => {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    const bad = await postJson(
      app,
      "/api/tokens",
      { name: "x", unitId: "21850", actions: ["manageUsers"] },
      admin,
    );
    expect(bad.status).toBe(422);
    expect((await json(bad)).error.details[0]).toMatchObject({ field: "actions.0" });
    const district = await postJson(
      app,
      "/api/tokens",
      { name: "x", unitId: "547", actions: ["writeReports"] },
      admin,
    );
    expect(district.status).toBe(422);
    expect((await json(district)).error.details[0]).toMatchObject({ field: "unitId", value: "547" });
  });
});
