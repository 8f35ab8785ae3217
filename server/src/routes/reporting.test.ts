import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createDemoApp, createUser, getJson, json, postJson, signIn, upload } from "../../test/testing.ts";
import { UNWRITABLE } from "../validation.ts";

const WEEK_OF_29_JUNE = "2024-W26"; // 24/06–30/06/2024
const TAY_PHU = {
  unitId: "21850",
  date: "2024-06-29",
  population: 7564,
  level2: 6500,
  dual: 3700,
  linked: 2440,
};

async function withPolice() {
  const { app, store } = await createDemoApp();
  await createUser(store, { username: "cong-an-huyen", role: "police" });
  await createUser(store, { username: "tay-phu", role: "commune", unitId: "21850" });
  return { app, store, police: await signIn(app, "cong-an-huyen"), commune: await signIn(app, "tay-phu") };
}

describe("GET /api/reporting", () => {
  it("shows Xã Bình Thành missing in each of the three weeks of April it did not report, 14 of 15 reported", async () => {
    const { app } = await createDemoApp();
    const { status, body } = await getJson(app, "/api/reporting?unit=547&from=2024-04-01&to=2024-04-21");
    expect(status).toBe(200);
    expect(
      body.weeks.map((w: { week: string; start: string; due: string }) => [w.week, w.start, w.due]),
    ).toEqual([
      ["2024-W14", "2024-04-01", "2024-04-08T12:00:00+07:00"],
      ["2024-W15", "2024-04-08", "2024-04-15T12:00:00+07:00"],
      ["2024-W16", "2024-04-15", "2024-04-22T12:00:00+07:00"],
    ]);
    for (const week of body.weeks) {
      expect(week).toMatchObject({ expected: 15, reported: 14, approval: null, closed: true });
      const binhThanh = week.units.find((u: { unitId: string }) => u.unitId === "21823");
      expect(binhThanh).toMatchObject({ name: "Xã Bình Thành", status: "missing", recordedAt: null });
      // The demo's recording times: most on time, some late.
      expect(week.onTime).toBeGreaterThan(10);
      expect(week.onTime).toBe(week.units.filter((u: { status: string }) => u.status === "on_time").length);
    }
    expect(body.weeks.some((w: { onTime: number; reported: number }) => w.onTime < w.reported)).toBe(true);
    // Each commune's rate over the weeks asked for.
    expect(body.communes.find((c: { unitId: string }) => c.unitId === "21823")).toEqual({
      unitId: "21823",
      name: "Xã Bình Thành",
      expected: 3,
      reported: 0,
      onTime: 0,
    });
  });

  it("keeps a unit on time when its report is revised after the due time, and counts a new report late", async () => {
    const { app, police } = await withPolice();
    const week = async () =>
      (await getJson(app, "/api/reporting?unit=547&from=2024-06-24&to=2024-06-30")).body.weeks[0].units;
    const before = (await week()).find((u: { status: string }) => u.status === "on_time");
    const report = (await getJson(app, `/api/units/${before.unitId}/series?to=2024-06-29`)).body.points.at(
      -1,
    );
    const revised = {
      unitId: before.unitId,
      date: "2024-06-29",
      population: report.population + 1,
      level2: report.level2,
      dual: report.dual,
      linked: report.linked,
      confirm: true,
    };
    expect((await postJson(app, "/api/reports", revised, police)).status).toBe(200);
    expect((await week()).find((u: { unitId: string }) => u.unitId === before.unitId)).toEqual(before);
    const next = { ...revised, date: "2024-07-06" };
    expect((await postJson(app, "/api/reports", next, police)).status).toBe(201);
    const july = (await getJson(app, "/api/reporting?unit=547&from=2024-07-01&to=2024-07-07")).body.weeks[0];
    expect(july).toMatchObject({ reported: 1, onTime: 0 });
  });

  it("names the commune accounts to remind, to police and admin only", async () => {
    const { app, police } = await withPolice();
    const asPolice = await json(
      await app.request("/api/reporting?unit=547&from=2024-04-01&to=2024-04-07", {
        headers: { cookie: police },
      }),
    );
    expect(asPolice.accounts).toEqual({ "21850": ["tay-phu"] });
    expect((await getJson(app, "/api/reporting?unit=547")).body.accounts).toBeUndefined();
  });

  it("refuses a range over a year or reversed, naming the parameter", async () => {
    const { app } = await createDemoApp();
    const long = await getJson(app, "/api/reporting?from=2023-01-01&to=2024-06-30");
    expect(long.status).toBe(400);
    expect(long.body.error.details[0]).toMatchObject({ field: "from" });
    expect((await getJson(app, "/api/reporting?from=2024-05-01&to=2024-04-01")).status).toBe(400);
  });
});

describe("approving a week", () => {
  it("locks the week for the form, imports and deletion, until it is reopened with a reason", async () => {
    const { app, store, police, commune } = await withPolice();
    const approved = await postJson(app, "/api/approvals", { unitId: "547", week: WEEK_OF_29_JUNE }, police);
    expect(approved.status).toBe(201);
    expect(await json(approved)).toMatchObject({
      unitId: "547",
      approved: 15,
      approval: { by: "cong-an-huyen" },
    });

    // The form: refused with 409 naming the week and who approved it.
    const form = await postJson(app, "/api/reports", { ...TAY_PHU, confirm: true }, commune);
    expect(form.status).toBe(409);
    const refusal = (await json(form)).error;
    expect(refusal).toMatchObject({
      code: "WEEK_LOCKED",
      details: {
        week: WEEK_OF_29_JUNE,
        weekStart: "2024-06-24",
        weekEnd: "2024-06-30",
        approvedBy: "cong-an-huyen",
      },
    });
    expect(refusal.message).toContain("approved by cong-an-huyen");
    // An import is refused whole, naming its locked rows; a row of another week would have gone in.
    const csv =
      "unit_code,date,population,level2,dual,linked\n21850,2024-06-29,7564,6500,3700,2440\n21850,2024-07-06,7564,6600,3800,2500\n";
    const imported = await upload(app, "/api/imports?confirm=true", "tuan.csv", csv, police);
    expect(imported.status).toBe(409);
    expect((await json(imported)).error.details.rows).toEqual([
      { unitId: "21850", date: "2024-06-29", week: WEEK_OF_29_JUNE },
    ]);
    expect((await store.reportHistories(["21850"])).get("21850")?.at(-1)?.date).toBe("2024-06-29");
    // Deletion.
    const deleted = await app.request("/api/reports/21850/2024-06-29", {
      method: "DELETE",
      headers: { origin: "http://localhost", cookie: police },
    });
    expect(deleted.status).toBe(409);
    // The exports say it too: the CSV's approver columns, the XLSX's status column.
    const exported = await (await app.request("/api/exports/reports.csv?date=2024-06-29")).text();
    expect(exported.split("\n")[0]).toMatch(/,approved_by,approved_at$/);
    expect(exported.split("\n").find((line) => line.startsWith("21850,"))).toMatch(/,cong-an-huyen,\d{4}-/);
    // The overview says who approved the week of its date.
    const overview = (await getJson(app, "/api/overview?date=2024-06-29")).body;
    expect(overview).toMatchObject({ week: WEEK_OF_29_JUNE, approval: { by: "cong-an-huyen" } });
    expect((await getJson(app, "/api/overview?date=2024-06-22")).body.approval).toBeNull();
    expect(
      (await getJson(app, "/api/reporting?unit=547&from=2024-06-24&to=2024-06-30")).body.weeks[0].approval,
    ).toMatchObject({
      by: "cong-an-huyen",
    });

    // Reopening needs a reason; then the change goes through.
    const reopen = (body: unknown) =>
      app.request(`/api/approvals/547/${WEEK_OF_29_JUNE}`, {
        method: "DELETE",
        headers: { origin: "http://localhost", cookie: police, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await reopen({})).status).toBe(422);
    expect((await reopen({ reason: "Xã Tây Phú báo sai số liên kết" })).status).toBe(200);
    expect((await reopen({ reason: "lần hai" })).status).toBe(404);
    expect((await postJson(app, "/api/reports", { ...TAY_PHU, confirm: true }, commune)).status).toBe(200);
    const [reopened] = await store.auditLog({ action: "week.reopen", limit: 1 });
    expect(reopened).toMatchObject({
      username: "cong-an-huyen",
      unitId: "547",
      after: { reason: "Xã Tây Phú báo sai số liên kết" },
    });
    const [approval] = await store.auditLog({ action: "week.approve", limit: 1 });
    expect(approval).toMatchObject({ entityId: WEEK_OF_29_JUNE, after: { approved: 15 } });
    // The reporting page shows the police why the week was reopened; the public sees no reason.
    const path = "/api/reporting?unit=547&from=2024-06-24&to=2024-06-30";
    const shown = await json(await app.request(path, { headers: { cookie: police } }));
    expect(shown.reopenings[WEEK_OF_29_JUNE]).toMatchObject({
      by: "cong-an-huyen",
      reason: "Xã Tây Phú báo sai số liên kết",
    });
    expect((await getJson(app, path)).body.reopenings).toBeUndefined();
  });

  it("can approve chosen communes: the others stay open", async () => {
    const { app, police } = await withPolice();
    await postJson(app, "/api/approvals", { unitId: "21850", week: WEEK_OF_29_JUNE }, police);
    expect((await postJson(app, "/api/reports", { ...TAY_PHU, confirm: true }, police)).status).toBe(409);
    const other = { ...TAY_PHU, unitId: "21847", population: 9870, level2: 9870, dual: 6514, linked: 6481 };
    expect((await postJson(app, "/api/reports", { ...other, confirm: true }, police)).status).not.toBe(409);
    const week = (await getJson(app, "/api/reporting?unit=547&from=2024-06-24&to=2024-06-30")).body.weeks[0];
    expect(week.approval).toBeNull();
    expect(
      week.units.filter((u: { approved: boolean }) => u.approved).map((u: { unitId: string }) => u.unitId),
    ).toEqual(["21850"]);
  });

  it("refuses a week that is not an ISO week, naming it", async () => {
    const { app, police } = await withPolice();
    const bad = await postJson(app, "/api/approvals", { unitId: "547", week: "2024-W60" }, police);
    expect(bad.status).toBe(422);
    expect((await json(bad)).error.details[0]).toMatchObject({ field: "week", value: "2024-W60" });
  });
});

describe("the weekly report as a Word document", () => {
  it("carries the national heading, the week, the totals and the approval", async () => {
    const { app, police } = await withPolice();
    await postJson(app, "/api/approvals", { unitId: "547", week: WEEK_OF_29_JUNE }, police);
    const response = await app.request("/api/exports/weekly.docx?date=2024-06-29");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`bao-cao-tuan-547-${WEEK_OF_29_JUNE}.docx`);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    // Word splits nothing we wrote in one run: the text of each run is whole in document.xml.
    const xml = strFromU8(files["word/document.xml"] as Uint8Array);
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
    const overview = (await getJson(app, "/api/overview?date=2024-06-29")).body;
    const dot = (n: number) => n.toLocaleString("de-DE"); // Vietnamese grouping: 122.204
    for (const expected of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "CÔNG AN HUYỆN TÂY SƠN",
      "Số:        /BC-CAH",
      "Tây Sơn, ngày 29 tháng 6 năm 2024",
      "BÁO CÁO",
      "tuần 26/2024 (từ ngày 24/06/2024 đến ngày 30/06/2024)",
      `(${dot(overview.figures.level2)}/${dot(overview.figures.population)})`,
      "số liệu đã được cong-an-huyen duyệt lúc",
      "15/15 xã đã báo cáo tuần này",
      "Nơi nhận:",
      "TRƯỞNG CÔNG AN HUYỆN",
    ])
      expect(text, expected).toContain(expected);
  });

  it("names the communes lagging on linking too (a linking campaign)", async () => {
    const { app } = await createDemoApp({}, "tay-son-2025");
    const response = await app.request("/api/exports/weekly.docx?date=2025-12-27");
    const xml = strFromU8(
      unzipSync(new Uint8Array(await response.arrayBuffer()))["word/document.xml"] as Uint8Array,
    );
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
    const overview = (await getJson(app, "/api/overview?date=2025-12-27")).body;
    expect(overview.laggingOrderByMetric.linking).toContain("21835");
    expect(text).toMatch(/III\. Các xã chậm tiến độ \([1-9]\)/);
    // In the lagging table, with the metric it lags on.
    const row = text.slice(text.indexOf("Xã Bình Phú"), text.indexOf("Xã Bình Phú") + 400);
    expect(row).toMatch(/\(liên kết\)/);
    // Coverage is reached everywhere: no "cần 0 người/ngày". The results speak for the linking target
    // too: what is left and what is needed per day.
    expect(text).toContain("mức 2 đã đạt chỉ tiêu ở mọi xã");
    expect(text).not.toContain("cần 0 người/ngày");
    expect(text).toContain(`còn ${overview.linking.remaining.toLocaleString("de-DE")} người chưa liên kết`);
    expect(text).toContain(
      `Liên kết: cần ${Math.ceil(overview.linking.requiredPerDay).toLocaleString("de-DE")} người/ngày`,
    );
  });
});

describe("control characters in the weekly document's settings", () => {
  it("are refused with a message naming the field and the character, and never reach the DOCX", async () => {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "quan-tri", role: "admin" });
    const admin = await signIn(app, "quan-tri");
    const settings = (await getJson(app, "/api/settings/reporting")).body;
    for (const bad of ["CÔNG AN\u0001 HUYỆN", "A\u000bB", "X\ufffe"]) {
      const body = { ...settings, document: { ...settings.document, issuer: bad } };
      const refused = await postJson(app, "/api/settings/reporting", body, admin, "PUT");
      expect(refused.status).toBe(422);
      const error = (await json(refused)).error;
      expect(error.details[0]).toMatchObject({ field: "document.issuer" });
      expect(error.message).toMatch(/control character U\+(0001|000B|FFFE)/);
    }
    // Saved before the rule (straight into the store): the document still opens, without it.
    await store.updateReportingSettings(
      { ...settings, document: { ...settings.document, issuer: "CÔNG AN\u0001 HUYỆN TÂY SƠN" } },
      { userId: null, username: "test", ip: null, at: new Date().toISOString() },
    );
    const response = await app.request("/api/exports/weekly.docx?date=2024-06-29");
    const xml = strFromU8(
      unzipSync(new Uint8Array(await response.arrayBuffer()))["word/document.xml"] as Uint8Array,
    );
    expect(xml).toContain("CÔNG AN HUYỆN TÂY SƠN");
    expect(xml).not.toMatch(new RegExp(UNWRITABLE.source));
  });
});
