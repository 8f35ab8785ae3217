import { ApiError } from "../errors.ts";
import type { UnitChangeReads } from "../store/areas/units.ts";
import type { Actor, Store } from "../store/store.ts";
import type { Catalogue } from "./catalogue.ts";
import {
  endingCommunes,
  type LateReportsPlan,
  type LateResolution,
  planLateReports,
} from "./late-reports.ts";
import { planReorganisation, type ReorganisationPlan, type Share } from "./reorganise.ts";

/** A change of units as an admin asks for it (the web's Settings, `npm run units -- reorganise`). */
export interface ReorganisationRequest {
  date: string;
  shares?: readonly Share[];
  /** What to do with reports of ending communes dated on or after the change; none: refuse while any exists. */
  lateReports?: LateResolution;
}

/** The plan, with the late reports it finds, as the preview shows it and the change applies it. */
export type ReorganisationPreview = ReorganisationPlan & { late: LateReportsPlan };

async function planned(
  reads: UnitChangeReads,
  catalogue: Catalogue,
  request: ReorganisationRequest,
): Promise<ReorganisationPreview> {
  const plan = planReorganisation(reads.history, catalogue, request.date, request.shares ?? []);
  const late = planLateReports(
    plan,
    await reads.reportsFrom(endingCommunes(plan), plan.date),
    request.lateReports,
  );
  return { ...plan, problems: [...plan.problems, ...late.problems], late };
}

/** What applying the change would do, read without writing. */
export async function previewReorganisation(
  store: Store,
  catalogue: Catalogue,
  request: ReorganisationRequest,
): Promise<ReorganisationPreview> {
  const reads = { history: await store.unitHistory(), reportsFrom: store.reportsFrom };
  return planned(reads, catalogue, request);
}

/**
 * Applies the change all or nothing, planned inside the transaction on the units as they are then
 * (two admins applying at once: the second finds it applied). The same change again is a no-op
 * (`alreadyApplied`); anything the preview would refuse is a 422 naming each problem.
 */
export async function applyReorganisation(
  store: Store,
  catalogue: Catalogue,
  request: ReorganisationRequest,
  actor: Actor,
): Promise<ReorganisationPreview> {
  let preview: ReorganisationPreview | undefined;
  await store.changeUnits(async (reads) => {
    preview = await planned(reads, catalogue, request);
    if (preview.alreadyApplied) return null;
    if (preview.problems.length > 0) {
      throw new ApiError(422, "REORGANISATION_INVALID", preview.problems.join(" "), {
        problems: preview.problems,
      });
    }
    return {
      units: [...preview.ending, ...preview.beginning],
      lineage: preview.lineage,
      reports: { remove: preview.late.remove, add: preview.late.add },
      audit: {
        action: "units.reorganise",
        summary: {
          date: preview.date,
          ended: preview.ending.length,
          began: preview.beginning.length,
          lineage: preview.lineage.length,
          reportsRemoved: preview.late.remove.length,
          reportsMerged: preview.late.add.length,
        },
      },
    };
  }, actor);
  return preview as ReorganisationPreview;
}
