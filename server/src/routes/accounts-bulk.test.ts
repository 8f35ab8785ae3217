import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  createAppWithoutArea,
  createDemoApp,
  createUser,
  json,
  postJson,
  signIn,
  upload,
} from "../../test/testing.ts";

const THREE = `Tên đăng nhập,Vai trò,Mã đơn vị,Họ và tên,Số điện thoại
can-bo-tay-phu,Cán bộ xã,21850,Nguyễn Thị Hoa,0912 345 678
ca-phu-phong,police,21808,Trần Văn Nam,0987654321
doan-tay-son,Đoàn Thanh niên,,Lê Văn Bình,
`;

async function withAdmin() {
  const { app, store } = await createDemoApp();
  await createUser(store, { username: "quan-tri", role: "admin" });
  return { app, store, admin: await signIn(app, "quan-tri") };
}

describe("POST /api/users/bulk", () => {
  it("previews 3 rows with Vietnamese headers and makes nothing; applying makes all 3, each to set its own password first", async () => {
    const { app, store, admin } = await withAdmin();
    const before = (await store.listUsers()).length;
    const preview = await upload(app, "/api/users/bulk?dryRun=true", "tai-khoan.csv", THREE, admin);
    expect(preview.status).toBe(200);
    const body = await json(preview);
    expect(body).toMatchObject({ dryRun: true, valid: 3, invalid: 0 });
    expect(body.rows).toEqual([
      expect.objectContaining({
        row: 2,
        username: "can-bo-tay-phu",
        role: "commune",
        unitId: "21850",
        unitName: "Xã Tây Phú",
        fullName: "Nguyễn Thị Hoa",
        phone: "0912 345 678",
        errors: [],
      }),
      expect.objectContaining({ row: 3, role: "police", unitId: "21808", unitName: "Thị trấn Phú Phong" }),
      expect.objectContaining({ row: 4, role: "youth", unitId: null, phone: null }),
    ]);
    expect((await store.listUsers()).length).toBe(before);

    const applied = await upload(app, "/api/users/bulk", "tai-khoan.csv", THREE, admin);
    expect(applied.status).toBe(201);
    const made = await json(applied);
    expect(made.created).toBe(3);
    const passwords = made.accounts.map((a: { password: string }) => a.password);
    expect(new Set(passwords).size).toBe(3);
    for (const password of passwords) expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    // Each is audited as made from a list; none may be read back.
    const log = await store.auditLog({ action: "user.create", limit: 5 });
    expect(log.filter((e) => (e.after as { fromList?: boolean }).fromList)).toHaveLength(3);
    expect(JSON.stringify(log)).not.toContain(passwords[0]);

    // The one-time password signs in to one thing only: choosing one's own password.
    const first = made.accounts[0];
    const signedIn = await postJson(app, "/api/auth/login", {
      username: first.username,
      password: first.password,
    });
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const { user } = await json(signedIn);
    expect(user).toMatchObject({ mustChangePassword: true, pending: "password", fullName: "Nguyễn Thị Hoa" });
    const report = {
      unitId: "21850",
      date: "2024-07-06",
      population: 7564,
      level2: 6600,
      dual: 3800,
      linked: 2500,
    };
    const refused = await postJson(app, "/api/reports", report, cookie);
    expect(refused.status).toBe(403);
    expect((await json(refused)).error.code).toBe("PASSWORD_CHANGE_REQUIRED");
    const changed = await postJson(
      app,
      "/api/auth/password",
      { currentPassword: first.password, newPassword: "đồng lúa Tây Phú mùa mới" },
      cookie,
    );
    expect(changed.status).toBe(200);
    const fresh = (changed.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const after = (await json(changed)).user;
    expect(after).toMatchObject({ mustChangePassword: false });
    expect(after.pending).toBeUndefined();
    expect((await postJson(app, "/api/reports", report, fresh)).status).toBe(201);
  });

  it("reads XLSX with English headers, gives numeric codes their leading zeros", async () => {
    const { app, store, admin } = await withAdmin();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Accounts");
    sheet.addRow(["username", "role", "unit_code", "full_name", "phone"]);
    sheet.addRow(["tay-phu-2", "commune", 21850, "Phạm Thu", "0901234567"]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const made = await upload(app, "/api/users/bulk", "accounts.xlsx", bytes, admin);
    expect(made.status).toBe(201);
    expect((await json(made)).accounts[0]).toMatchObject({ username: "tay-phu-2", unitId: "21850" });
    expect((await store.findUserForLogin("tay-phu-2"))?.user.mustChangePassword).toBe(true);
  });

  it("names every wrong row and makes none of the list when one row is wrong", async () => {
    const { app, store, admin } = await withAdmin();
    await createUser(store, { username: "da-co", role: "viewer" });
    const before = (await store.listUsers()).length;
    const csv = `username,role,unit_code,phone
tot-1,commune,21850,
da-co,viewer,,
tot-1,viewer,,
sai-vai-tro,thu ky,,
huyen-la-xa,commune,547,
so-la,commune,21850,goi toi
`;
    const preview = await json(await upload(app, "/api/users/bulk?dryRun=true", "list.csv", csv, admin));
    expect(preview).toMatchObject({ valid: 1, invalid: 5 });
    const errors = preview.rows.map((r: { row: number; errors: { field: string; message: string }[] }) => [
      r.row,
      r.errors.map((e) => `${e.field}: ${e.message}`),
    ]);
    expect(errors).toEqual([
      [2, []],
      [3, ["username: is taken"]],
      [4, ["username: is also on row 2"]],
      [5, ["role: must be one of admin, police, commune, youth, viewer (or its Vietnamese name)"]],
      [6, ["unit_code: 547 is not the code of a commune, town or ward"]],
      [7, ["phone: must be a phone number"]],
    ]);
    const applied = await upload(app, "/api/users/bulk", "list.csv", csv, admin);
    expect(applied.status).toBe(422);
    expect((await json(applied)).error.code).toBe("ACCOUNT_LIST_INVALID");
    expect((await store.listUsers()).length).toBe(before);
    // A file without the columns needed is refused, naming them.
    const headless = await upload(app, "/api/users/bulk?dryRun=true", "x.csv", "name,unit\nA,1\n", admin);
    const { error } = await json(headless);
    expect(error.code).toBe("ACCOUNT_LIST_INVALID");
    expect(error.message).toContain("username, role");
  });

  it("lets an admin bound to a unit list accounts within it only", async () => {
    const { app, store } = await createDemoApp();
    await createUser(store, { username: "qt-tay-phu", role: "admin", unitId: "21850" });
    const scoped = await signIn(app, "qt-tay-phu");
    const csv = "username,role,unit_code\nxa-minh,commune,21850\nxa-ben,commune,21808\nca-ca-vung,viewer,\n";
    const preview = await json(await upload(app, "/api/users/bulk?dryRun=true", "list.csv", csv, scoped));
    expect(
      preview.rows.map((r: { errors: { message: string }[] }) => r.errors.map((e) => e.message)),
    ).toEqual([
      [],
      ["is outside the units you manage"],
      ["is needed: you manage the accounts of your unit only"],
    ]);
  });

  it("makes the 135 commune accounts of the new Gia Lai at once", async () => {
    const { app, store, admin } = await createAppWithoutArea();
    expect((await postJson(app, "/api/area", { tree: "2025", code: "52" }, admin)).status).toBe(201);
    const communes = (await store.unitHistory()).treeOn("2025-09-01").reportingUnitsUnder("52");
    expect(communes).toHaveLength(135);
    const csv = [
      "mã đơn vị;tên đăng nhập;vai trò;họ tên",
      ...communes.map((unit, i) => `${unit.id};xa-${unit.id};Cán bộ xã;Cán bộ số ${i + 1}`),
    ].join("\n");
    const preview = await json(await upload(app, "/api/users/bulk?dryRun=true", "gia-lai.csv", csv, admin));
    expect(preview).toMatchObject({ valid: 135, invalid: 0 });
    const made = await upload(app, "/api/users/bulk", "gia-lai.csv", csv, admin);
    expect(made.status).toBe(201);
    const { accounts } = await json(made);
    expect(accounts).toHaveLength(135);
    expect(new Set(accounts.map((a: { unitId: string }) => a.unitId))).toEqual(
      new Set(communes.map((u) => u.id)),
    );
    expect(
      (await store.listUsers()).filter((u) => u.role === "commune" && u.mustChangePassword),
    ).toHaveLength(135);
  });

  it("takes each account's e-mail and reminder channel, and names a wrong one by row and field", async () => {
    const { app, store, admin } = await withAdmin();
    const list = `Tên đăng nhập,Vai trò,Mã đơn vị,Số điện thoại,Thư điện tử,Kênh nhắc
binh-thanh,Cán bộ xã,21823,0912 345 678,binhthanh@example.gov.vn,Thư điện tử
tay-phu,Cán bộ xã,21850,0987 654 321,,Tin nhắn
tay-an,Cán bộ xã,21826,,tay-an@,
tay-vinh,Cán bộ xã,21838,,,bồ câu
`;
    const preview = await json(
      await upload(app, "/api/users/bulk?dryRun=true", "tai-khoan.csv", list, admin),
    );
    expect(preview).toMatchObject({ valid: 2, invalid: 2 });
    expect(
      preview.rows.map((r: { email: string | null; reminderChannel: string | null }) => [
        r.email,
        r.reminderChannel,
      ]),
    ).toEqual([
      ["binhthanh@example.gov.vn", "email"],
      [null, "webhook"],
      ["tay-an@", null],
      [null, null],
    ]);
    expect(preview.rows[2].errors).toEqual([expect.objectContaining({ field: "email", value: "tay-an@" })]);
    expect(preview.rows[3].errors).toEqual([expect.objectContaining({ field: "channel", value: "bồ câu" })]);

    const good = list.split("\n").slice(0, 3).join("\n");
    expect((await upload(app, "/api/users/bulk", "tai-khoan.csv", good, admin)).status).toBe(201);
    const made = (await store.listUsers()).find((u) => u.username === "binh-thanh");
    expect(made).toMatchObject({
      email: "binhthanh@example.gov.vn",
      reminderChannel: "email",
      language: "vi",
    });
  });
});
