import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addDays, dayNumber } from "../server/src/domain/dates.ts";
import type { DriveInput, DriveStatus } from "../server/src/domain/drives.ts";
import type { Report, Unit } from "../server/src/domain/types.ts";
import type { RecordedReport } from "../server/src/store/reports.ts";

/**
 * The Tây Sơn demo: weekly reports for the 15 communes from 03/02/2024 to 29/06/2024.
 * Only the district totals of 03/02/2024 are real (80,272 of 122,204, from the directive; the dual
 * and linked totals are illustrative); how they split by commune and everything after is invented.
 */

export const FIRST_DATE = "2024-02-03";
export const WEEKS = 22; // 03/02 … 29/06
export const DISTRICT_TOTALS = { population: 122_204, level2: 80_272, dual: 51_230, linked: 20_114 };

/** Official names by code, from the committed units file. */
const UNIT_NAMES: [string, string][] = readFileSync(
  join(import.meta.dirname, "..", "data", "units.csv"),
  "utf8",
)
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",") as [string, string]);

type Profile =
  /** Reaches 100% in week `reachWeek`, faster early on. */
  | { kind: "steady"; reachWeek: number }
  /** Grows slowly and ends the campaign at `finalRate`. */
  | { kind: "lagging"; finalRate: number }
  /** Keeps up until `stallWeek`, then hardly moves. */
  | { kind: "stalling"; reachWeek: number; stallWeek: number };

interface CommunePlan {
  code: string;
  population: number;
  startRate: number;
  profile: Profile;
  /** dual / level2, and linked / dual at the start and at the end. */
  dualShare: number;
  linkStart: number;
  linkEnd: number;
  /** Week numbers (0 = 03/02) with no report. */
  missedWeeks?: number[];
}

export const COMMUNES: CommunePlan[] = [
  {
    code: "21808",
    population: 19_870,
    startRate: 0.76,
    profile: { kind: "steady", reachWeek: 15 },
    dualShare: 0.7,
    linkStart: 0.45,
    linkEnd: 0.995,
  },
  {
    code: "21811",
    population: 6_120,
    startRate: 0.72,
    profile: { kind: "steady", reachWeek: 17 },
    dualShare: 0.64,
    linkStart: 0.41,
    linkEnd: 0.99,
  },
  {
    code: "21814",
    population: 4_310,
    startRate: 0.6,
    profile: { kind: "steady", reachWeek: 19 },
    dualShare: 0.6,
    linkStart: 0.36,
    linkEnd: 0.9,
  },
  {
    code: "21817",
    population: 7_460,
    startRate: 0.68,
    profile: { kind: "steady", reachWeek: 18 },
    dualShare: 0.63,
    linkStart: 0.4,
    linkEnd: 0.97,
  },
  {
    code: "21820",
    population: 7_890,
    startRate: 0.63,
    profile: { kind: "steady", reachWeek: 19 },
    dualShare: 0.62,
    linkStart: 0.38,
    linkEnd: 0.92,
  },
  {
    code: "21823",
    population: 8_140,
    startRate: 0.7,
    profile: { kind: "steady", reachWeek: 18 },
    dualShare: 0.64,
    linkStart: 0.4,
    linkEnd: 0.98,
    missedWeeks: [9, 10, 11],
  },
  {
    code: "21826",
    population: 7_350,
    startRate: 0.71,
    profile: { kind: "steady", reachWeek: 16 },
    dualShare: 0.65,
    linkStart: 0.42,
    linkEnd: 0.995,
  },
  {
    code: "21829",
    population: 9_020,
    startRate: 0.67,
    profile: { kind: "steady", reachWeek: 18 },
    dualShare: 0.63,
    linkStart: 0.39,
    linkEnd: 0.95,
  },
  {
    code: "21832",
    population: 7_680,
    startRate: 0.69,
    profile: { kind: "steady", reachWeek: 17 },
    dualShare: 0.64,
    linkStart: 0.4,
    linkEnd: 0.99,
  },
  {
    code: "21835",
    population: 9_540,
    startRate: 0.57,
    profile: { kind: "lagging", finalRate: 0.885 },
    dualShare: 0.58,
    linkStart: 0.33,
    linkEnd: 0.7,
  },
  {
    code: "21838",
    population: 6_210,
    startRate: 0.65,
    profile: { kind: "steady", reachWeek: 19 },
    dualShare: 0.62,
    linkStart: 0.37,
    linkEnd: 0.93,
  },
  {
    code: "21841",
    population: 3_160,
    startRate: 0.52,
    profile: { kind: "stalling", reachWeek: 20, stallWeek: 10 },
    dualShare: 0.55,
    linkStart: 0.3,
    linkEnd: 0.62,
  },
  {
    code: "21844",
    population: 8_020,
    startRate: 0.62,
    profile: { kind: "steady", reachWeek: 20 },
    dualShare: 0.61,
    linkStart: 0.37,
    linkEnd: 0.9,
  },
  {
    code: "21847",
    population: 9_870,
    startRate: 0.73,
    profile: { kind: "steady", reachWeek: 16 },
    dualShare: 0.66,
    linkStart: 0.43,
    linkEnd: 0.995,
  },
  {
    code: "21850",
    population: 7_564,
    startRate: 0.55,
    profile: { kind: "lagging", finalRate: 0.86 },
    dualShare: 0.57,
    linkStart: 0.32,
    linkEnd: 0.66,
  },
];

/** mulberry32: a small seeded generator, so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The smooth level-2 path of a commune in week k, before noise. */
function plannedLevel2(plan: CommunePlan, start: number, k: number): number {
  const { population } = plan;
  const steadyPath = (reachWeek: number, week: number) =>
    week >= reachWeek ? population : population - (population - start) * (1 - week / reachWeek) ** 1.3;
  switch (plan.profile.kind) {
    case "steady":
      return steadyPath(plan.profile.reachWeek, k);
    case "lagging":
      return start + (plan.profile.finalRate * population - start) * (k / (WEEKS - 1)) ** 0.9;
    case "stalling": {
      const atStall = steadyPath(plan.profile.reachWeek, plan.profile.stallWeek);
      return k <= plan.profile.stallWeek
        ? steadyPath(plan.profile.reachWeek, k)
        : atStall + 1.5 * (k - plan.profile.stallWeek);
    }
  }
}

/** Splits `total` over the communes by `share`, rounding, with the remainder on the largest commune. */
function exactSplit(raw: number[], total: number): number[] {
  const rounded = raw.map(Math.round);
  const largest = raw.indexOf(Math.max(...raw));
  rounded[largest] = (rounded[largest] as number) + total - rounded.reduce((s, v) => s + v, 0);
  return rounded;
}

export function generateDemoReports(): Report[] {
  const random = seededRandom(20_240_203);
  const scale =
    DISTRICT_TOTALS.level2 / COMMUNES.reduce((sum, plan) => sum + plan.startRate * plan.population, 0);
  const startLevel2 = exactSplit(
    COMMUNES.map((plan) => plan.startRate * scale * plan.population),
    DISTRICT_TOTALS.level2,
  );
  const startDual = exactSplit(
    COMMUNES.map((plan, i) => (startLevel2[i] as number) * plan.dualShare),
    DISTRICT_TOTALS.dual,
  );
  const startLinked = exactSplit(
    COMMUNES.map((plan, i) => (startDual[i] as number) * plan.linkStart),
    DISTRICT_TOTALS.linked,
  );

  const reports: Report[] = [];
  COMMUNES.forEach((plan, i) => {
    const start = startLevel2[i] as number;
    // Offsets keep the exact district totals of the first week while the shares drive the rest.
    const dualOffset = (startDual[i] as number) - Math.round(start * plan.dualShare);
    const linkedOffset = (startLinked[i] as number) - Math.round((startDual[i] as number) * plan.linkStart);
    let level2 = start;
    let linked = startLinked[i] as number;
    for (let k = 0; k < WEEKS; k++) {
      if (k > 0) {
        const step = plannedLevel2(plan, start, k) - plannedLevel2(plan, start, k - 1);
        level2 = Math.min(plan.population, level2 + Math.max(0, Math.round(step * (0.85 + 0.3 * random()))));
        if (plan.profile.kind === "steady" && k >= plan.profile.reachWeek) level2 = plan.population;
      }
      const dual = Math.min(level2, Math.round(level2 * plan.dualShare) + dualOffset);
      const linkShare = plan.linkStart + ((plan.linkEnd - plan.linkStart) * k) / (WEEKS - 1);
      if (k > 0) linked = Math.max(linked, Math.min(dual, Math.round(dual * linkShare) + linkedOffset));
      if (plan.missedWeeks?.includes(k)) continue;
      reports.push({
        unitId: plan.code,
        date: addDays(FIRST_DATE, 7 * k),
        population: plan.population,
        level2,
        dual,
        linked,
      });
    }
  });
  return reports.sort((a, b) => a.date.localeCompare(b.date) || a.unitId.localeCompare(b.unitId));
}

export function reportsToCsv(
  reports: readonly RecordedReport[],
  unitNames: ReadonlyMap<string, string>,
): string {
  const header = "unit_code,unit_name,date,population,level2,dual,linked,recorded_at";
  const lines = reports.map((r) =>
    [
      r.unitId,
      unitNames.get(r.unitId) ?? "",
      r.date,
      r.population,
      r.level2,
      r.dual,
      r.linked,
      r.recordedAt ?? "",
    ].join(","),
  );
  return `${[header, ...lines].join("\n")}\n`;
}

/** The communes that often send their week late (the stalling and the lagging ones). */
const OFTEN_LATE = new Set(["21841", "21850", "21835"]);

/**
 * When each weekly report (dated a Saturday) was recorded: most between Saturday 16:00 and Monday
 * 11:30 in Vietnam (on time for the Monday-noon deadline), some on Monday afternoon to Tuesday
 * evening (late) — more often so in the communes of OFTEN_LATE. Deterministic per unit and date.
 */
export function withRecordingTimes(reports: readonly Report[]): RecordedReport[] {
  return reports.map((report) => {
    const random = seededRandom(Number(report.unitId) * 100_003 + dayNumber(report.date));
    const late = random() < (OFTEN_LATE.has(report.unitId) ? 0.35 : 0.08);
    // Minutes after Saturday 00:00 in Vietnam: on time from 16:00 Sat to 11:30 Mon, late from 13:00 Mon to 18:00 Tue.
    const minutes = late ? 2 * 1440 + 780 + Math.floor(random() * 1740) : 960 + Math.floor(random() * 2610);
    const instant = Date.parse(`${report.date}T00:00:00+07:00`) + minutes * 60_000;
    return { ...report, recordedAt: new Date(instant).toISOString() };
  });
}

/** Illustrative villages (thôn; khối in the town): three or four per commune, with made-up 7-digit codes (the commune code and a number). */
export function generateDemoVillages(): Unit[] {
  return COMMUNES.flatMap((plan, i) => {
    const count = 3 + (i % 2);
    const word = plan.code === "21808" ? "Khối" : "Thôn";
    return Array.from({ length: count }, (_, v) => ({
      id: `${plan.code}${String(v + 1).padStart(2, "0")}`,
      name: `${word} ${v + 1}`,
      kind: "village" as const,
      parentId: plan.code,
    }));
  });
}

interface DrivePlan {
  code: string;
  /** Days after 03/02/2024. */
  day: number;
  status: DriveStatus;
}

/** About 25 drives, most in the lagging communes; three still planned for the last days before the deadline. */
const DRIVE_PLANS: DrivePlan[] = [
  ...[45, 66, 87, 108, 129, 143].map((day) => ({ code: "21850", day, status: "done" as const })),
  ...[52, 73, 94, 115, 136].map((day) => ({ code: "21835", day, status: "done" as const })),
  ...[80, 101, 122, 140].map((day) => ({ code: "21841", day, status: "done" as const })),
  { code: "21841", day: 59, status: "done" },
  { code: "21814", day: 38, status: "done" },
  { code: "21820", day: 61, status: "done" },
  { code: "21844", day: 82, status: "done" },
  { code: "21838", day: 96, status: "done" },
  { code: "21835", day: 31, status: "cancelled" },
  { code: "21850", day: 117, status: "cancelled" },
  { code: "21850", day: 148, status: "planned" },
  { code: "21835", day: 148, status: "planned" },
  { code: "21841", day: 148, status: "planned" },
];

/** The drives, with results consistent with the weekly reports around them. */
export function generateDemoDrives(reports: readonly Report[]): DriveInput[] {
  const random = seededRandom(20_240_701);
  const villages = generateDemoVillages();
  const names = new Map(UNIT_NAMES);
  return DRIVE_PLANS.map((plan, i): DriveInput => {
    const date = addDays(FIRST_DATE, plan.day);
    const own = reports.filter((r) => r.unitId === plan.code);
    const before = [...own].reverse().find((r) => r.date <= date);
    const after = own.find((r) => r.date > date);
    const gained = before && after ? after.level2 - before.level2 : 0;
    const linkedGained = before && after ? after.linked - before.linked : 0;
    const registrations = Math.round(gained * (0.35 + 0.25 * random()));
    const planned = Math.max(20, Math.round(((registrations || 60) * (0.8 + 0.5 * random())) / 10) * 10);
    const mine = villages.filter((v) => v.parentId === plan.code);
    const village = mine[i % mine.length] as Unit;
    const morning = random() < 0.6;
    return {
      unitId: plan.code,
      villageId: village.id,
      date,
      startTime: morning ? "07:30" : "13:30",
      endTime: morning ? "11:00" : "17:00",
      team:
        i % 3 === 0
          ? "Huyện đoàn Tây Sơn"
          : `Đoàn xã ${(names.get(plan.code) ?? "").replace(/^(Xã|Thị trấn) /, "")}`,
      planned,
      status: plan.status,
      registrations: plan.status === "done" ? registrations : null,
      linked:
        plan.status === "done"
          ? Math.min(registrations, Math.round(linkedGained * (0.2 + 0.2 * random())))
          : null,
      notes: plan.status === "cancelled" ? "Hoãn do mưa lớn" : "",
    };
  });
}

export function villagesToCsv(villages: readonly Unit[]): string {
  const lines = villages.map((v) => [v.id, v.name, v.kind, v.parentId].join(","));
  return `${["code,name,kind,parent_code", ...lines].join("\n")}\n`;
}

export function drivesToCsv(drives: readonly DriveInput[]): string {
  const header =
    "unit_code,village_code,date,start_time,end_time,team,planned,status,registrations,linked,notes";
  const lines = drives.map((d) =>
    [
      d.unitId,
      d.villageId ?? "",
      d.date,
      d.startTime ?? "",
      d.endTime ?? "",
      d.team,
      d.planned,
      d.status,
      d.registrations ?? "",
      d.linked ?? "",
      d.notes,
    ]
      .map(csvCell)
      .join(","),
  );
  return `${[header, ...lines].join("\n")}\n`;
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
const csvCell = (value: string | number) =>
  /[",\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value);

/**
 * "Tây Sơn after the reorganisation": from 01/07/2025 the district's 15 units are 5 communes of Gia
 * Lai (real, from the merger table); a linking campaign runs from 01/09/2025 to 31/12/2025. Their
 * weekly reports from 05/07/2025 to 27/12/2025 are invented: each starts from its predecessors' last
 * 2024 figures (a little more population, the laggards' level-2 accounts caught up) and links
 * accounts at its own speed — Bình Phú lags, Bình Khê misses two weeks in October.
 */
export const REORGANISED_FIRST_DATE = "2025-07-05";
export const REORGANISED_WEEKS = 26; // 05/07 … 27/12/2025

interface SuccessorPlan {
  code: string;
  from: string[];
  /** linked / dual at the end of the year. */
  linkEnd: number;
  missedWeeks?: number[];
}

export const SUCCESSORS: SuccessorPlan[] = [
  { code: "21808", from: ["21808", "21844", "21847"], linkEnd: 1 },
  { code: "21817", from: ["21811", "21817", "21826"], linkEnd: 1 },
  { code: "21820", from: ["21814", "21820"], linkEnd: 0.96, missedWeeks: [14, 15] },
  { code: "21829", from: ["21823", "21829", "21832", "21838"], linkEnd: 1 },
  { code: "21835", from: ["21835", "21841", "21850"], linkEnd: 0.82 },
];

export function generateReorganisedReports(reports2024: readonly Report[]): Report[] {
  const last = new Map<string, Report>();
  for (const report of reports2024) last.set(report.unitId, report);
  const reports: Report[] = [];
  for (const plan of SUCCESSORS) {
    const sum = { population: 0, level2: 0, dual: 0, linked: 0 };
    for (const code of plan.from) {
      const report = last.get(code) as Report;
      for (const field of ["population", "level2", "dual", "linked"] as const) sum[field] += report[field];
    }
    const population = Math.round(sum.population * 1.012);
    const level2Start = Math.max(sum.level2, Math.round(population * 0.985));
    const dualStart = sum.dual;
    // Services moving online bring new portal accounts: dual grows by a third over the half year.
    const dualEnd = Math.min(level2Start, Math.round(dualStart * 1.33));
    const linkedEnd = Math.round(dualEnd * plan.linkEnd);
    for (let k = 0; k < REORGANISED_WEEKS; k++) {
      const progress = k / (REORGANISED_WEEKS - 1);
      const level2 = Math.min(
        population,
        level2Start + Math.round((population - level2Start) * Math.min(1, 2 * progress)),
      );
      const dual = Math.min(
        level2,
        dualStart + Math.round((dualEnd - dualStart) * Math.min(1, 1.6 * progress)),
      );
      const linked = Math.min(dual, sum.linked + Math.round((linkedEnd - sum.linked) * progress ** 1.3));
      if (plan.missedWeeks?.includes(k)) continue;
      reports.push({
        unitId: plan.code,
        date: addDays(REORGANISED_FIRST_DATE, 7 * k),
        population,
        level2,
        dual,
        linked,
      });
    }
  }
  return reports.sort((a, b) => a.date.localeCompare(b.date) || a.unitId.localeCompare(b.unitId));
}
