import type { Campaign } from "../domain/types.ts";
import { type Sql, statement } from "./sql/sql.ts";

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

const GET = statement("SELECT * FROM campaign WHERE id = 1");
const UPDATE = statement(
  `UPDATE campaign SET name = @name, start_date = @start, deadline = @deadline, target_coverage = @coverage,
     target_linking = @linking, tolerance_points = @tolerancePoints, stale_days = @staleDays,
     pace_window_days = @paceWindowDays WHERE id = 1`,
);

export const campaignStatements = {
  update: (sql: Sql, c: Campaign) =>
    sql.run(UPDATE, {
      name: c.name,
      start: c.start,
      deadline: c.deadline,
      coverage: c.targets.coverage,
      linking: c.targets.linking,
      tolerancePoints: c.tolerancePoints,
      staleDays: c.staleDays,
      paceWindowDays: c.paceWindowDays,
    }),
  get: async (sql: Sql): Promise<Campaign> => {
    const row = await sql.get<CampaignRow>(GET);
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
