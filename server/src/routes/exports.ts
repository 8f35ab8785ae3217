import { Hono } from "hono";
import { z } from "zod";
import { overviewOf, reportingUnitsOn } from "../domain/overview.ts";
import type { AppEnv } from "../env.ts";
import { toCsv, toXlsx } from "../exports/cells.ts";
import { FIGURES_HEADER, figuresRows, weeklySheets } from "../exports/figures-table.ts";
import type { Store } from "../store/store.ts";
import { isoDate, validQuery } from "../validation.ts";
import { assessmentInput } from "./assessment-input.ts";
import { unitNotFound } from "./units.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const query = z.object({ unit: z.string().min(1).optional(), date: isoDate.optional() });

const attachment = (name: string) => ({ "Content-Disposition": `attachment; filename="${name}"` });

export function exportRoutes(store: Store, homeUnit: string) {
  const load = (q: z.infer<typeof query>) => assessmentInput(store, q.unit ?? homeUnit, q.date);

  return new Hono<AppEnv>()
    .get("/reports.csv", validQuery(query), async (c) => {
      const { tree, unitId, date, campaign, histories } = await load(c.req.valid("query"));
      const rows = figuresRows(reportingUnitsOn(tree, unitId, histories, campaign, date));
      return c.body(toCsv(FIGURES_HEADER, rows), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        ...attachment(`so-lieu-${unitId}-${date}.csv`),
      });
    })
    .get("/reports.xlsx", validQuery(query), async (c) => {
      const { tree, unitId, date, campaign, histories } = await load(c.req.valid("query"));
      const rows = figuresRows(reportingUnitsOn(tree, unitId, histories, campaign, date));
      const body = await toXlsx([{ name: date, header: FIGURES_HEADER, rows }]);
      return c.body(body, 200, {
        "Content-Type": XLSX_TYPE,
        ...attachment(`so-lieu-${unitId}-${date}.xlsx`),
      });
    })
    .get("/history.csv", validQuery(query.pick({ unit: true })), async (c) => {
      const unitId = c.req.valid("query").unit ?? homeUnit;
      const tree = await store.unitTree();
      if (!tree.get(unitId)) throw unitNotFound(unitId);
      const units = tree.reportingUnitsUnder(unitId);
      const names = new Map(units.map((u) => [u.id, u.name]));
      const reports = await store.reportsUpTo(
        units.map((u) => u.id),
        "9999-12-31",
      );
      const rows = reports.map((r) => [
        r.unitId,
        names.get(r.unitId) ?? "",
        r.date,
        r.population,
        r.level2,
        r.dual,
        r.linked,
      ]);
      return c.body(
        toCsv(["unit_code", "unit_name", "date", "population", "level2", "dual", "linked"], rows),
        200,
        {
          "Content-Type": "text/csv; charset=utf-8",
          ...attachment(`lich-su-${unitId}.csv`),
        },
      );
    })
    .get("/weekly.xlsx", validQuery(query), async (c) => {
      const { tree, unitId, date, campaign, histories } = await load(c.req.valid("query"));
      const body = await toXlsx(
        weeklySheets(overviewOf(tree, unitId, histories, campaign, date), campaign.deadline),
      );
      return c.body(body, 200, {
        "Content-Type": XLSX_TYPE,
        ...attachment(`bao-cao-tuan-${unitId}-${date}.xlsx`),
      });
    });
}
