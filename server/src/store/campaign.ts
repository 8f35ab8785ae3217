import type { CampaignRecord } from "../domain/campaign.ts";
import type { Campaign } from "../domain/types.ts";
import { type Sql, statement } from "./sql/sql.ts";

interface CampaignRow {
  id: number;
  name: string;
  start_date: string;
  deadline: string;
  target_coverage: number;
  target_linking: number;
  tolerance_points: number;
  stale_days: number;
  pace_window_days: number;
}

const ALL = statement("SELECT * FROM campaigns ORDER BY start_date, id");
const CURRENT = statement(
  "SELECT c.* FROM campaigns c JOIN settings s ON s.campaign_id = c.id WHERE s.id = 1",
);
const ONE = statement("SELECT * FROM campaigns WHERE id = @id");
const COLUMNS = `name = @name, start_date = @start, deadline = @deadline, target_coverage = @coverage,
  target_linking = @linking, tolerance_points = @tolerancePoints, stale_days = @staleDays,
  pace_window_days = @paceWindowDays`;
const UPDATE = statement(`UPDATE campaigns SET ${COLUMNS} WHERE id = @id`);
const INSERT = statement(
  `INSERT INTO campaigns (id, name, start_date, deadline, target_coverage, target_linking, tolerance_points,
     stale_days, pace_window_days)
   SELECT coalesce(max(id), 0) + 1, @name, @start, @deadline, @coverage, @linking, @tolerancePoints,
     @staleDays, @paceWindowDays FROM campaigns RETURNING id`,
);
const MAKE_CURRENT = statement("UPDATE settings SET campaign_id = @id WHERE id = 1");
// Only while the first migration's campaign (id 1) is the only one: an admin's own is never touched.
const ONLY_THE_FIRST = "NOT EXISTS (SELECT 1 FROM campaigns WHERE id <> 1)";
const NONE = statement(
  `UPDATE settings SET campaign_id = NULL WHERE id = 1 AND campaign_id = 1 AND ${ONLY_THE_FIRST}`,
);
const UNUSED = statement(`DELETE FROM campaigns WHERE id = 1 AND ${ONLY_THE_FIRST}`);

const params = (c: Campaign) => ({
  name: c.name,
  start: c.start,
  deadline: c.deadline,
  coverage: c.targets.coverage,
  linking: c.targets.linking,
  tolerancePoints: c.tolerancePoints,
  staleDays: c.staleDays,
  paceWindowDays: c.paceWindowDays,
});

const toCampaign = (row: CampaignRow): CampaignRecord => ({
  id: Number(row.id),
  name: row.name,
  start: row.start_date,
  deadline: row.deadline,
  targets: { coverage: row.target_coverage, linking: row.target_linking },
  tolerancePoints: row.tolerance_points,
  staleDays: row.stale_days,
  paceWindowDays: row.pace_window_days,
});

/** A deployment set up without the demo has no campaign until its admin makes one. */
export class NoCampaign extends Error {
  constructor() {
    super("No campaign has been made for this deployment yet: an admin creates one in Settings.");
  }
}

export const campaignStatements = {
  all: async (sql: Sql) => (await sql.all<CampaignRow>(ALL)).map(toCampaign),
  /** The current campaign; null until a deployment set up without the demo makes one. */
  current: async (sql: Sql): Promise<CampaignRecord | null> => {
    const row = await sql.get<CampaignRow>(CURRENT);
    return row ? toCampaign(row) : null;
  },
  one: async (sql: Sql, id: number) => {
    const row = await sql.get<CampaignRow>(ONE, { id });
    return row ? toCampaign(row) : undefined;
  },
  update: (sql: Sql, id: number, c: Campaign) => sql.run(UPDATE, { ...params(c), id }),
  insert: async (sql: Sql, c: Campaign): Promise<number> =>
    Number((await sql.get<{ id: number }>(INSERT, params(c)))?.id),
  makeCurrent: (sql: Sql, id: number) => sql.run(MAKE_CURRENT, { id }),
  /** Forgets the campaign the first migration made while it is the only one (a deployment set up without the demo). */
  none: async (sql: Sql) => {
    await sql.run(NONE);
    await sql.run(UNUSED);
  },
};
