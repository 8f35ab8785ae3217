import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { isIsoDate } from "./domain/dates.ts";
import { DRIVE_STATUSES, type DriveInput, type DriveStatus } from "./domain/drives.ts";
import { isReportingUnit, type UnitTree } from "./domain/tree.ts";
import { type Report, UNIT_KINDS, type Unit, type UnitKind } from "./domain/types.ts";
import type { Store } from "./store/store.ts";

/** The official units, then (for the demo) the illustrative reports, into a database that has none. */
export async function seedIfEmpty(
  store: Store,
  dataDir: string,
  withDemoReports: boolean,
): Promise<string[]> {
  const done: string[] = [];
  if ((await store.unitTree()).units.length === 0) {
    const units = readUnits(join(dataDir, "units.csv"));
    await store.saveUnits(units);
    done.push(`${units.length} units`);
  }
  if (withDemoReports && (await store.reportCount()) === 0) {
    const reports = readReports(join(dataDir, "demo", "reports.csv"));
    await store.insertReports(reports);
    const villages = readUnits(join(dataDir, "demo", "villages.csv"));
    await store.saveUnits(villages);
    const drives = readDrives(join(dataDir, "demo", "drives.csv"));
    await store.insertDrives(drives);
    done.push(`${reports.length} demo reports, ${villages.length} villages, ${drives.length} drives`);
  }
  return done;
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true, trim: true, bom: true });
}

export function readUnits(path: string): Unit[] {
  return readCsv(path).map((row, i) => {
    const where = `${path} row ${i + 2}`;
    if (!/^\d+$/.test(row.code ?? ""))
      throw new Error(`${where}: code ${JSON.stringify(row.code)} is not a unit code`);
    if (!UNIT_KINDS.includes(row.kind as UnitKind))
      throw new Error(`${where}: kind ${JSON.stringify(row.kind)} is unknown`);
    return {
      id: row.code as string,
      name: row.name ?? "",
      kind: row.kind as UnitKind,
      parentId: row.parent_code ? row.parent_code : null,
    };
  });
}

/**
 * Why a list of units cannot be added to the hierarchy: a parent that exists neither in the database
 * nor earlier in the list, or a village that is not under a commune, town or ward. Empty when it can.
 */
export function unitProblems(units: readonly Unit[], tree: UnitTree): string[] {
  const known = new Map(tree.units.map((u) => [u.id, u]));
  const problems: string[] = [];
  for (const unit of units) {
    const parent = unit.parentId === null ? undefined : known.get(unit.parentId);
    if (unit.parentId !== null && !parent)
      problems.push(`${unit.id} ${unit.name}: parent ${unit.parentId} is unknown`);
    else if (unit.kind === "village" && (!parent || !isReportingUnit(parent))) {
      problems.push(`${unit.id} ${unit.name}: a village must be under a commune, town or ward`);
    }
    known.set(unit.id, unit);
  }
  // After the file is applied, every unit it names must still lead up to a root: no loop.
  for (const unit of units) {
    const seen = new Set<string>();
    for (let at: Unit | undefined = unit; at?.parentId; at = known.get(at.parentId)) {
      if (seen.has(at.id)) {
        problems.push(`${unit.id} ${unit.name}: its parents loop (${[...seen].join(" → ")} → ${at.id})`);
        break;
      }
      seen.add(at.id);
    }
  }
  return problems;
}

export function readReports(path: string): Report[] {
  return readCsv(path).map((row, i) => {
    const where = `${path} row ${i + 2}`;
    if (!isIsoDate(row.date ?? ""))
      throw new Error(`${where}: date ${JSON.stringify(row.date)} is not YYYY-MM-DD`);
    const count = (field: string) => {
      const value = Number(row[field]);
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new Error(`${where}: ${field} ${JSON.stringify(row[field])} is not a whole number`);
      }
      return value;
    };
    return {
      unitId: row.unit_code ?? "",
      date: row.date as string,
      population: count("population"),
      level2: count("level2"),
      dual: count("dual"),
      linked: count("linked"),
    };
  });
}

export function readDrives(path: string): DriveInput[] {
  return readCsv(path).map((row, i) => {
    const where = `${path} row ${i + 2}`;
    if (!DRIVE_STATUSES.includes(row.status as DriveStatus))
      throw new Error(`${where}: status ${JSON.stringify(row.status)} is unknown`);
    const count = (field: string) => (row[field] ? Number(row[field]) : null);
    return {
      unitId: row.unit_code ?? "",
      villageId: row.village_code || null,
      date: row.date ?? "",
      startTime: row.start_time || null,
      endTime: row.end_time || null,
      team: row.team ?? "",
      planned: Number(row.planned),
      status: row.status as DriveStatus,
      registrations: count("registrations"),
      linked: count("linked"),
      notes: row.notes ?? "",
    };
  });
}
