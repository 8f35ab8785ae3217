import type Database from "better-sqlite3";
import type { Campaign } from "../domain/types.ts";

interface CampaignRow {
  name: string;
  start_date: string;
  deadline: string;
  target_coverage: number;
  target_linking: number;
  tolerance_points: number;
  stale_days: number;
  pace_window_days: number;
}

export function campaignStatements(db: Database.Database) {
  const get = db.prepare<[], CampaignRow>("SELECT * FROM campaign WHERE id = 1");
  const update = db.prepare(
    `UPDATE campaign SET name = @name, start_date = @start, deadline = @deadline, target_coverage = @coverage,
       target_linking = @linking, tolerance_points = @tolerancePoints, stale_days = @staleDays,
       pace_window_days = @paceWindowDays WHERE id = 1`,
  );
  return {
    update: (c: Campaign) => update.run({ ...c, coverage: c.targets.coverage, linking: c.targets.linking }),
    get: (): Campaign => {
      const row = get.get();
      if (!row) throw new Error("the campaign row is missing: the migrations were not applied");
      return {
        name: row.name,
        start: row.start_date,
        deadline: row.deadline,
        targets: { coverage: row.target_coverage, linking: row.target_linking },
        tolerancePoints: row.tolerance_points,
        staleDays: row.stale_days,
        paceWindowDays: row.pace_window_days,
      };
    },
  };
}
