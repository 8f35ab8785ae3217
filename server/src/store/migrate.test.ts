import { describe, expect, it } from "vitest";
import { migrate, readMigrations } from "./migrate.ts";
import { openDatabase } from "./open.ts";

describe("migrate", () => {
  it("applies every migration once and records its version", () => {
    const db = openDatabase(":memory:");
    const applied = migrate(db);
    expect(applied.map((m) => m.version)).toEqual(readMigrations().map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    expect(db.prepare("SELECT version FROM schema_migrations").pluck().all()).toEqual(
      applied.map((m) => m.version),
    );
  });

  it("applies all pending migrations or none", () => {
    const db = openDatabase(":memory:");
    const broken = [
      { version: 1, name: "0001_a.sql", sql: "CREATE TABLE a (x INTEGER);" },
      { version: 2, name: "0002_b.sql", sql: "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);" },
    ];
    expect(() => migrate(db, broken)).toThrow(/nowhere/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('a', 'b')").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM schema_migrations").pluck().get()).toBe(0);
  });

  it("turns on the pragmas every connection needs", () => {
    const db = openDatabase(":memory:");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("synchronous", { simple: true })).toBe(2); // FULL
    expect(db.pragma("busy_timeout", { simple: true })).toBe(5000);
  });
});

describe("rebuilding the units table (0004)", () => {
  it("keeps every unit and every row that points at one, and accepts a country", () => {
    const db = openDatabase(":memory:");
    const [first, second, third, fourth] = readMigrations();
    migrate(
      db,
      [first, second, third].filter((m) => m !== undefined),
    );
    db.prepare(
      "INSERT INTO units VALUES ('52', 'Tỉnh Bình Định', 'province', NULL), ('21850', 'Xã Tây Phú', 'commune', '52')",
    ).run();
    db.prepare(
      "INSERT INTO reports (unit_id, date, population, level2, dual, linked) VALUES ('21850', '2024-02-03', 10, 5, 4, 3)",
    ).run();
    migrate(db, readMigrations());
    expect(fourth?.name).toBe("0004_country_units.sql");
    expect(db.prepare("SELECT count(*) FROM units").pluck().get()).toBe(2);
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    db.prepare("INSERT INTO units VALUES ('VN')").run();
    db.prepare("INSERT INTO unit_versions (id, name, kind) VALUES ('VN', 'Việt Nam', 'country')").run();
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(() =>
      db
        .prepare(
          "INSERT INTO reports (unit_id, date, population, level2, dual, linked) VALUES ('nope', '2024-02-03', 1, 1, 1, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe("unit versions and campaigns over time (0007)", () => {
  it("keeps every unit as a version valid from the start with no end, and the campaign as the current one", () => {
    const db = openDatabase(":memory:");
    const migrations = readMigrations();
    migrate(
      db,
      migrations.filter((m) => m.version < 7),
    );
    db.prepare(
      "INSERT INTO units VALUES ('52', 'Tỉnh Bình Định', 'province', NULL), ('21850', 'Xã Tây Phú', 'commune', '52')",
    ).run();
    db.prepare(
      "INSERT INTO reports (unit_id, date, population, level2, dual, linked) VALUES ('21850', '2024-02-03', 10, 5, 4, 3)",
    ).run();
    db.prepare("UPDATE campaign SET name = 'Tây Sơn' WHERE id = 1").run();
    migrate(db, migrations);
    expect(db.prepare("SELECT * FROM unit_versions ORDER BY id").all()).toEqual([
      { id: "21850", valid_from: "", valid_to: null, name: "Xã Tây Phú", kind: "commune", parent_id: "52" },
      { id: "52", valid_from: "", valid_to: null, name: "Tỉnh Bình Định", kind: "province", parent_id: null },
    ]);
    expect(db.prepare("SELECT count(*) FROM reports").pluck().get()).toBe(1);
    expect(
      db.prepare("SELECT c.name FROM campaigns c JOIN settings s ON s.campaign_id = c.id").pluck().get(),
    ).toBe("Tây Sơn");
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    // A version of a code the deployment does not hold, or a second one on the same day, is refused.
    expect(() =>
      db.prepare("INSERT INTO unit_versions (id, name, kind) VALUES ('99999', 'X', 'commune')").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare("INSERT INTO unit_versions (id, name, kind) VALUES ('52', 'Tỉnh Gia Lai', 'province')")
        .run(),
    ).toThrow(/UNIQUE/);
  });
});

describe("migration checksums", () => {
  it("stop the start when a migration already applied was changed since, naming it", () => {
    const db = openDatabase(":memory:");
    const migrations = readMigrations();
    migrate(db, migrations);
    const edited = migrations.map((m) =>
      m.version === 7 ? { ...m, sql: `${m.sql}\n-- changed after it ran\n` } : m,
    );
    expect(() => migrate(db, edited)).toThrow(
      /0007_unit_versions_campaigns\.sql was changed after it was applied/,
    );
    // Line endings do not count as a change.
    expect(
      migrate(
        db,
        migrations.map((m) => ({ ...m, sql: m.sql.replace(/\n/g, "\r\n") })),
      ),
    ).toEqual([]);
  });

  it("adopt the files' checksums in a database made before they were kept", () => {
    const db = openDatabase(":memory:");
    migrate(db);
    db.exec("UPDATE schema_migrations SET checksum = NULL");
    expect(migrate(db)).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM schema_migrations WHERE checksum IS NULL").pluck().get()).toBe(0);
  });
});
