// The province demo (DEMO_DATA=gia-lai-2025): illustrative weekly reports and drives for the 135
// communes of the new Gia Lai, made by a seeded generator so that every machine writes the same files.
import { addDays } from "../server/src/domain/dates.ts";
import type { DriveInput } from "../server/src/domain/drives.ts";
import type { Report, UnitKind } from "../server/src/domain/types.ts";
import type { RecordedReport } from "../server/src/store/reports.ts";
import { seededRandom } from "./demo-data.ts";

/** The Saturdays reported: eight weeks of the autumn 2025 campaign. */
export const PROVINCE_FIRST_DATE = "2025-09-06";
export const PROVINCE_WEEKS = 8;

interface Plan {
  id: string;
  population: number;
  startRate: number;
  /** The share of the population gained each week. */
  weeklyGain: number;
  /** After this week the commune gains almost nothing (a stall), or never. */
  stallWeek: number | null;
  dualShare: number;
  linkStart: number;
  /** The share of dual holders linked added each week. */
  linkGrowth: number;
  missed: number[];
  /** How often its week is recorded after the due time. */
  lateChance: number;
}

/**
 * Each commune's course, from its code: most climb steadily towards the target, about one in eight
 * lags (a third of the pace needed), one in twelve stalls after a month; one in sixteen has not sent
 * the last week, one in twenty-five missed a week in between; highland communes ("Ia …", "Kon …",
 * "Krông …") are more often late.
 */
function planOf(unit: { id: string; name: string; kind: UnitKind }): Plan {
  const random = seededRandom(Number(unit.id) * 7_919 + 2_025);
  const ward = unit.kind === "ward";
  const population = Math.round((ward ? 14_000 + random() * 22_000 : 5_000 + random() * 17_000) / 10) * 10;
  const startRate = 0.58 + random() * 0.27;
  const needed = (0.995 - startRate) / (10 + random() * 8);
  const kind = random();
  const highland = /^(Xã )?(Ia|Kon|Krông|Đak|Chư|Kông)/.test(unit.name);
  const missedRoll = random();
  return {
    id: unit.id,
    population,
    startRate,
    weeklyGain: kind < 0.12 ? needed / 3 : needed * (0.9 + random() * 0.3),
    stallWeek: kind >= 0.12 && kind < 0.2 ? 3 + Math.floor(random() * 2) : null,
    dualShare: 0.55 + random() * 0.17,
    linkStart: 0.25 + random() * 0.2,
    linkGrowth: 0.035 + random() * 0.03,
    missed:
      missedRoll < 0.0625 ? [PROVINCE_WEEKS - 1] : missedRoll < 0.1 ? [2 + Math.floor(random() * 4)] : [],
    lateChance: highland ? 0.3 : 0.07,
  };
}

export function generateProvinceReports(
  communes: readonly { id: string; name: string; kind: UnitKind }[],
): RecordedReport[] {
  const reports: RecordedReport[] = [];
  for (const unit of communes) {
    const plan = planOf(unit);
    const random = seededRandom(Number(unit.id) * 104_729 + 9);
    let level2 = Math.round(plan.population * plan.startRate);
    let linked = Math.round(level2 * plan.dualShare * plan.linkStart);
    for (let k = 0; k < PROVINCE_WEEKS; k++) {
      if (k > 0) {
        const stalled = plan.stallWeek !== null && k > plan.stallWeek;
        const gain = stalled ? random() * 3 : plan.population * plan.weeklyGain * (0.8 + 0.4 * random());
        level2 = Math.min(plan.population, level2 + Math.round(gain));
      }
      const dual = Math.round(level2 * plan.dualShare);
      const linkShare = Math.min(0.98, plan.linkStart + plan.linkGrowth * k);
      linked = Math.min(dual, Math.max(linked, Math.round(dual * linkShare)));
      if (plan.missed.includes(k)) continue;
      const date = addDays(PROVINCE_FIRST_DATE, 7 * k);
      reports.push({
        unitId: unit.id,
        date,
        population: plan.population,
        level2,
        dual,
        linked,
        recordedAt: recordedAt(date, random() < plan.lateChance, random()),
      });
    }
  }
  return reports.sort((a, b) => a.date.localeCompare(b.date) || a.unitId.localeCompare(b.unitId));
}

/** On time: Saturday 16:00 to Monday 11:30 (Vietnam); late: Monday 13:00 to Tuesday 18:00. */
function recordedAt(saturday: string, late: boolean, at: number): string {
  const minutes = late ? 2 * 1440 + 780 + Math.floor(at * 1740) : 960 + Math.floor(at * 2610);
  return new Date(Date.parse(`${saturday}T00:00:00+07:00`) + minutes * 60_000).toISOString();
}

/**
 * Drives in the communes furthest below the target on the last week: one held in the sixth week
 * with its results (a share of that week's gain), one planned for the Tuesday after the last report.
 */
export function generateProvinceDrives(
  reports: readonly Report[],
  names: ReadonlyMap<string, string>,
): DriveInput[] {
  const last = addDays(PROVINCE_FIRST_DATE, 7 * (PROVINCE_WEEKS - 1));
  const latest = reports
    .filter((r) => r.date === last)
    .sort((a, b) => a.level2 / a.population - b.level2 / b.population);
  const drives: DriveInput[] = [];
  for (const report of latest.slice(0, 12)) {
    const week5 = reports.find((r) => r.unitId === report.unitId && r.date === addDays(last, -14));
    const week6 = reports.find((r) => r.unitId === report.unitId && r.date === addDays(last, -7));
    const gain = week5 && week6 ? Math.max(0, week6.level2 - week5.level2) : 0;
    const team = `Đoàn Thanh niên ${names.get(report.unitId) ?? report.unitId}`;
    drives.push({
      unitId: report.unitId,
      villageId: null,
      date: addDays(last, -9),
      startTime: "07:30",
      endTime: "11:30",
      team,
      planned: Math.max(40, Math.round(gain * 0.6)),
      status: "done",
      registrations: Math.round(gain * 0.4),
      linked: Math.round(gain * 0.15),
      notes: "Tổ chức tại nhà văn hóa thôn, phối hợp Công an xã",
    });
    drives.push({
      unitId: report.unitId,
      villageId: null,
      date: addDays(last, 3),
      startTime: "07:30",
      endTime: "16:30",
      team,
      planned: Math.round(report.population * 0.01),
      status: "planned",
      registrations: null,
      linked: null,
      notes: "Lưu động tới các thôn xa",
    });
  }
  return drives;
}
