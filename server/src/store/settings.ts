import type { DueRule } from "../domain/reporting-weeks.ts";
import type { DocumentHeading } from "../domain/weekly-document.ts";
import { type Sql, statement } from "./sql/sql.ts";

/** The heading and signature of the weekly report as the office sends it (domain/weekly-document.ts). */
export type DocumentSettings = DocumentHeading;

export const EMPTY_DOCUMENT: DocumentSettings = {
  parentBody: "",
  issuer: "",
  symbol: "BC",
  place: "",
  signerTitle: "",
  signerName: "",
  recipients: [],
};

export interface ReportingSettings {
  due: DueRule;
  document: DocumentSettings;
}

/** The deployment's area as chosen from the web: a unit version (its code and validFrom). */
export interface Home {
  id: string;
  validFrom: string | null;
}

const GET = statement("SELECT home_unit, home_from FROM settings WHERE id = 1");
const SET = statement("UPDATE settings SET home_unit = @id, home_from = @validFrom WHERE id = 1");

const REPORTING = statement("SELECT due_days, due_time, document FROM settings WHERE id = 1");
const SET_REPORTING = statement(
  "UPDATE settings SET due_days = @days, due_time = @time, document = @document WHERE id = 1",
);

/** Who must sign in with a second factor: roles with write or approval rights (admin by default). */
export interface SecuritySettings {
  secondFactorRoles: ("admin" | "police")[];
}

const SECURITY = statement("SELECT second_factor_roles FROM settings WHERE id = 1");
const SET_SECURITY = statement("UPDATE settings SET second_factor_roles = @roles WHERE id = 1");

export const settingStatements = {
  security: async (sql: Sql): Promise<SecuritySettings> => {
    const row = await sql.get<{ second_factor_roles: string }>(SECURITY);
    if (!row) throw new Error("the settings row is missing: the migrations were not applied");
    return {
      secondFactorRoles: JSON.parse(row.second_factor_roles) as SecuritySettings["secondFactorRoles"],
    };
  },
  setSecurity: (sql: Sql, next: SecuritySettings) =>
    sql.run(SET_SECURITY, { roles: JSON.stringify([...next.secondFactorRoles].sort()) }),
  reporting: async (sql: Sql): Promise<ReportingSettings> => {
    const row = await sql.get<{ due_days: number; due_time: string; document: string }>(REPORTING);
    if (!row) throw new Error("the settings row is missing: the migrations were not applied");
    return {
      due: { days: Number(row.due_days), time: row.due_time },
      document: { ...EMPTY_DOCUMENT, ...(JSON.parse(row.document) as Partial<DocumentSettings>) },
    };
  },
  setReporting: (sql: Sql, settings: ReportingSettings) =>
    sql.run(SET_REPORTING, {
      days: settings.due.days,
      time: settings.due.time,
      document: JSON.stringify(settings.document),
    }),
  home: async (sql: Sql): Promise<Home | null> => {
    const row = await sql.get<{ home_unit: string | null; home_from: string | null }>(GET);
    if (!row?.home_unit) return null;
    return { id: row.home_unit, validFrom: row.home_from || null };
  },
  setHome: (sql: Sql, home: Home) => sql.run(SET, { id: home.id, validFrom: home.validFrom ?? "" }),
};
