import { catalogueAt } from "../catalogue/catalogue.ts";
import { ApiError } from "../errors.ts";
import type { Store } from "../store/store.ts";
import { assessmentInput } from "./assessment-input.ts";

/**
 * What a new process does before it listens: the state of every commune of the deployment's area on
 * its latest report date (what the overview opens on, for the area and every unit in it) computed
 * in one pass, and the national catalogue read (the overview's map centres). So the first answer of
 * a process that just started (a restart, one of WORKERS) is as fast as a later one: for a country
 * of 10,000 communes this takes about half a second at start instead of in a user's request.
 * Null when there is nothing to compute (no area chosen yet).
 */
export async function warmUp(
  store: Store,
  homeUnit: string | null,
  dataDir: string,
  now: () => number,
): Promise<{ communes: number; date: string } | null> {
  catalogueAt(dataDir);
  try {
    const input = await assessmentInput(store, {}, homeUnit, now);
    return { communes: input.states.size, date: input.date };
  } catch (error) {
    if (error instanceof ApiError && error.code === "NO_AREA") return null;
    throw error;
  }
}
