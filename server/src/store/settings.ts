import { type Sql, statement } from "./sql/sql.ts";

/** The deployment's area as chosen from the web: a unit version (its code and validFrom). */
export interface Home {
  id: string;
  validFrom: string | null;
}

const GET = statement("SELECT home_unit, home_from FROM settings WHERE id = 1");
const SET = statement("UPDATE settings SET home_unit = @id, home_from = @validFrom WHERE id = 1");

export const settingStatements = {
  home: async (sql: Sql): Promise<Home | null> => {
    const row = await sql.get<{ home_unit: string | null; home_from: string | null }>(GET);
    if (!row?.home_unit) return null;
    return { id: row.home_unit, validFrom: row.home_from || null };
  },
  setHome: (sql: Sql, home: Home) => sql.run(SET, { id: home.id, validFrom: home.validFrom ?? "" }),
};
