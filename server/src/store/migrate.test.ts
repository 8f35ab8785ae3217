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
