import { z } from "zod";
import { assess } from "../domain/assess.ts";
import type { Assessment, UnitState } from "../domain/assessment-types.ts";
import type { CampaignRecord } from "../domain/campaign.ts";
import { vietnamDate } from "../domain/dates.ts";
import { overviewFromStates } from "../domain/overview.ts";
import type { Unit } from "../domain/types.ts";
import { type Scope, scopeOf, withPredecessors } from "../domain/unit-history.ts";
import { ApiError, unitNotFound } from "../errors.ts";
import type { Store } from "../store/store.ts";

/** `?campaign=` on the figures endpoints: a past campaign, with its own dates and targets. */
export const campaignParam = z.coerce
  .number({ message: "must be a campaign id" })
  .int("must be a campaign id")
  .positive("must be a campaign id")
  .optional();

/** The campaign a request asks for (`?campaign=`), else the current one; a 404 for an unknown id. */
export async function campaignOf(store: Store, id: number | undefined): Promise<CampaignRecord> {
  if (id === undefined) return store.campaign();
  const found = (await store.campaigns()).find((c) => c.id === id);
  if (!found) {
    throw new ApiError(404, "CAMPAIGN_NOT_FOUND", `No campaign has the id ${id}.`, {
      field: "campaign",
      value: id,
    });
  }
  return found;
}

/**
 * The unit a request is about, read once (the units, and the area chosen from the web): the code
 * asked for, resolved on each date it is asked on (the version valid then, else the latest that
 * ended, else the first that begins after), or the deployment's area (the one chosen from the web,
 * else the HOME_UNIT setting). `on(date)` gives its scope (scopeOf); a 404 naming the code, or a 409
 * when no area has been chosen yet.
 */
export async function askedUnit(store: Store, code: string | undefined, homeUnit: string | null) {
  const history = await store.unitHistory();
  const home = code === undefined ? await store.home() : null;
  const chosen = home && history.versionsOf(home.id).find((v) => (v.validFrom ?? null) === home.validFrom);
  const versionOn = (date: string): Unit => {
    if (code !== undefined) {
      const found = history.resolve(code, date);
      if (!found) throw unitNotFound(code);
      return found.unit;
    }
    const version = chosen ?? (homeUnit === null ? undefined : history.resolve(homeUnit, date)?.unit);
    if (!version) {
      throw new ApiError(
        409,
        "NO_AREA",
        "No area has been chosen for this deployment yet: an admin chooses it in Settings.",
      );
    }
    return version;
  };
  return { history, on: (date: string): Scope => scopeOf(history, versionOn(date), date) };
}

/**
 * What assessing a unit on a date needs: the unit and the units its figures are made of (scopeOf),
 * the date (default: the latest report among them, else today in Vietnam), the campaign and each
 * reporting unit's state.
 */
export async function assessmentInput(
  store: Store,
  request: { unit?: string; date?: string; campaign?: number },
  homeUnit: string | null,
  now: () => number,
) {
  const asked = await askedUnit(store, request.unit, homeUnit);
  const history = asked.history;
  const campaign = await campaignOf(store, request.campaign);
  let date = request.date ?? vietnamDate(now());
  let scope = asked.on(date);
  if (request.date === undefined) {
    const units = scope.tree.reportingUnitsUnder(scope.unit.id);
    const latest = await store.latestReportDate(units.map((u) => u.id));
    if (latest && latest < date) {
      date = latest;
      scope = asked.on(date);
    }
  }
  const units = scope.tree.reportingUnitsUnder(scope.unit.id);
  const states = await store.reportingStates(history, units, campaign, date);
  return { history, scope, tree: scope.tree, unitId: scope.unit.id, date, campaign, states };
}

/** The overview of the unit an assessment input is about, on its date. */
export const overviewOfInput = (input: Awaited<ReturnType<typeof assessmentInput>>) =>
  overviewFromStates(input.tree, input.unitId, input.states, input.campaign, input.date);
/** The codes of the area's communes today and of every commune they were formed from. */
export async function areaCodes(
  store: Store,
  homeUnit: string | null,
  now: () => number,
): Promise<Set<string>> {
  const { history, on } = await askedUnit(store, undefined, homeUnit);
  const scope = on(vietnamDate(now()));
  const versions = withPredecessors(history, scope.tree.reportingUnitsUnder(scope.unit.id));
  return new Set([...versions.values()].map((u) => u.id));
}

/**
 * Each reporting unit's assessment on the input's date, as reportingUnitsOn, with the assessments
 * kept per unit (and with them their flags' sentences): an export of a country's 10,000 communes
 * after one commune's report was revised assesses that commune only.
 */
export function keptUnitLines(store: Store) {
  const kept = store.perUnitCache<Assessment>(4);
  return async (input: Awaited<ReturnType<typeof assessmentInput>>) => {
    const { known, keep } = await kept.open(`${input.date}|${input.campaign.id}`);
    return input.tree.reportingUnitsUnder(input.unitId).map((unit) => {
      let assessment = known.get(unit.id);
      if (!assessment) {
        assessment = assess(input.states.get(unit.id) as UnitState, input.campaign, input.date, false);
        keep(unit.id, assessment);
      }
      return { unit, ...assessment };
    });
  };
}
