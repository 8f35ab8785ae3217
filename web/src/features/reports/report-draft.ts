import type { CountField } from "@vneid-tracker/server/domain/report-validation.ts";

/** What the report form keeps on the device as it is typed (lib/drafts.ts), one per account. */
export interface ReportDraft {
  unitId: string;
  date: string;
  counts: Record<CountField, string>;
}

export const REPORT_DRAFT = (userId: number) => `draft:report:${userId}`;
