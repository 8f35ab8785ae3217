import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type AreaSetup, areaFromCatalogue } from "./catalogue/area-setup.ts";
import { catalogueAt, REORGANISATION_2025 } from "./catalogue/catalogue.ts";
import { applyReorganisation } from "./catalogue/reorganise-deployment.ts";
import type { DemoData } from "./config.ts";
import { readCsvRecords } from "./csv-records.ts";
import { DIRECTIVE_CAMPAIGN } from "./domain/campaign.ts";
import { isIsoDate } from "./domain/dates.ts";
import { DRIVE_STATUSES, type DriveInput, type DriveStatus } from "./domain/drives.ts";
import { DEFAULT_DUE } from "./domain/reporting-weeks.ts";
import { isReportingUnit, type UnitTree } from "./domain/tree.ts";
import { type Campaign, UNIT_KINDS, type Unit, type UnitKind } from "./domain/types.ts";
import { versionKey } from "./domain/unit-history.ts";
import { matchBoundaries, readBoundaryFiles } from "./imports/boundaries.ts";
import { shapesForDisplay } from "./imports/simplify-shapes.ts";
import type { RecordedReport } from "./store/reports.ts";
import type { DocumentSettings } from "./store/settings.ts";
import type { Actor, Store } from "./store/store.ts";

const SYSTEM = (): Actor => ({ userId: null, username: null, ip: null, at: new Date().toISOString() });

/**
 * Fills an empty database at start-up: with a demo (DEMO_DATA), or with the area HOME_UNIT names,
 * from the catalogue (its 2025 unit when the code is one, else its 2024 unit). Without either the
 * area is chosen from the web. A database made before areas were chosen from the web keeps HOME_UNIT
 * (default then: 547) as its area.
 */
export async function seedIfEmpty(
  store: Store,
  dataDir: string,
  settings: { demoData: DemoData; homeUnit: string | null },
): Promise<string[]> {
  const history = await store.unitHistory();
  if (history.versions.length > 0) {
    if (!(await store.home())) {
      const code = settings.homeUnit ?? "547";
      const version = history.resolve(code, "9999-12-31")?.unit;
      if (version) await setHome(store, version);
    }
    return [];
  }
  if (settings.demoData) return seedDemo(store, dataDir, settings.demoData);
  // A real install: no campaign until its admin makes one (the first migration made the directive's).
  if ((await store.reportCount()) === 0) await store.startWithoutCampaign();
  if (!settings.homeUnit) return [];
  const catalogue = catalogueAt(dataDir);
  const tree = catalogue.get("2025", settings.homeUnit) ? "2025" : "2024";
  const area = areaFromCatalogue(catalogue, tree, settings.homeUnit);
  if (!area) throw new Error(`HOME_UNIT=${settings.homeUnit} is not a unit of the national catalogue`);
  await setUpArea(store, area, SYSTEM());
  return [`${area.units.length} units of ${area.home.name} (${tree} catalogue)`];
}

/**
 * Saves an area chosen from the catalogue, with its lineage, as the deployment's area: all or
 * nothing. Choosing again, or widening the area, only adds: a version the deployment holds is kept
 * as it is (an ended one stays ended), and a version that would overlap one of its code is left out.
 */
export async function setUpArea(store: Store, area: AreaSetup, actor: Actor) {
  await store.changeUnits(({ history }) => {
    const added = area.units.filter((unit) =>
      history.versionsOf(unit.id).every((held) => !overlaps(held, unit)),
    );
    const keys = new Set(added.map(versionKey));
    return {
      units: added,
      lineage: (area.reorganisation?.lineage ?? []).filter((link) =>
        keys.has(versionKey({ id: link.to, validFrom: link.date })),
      ),
      home: { id: area.home.id, validFrom: area.home.validFrom ?? null },
      audit: { action: "units.setup", summary: { area: area.home.id, units: added.length } },
    };
  }, actor);
}

/** Whether two versions are valid on a common day. */
const overlaps = (a: Unit, b: Unit) =>
  (a.validFrom ?? "") < (b.validTo ?? "9999-12-31") && (b.validFrom ?? "") < (a.validTo ?? "9999-12-31");

const setHome = (store: Store, unit: Unit) =>
  store.changeUnits(
    () => ({
      units: [],
      lineage: [],
      home: { id: unit.id, validFrom: unit.validFrom ?? null },
      audit: { action: "units.home", summary: { area: unit.id } },
    }),
    SYSTEM(),
  );

/** The Tây Sơn demo: its 2024 campaign and, for tay-son-2025, the reorganisation and a linking campaign after it. */
async function seedDemo(store: Store, dataDir: string, demo: NonNullable<DemoData>): Promise<string[]> {
  if (demo === "gia-lai-2025") return seedProvinceDemo(store, dataDir);
  const units = readUnits(join(dataDir, "units.csv"));
  await store.saveUnits(units);
  await setHome(store, units.find((u) => u.id === "547") as Unit);
  const reports = readReports(join(dataDir, "demo", "reports.csv"));
  await store.insertReports(reports);
  const villages = readUnits(join(dataDir, "demo", "villages.csv"));
  await store.saveUnits(villages);
  const drives = readDrives(join(dataDir, "demo", "drives.csv"));
  await store.insertDrives(drives);
  await store.updateReportingSettings({ due: DEFAULT_DUE, document: TAY_SON_DOCUMENT }, SYSTEM());
  const done = [
    `${units.length} units`,
    `${reports.length} demo reports, ${villages.length} villages, ${drives.length} drives`,
  ];
  if (demo === "tay-son-2025") {
    await applyReorganisation(store, catalogueAt(dataDir), { date: REORGANISATION_2025 }, SYSTEM());
    const after = readReports(join(dataDir, "demo", "reports-2025.csv"));
    await store.insertReports(after);
    await store.createCampaign(LINKING_2025, true, SYSTEM());
    done.push(`the reorganisation of ${REORGANISATION_2025} and ${after.length} reports of its 5 communes`);
  }
  return done;
}

/**
 * The province demo: the new Gia Lai (province 52 of the 2025 tree) from the catalogue, with the old
 * Bình Định and Gia Lai it was formed from, eight weeks of illustrative reports of its 135 communes,
 * drives in the communes furthest behind, and a campaign with both targets.
 */
async function seedProvinceDemo(store: Store, dataDir: string): Promise<string[]> {
  const area = areaFromCatalogue(catalogueAt(dataDir), "2025", "52");
  if (!area) throw new Error("the catalogue has no province 52 in its 2025 tree");
  await setUpArea(store, area, SYSTEM());
  // Not the directive's campaign of Tây Sơn (the first migration's): Gia Lai's own.
  await store.startWithoutCampaign();
  const reports = readReports(join(dataDir, "demo", "gia-lai-2025-reports.csv"));
  await store.insertReports(reports);
  const drives = readDrives(join(dataDir, "demo", "gia-lai-2025-drives.csv"));
  await store.insertDrives(drives);
  await store.createCampaign(GIA_LAI_2025, true, SYSTEM());
  await store.updateReportingSettings({ due: DEFAULT_DUE, document: GIA_LAI_DOCUMENT }, SYSTEM());
  // The real shapes of its communes (data/README.md), read and simplified as an upload is.
  const zip = readFileSync(join(dataDir, "boundaries", "gia-lai-2025.zip"));
  const versions = (await store.unitHistory()).treeOn(REORGANISATION_2025).units;
  const { boundaries } = matchBoundaries(shapesForDisplay(readBoundaryFiles(zip)), versions);
  await store.saveBoundaries(boundaries, SYSTEM());
  return [
    `${area.units.length} units of ${area.home.name}`,
    `${reports.length} demo reports, ${drives.length} drives, the boundaries of ${boundaries.length} communes`,
  ];
}

/** The province demo's campaign: level 2 and linking, both 100% by the end of 2025. */
export const GIA_LAI_2025: Campaign = {
  ...DIRECTIVE_CAMPAIGN,
  name: "Gia Lai — định danh điện tử mức 2 và liên kết tài khoản, 100% trước 31/12/2025",
  start: "2025-09-06",
  deadline: "2025-12-31",
};

/** The province demo's weekly report: the provincial police (PC06) report to the province and the ministry. */
export const GIA_LAI_DOCUMENT: DocumentSettings = {
  parentBody: "BỘ CÔNG AN",
  issuer: "CÔNG AN TỈNH GIA LAI",
  symbol: "BC-PC06",
  place: "Gia Lai",
  signerTitle: "GIÁM ĐỐC",
  signerName: "",
  recipients: ["UBND tỉnh Gia Lai (để báo cáo)", "Cục C06 - Bộ Công an (để báo cáo)", "Lưu: VT, PC06"],
};

/** The weekly report's heading in the demo: Tây Sơn district police report to the district and the province. */
export const TAY_SON_DOCUMENT: DocumentSettings = {
  parentBody: "CÔNG AN TỈNH BÌNH ĐỊNH",
  issuer: "CÔNG AN HUYỆN TÂY SƠN",
  symbol: "BC-CAH",
  place: "Tây Sơn",
  signerTitle: "TRƯỞNG CÔNG AN HUYỆN",
  signerName: "",
  recipients: ["UBND huyện Tây Sơn (để báo cáo)", "Công an tỉnh Bình Định (để báo cáo)", "Lưu: VT, CAH"],
};

/** The second demo's campaign: every dual account holder of the 5 new communes linked by the end of 2025. */
export const LINKING_2025: Campaign = {
  ...DIRECTIVE_CAMPAIGN,
  name: "Liên kết tài khoản Cổng DVCQG với VNeID — 100% trước 31/12/2025",
  start: "2025-09-01",
  deadline: "2025-12-31",
};

export function readUnits(path: string): Unit[] {
  return readCsvRecords(path).map((row, i) => {
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

export function readReports(path: string): RecordedReport[] {
  return readCsvRecords(path).map((row, i) => {
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
    const recordedAt = row.recorded_at || undefined;
    if (recordedAt !== undefined && Number.isNaN(Date.parse(recordedAt)))
      throw new Error(`${where}: recorded_at ${JSON.stringify(recordedAt)} is not a time`);
    return {
      unitId: row.unit_code ?? "",
      date: row.date as string,
      population: count("population"),
      level2: count("level2"),
      dual: count("dual"),
      linked: count("linked"),
      ...(recordedAt ? { recordedAt } : {}),
    };
  });
}

export function readDrives(path: string): DriveInput[] {
  return readCsvRecords(path).map((row, i) => {
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
