import { useQuery } from "@tanstack/react-query";
import { addDays } from "@vneid-tracker/server/domain/dates.ts";
import { weekLabel, weekNumberOf, weekStart } from "@vneid-tracker/server/domain/reporting-weeks.ts";
import {
  cellText,
  type DocumentTable,
  type WeeklyDocument,
  weeklyDocument,
} from "@vneid-tracker/server/domain/weekly-document.ts";
import { Link } from "wouter";
import { DriveCard } from "../../components/drive-card.tsx";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { ErrorState, Skeleton } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import {
  campaignQuery,
  drivesQuery,
  overviewQuery,
  type ReportingWeek,
  reportingQuery,
  reportingSettingsQuery,
  unitsQuery,
} from "../../lib/queries.ts";
import { useSearchParam } from "../../lib/url-state.ts";

/**
 * The weeks to pick from, newest first, each shown by its Sunday's figures: every week of the
 * campaign (from its start to the day before its deadline) and the week asked for, wherever it is.
 */
export function weekChoices(start: string, deadline: string, asked: string): string[] {
  const sundays = new Set<string>();
  const last = addDays(weekStart(addDays(deadline, -1)), 6);
  for (let sunday = addDays(weekStart(start), 6); sunday <= last; sunday = addDays(sunday, 7))
    sundays.add(sunday);
  sundays.add(addDays(weekStart(asked), 6));
  return [...sundays].sort().reverse();
}

/** The week's report as the district sends it upward: one A4 page to sign, or an XLSX to send. */
export function WeeklyPage() {
  const { t, f, fill, language } = useI18n();
  const [date, setDate] = useSearchParam("date");
  const [campaignParam] = useSearchParam("campaign");
  const overview = useQuery(overviewQuery(null, date, campaignParam));
  const campaign = useQuery(campaignQuery(campaignParam));
  const asOf = overview.data?.date;
  const weekStartDate = asOf ? weekStart(asOf) : undefined;
  const drives = useQuery({ ...drivesQuery({ from: weekStartDate, to: asOf }), enabled: asOf !== undefined });
  const units = useQuery(unitsQuery());
  const reporting = useQuery({ ...reportingQuery({ from: asOf, to: asOf }), enabled: asOf !== undefined });
  const settings = useQuery(reportingSettingsQuery());
  if (overview.isError && !overview.data)
    return <ErrorState error={overview.error} onRetry={() => overview.refetch()} />;
  if (!overview.data || !campaign.data || !reporting.data || !settings.data) return <Skeleton blocks={4} />;
  const data = overview.data;
  const campaignPart = campaignParam ? `&campaign=${campaignParam}` : "";
  const week = reporting.data.weeks[0] as ReportingWeek;
  const doc = weeklyDocument(data, week, campaign.data.deadline, settings.data.document, language);
  const choices = weekChoices(campaign.data.start, campaign.data.deadline, data.date);
  return (
    <article className="page weekly">
      <div className="toolbar no-print">
        <label className="campaign-picker">
          <span>{t.reports.weeklyPicker}</span>
          <select value={addDays(weekStart(data.date), 6)} onChange={(e) => setDate(e.target.value)}>
            {choices.map((sunday) => (
              <option key={sunday} value={sunday}>
                {fill(t.reporting.week, {
                  number: weekNumberOf(weekLabel(sunday)),
                })}{" "}
                ({f.date(addDays(sunday, -6)).slice(0, 5)}–{f.date(sunday)})
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t.common.print}
        </button>
        <a href={`/api/exports/weekly.docx?date=${data.date}${campaignPart}`}>{t.reports.downloadDocx}</a>
        <a href={`/api/exports/weekly.xlsx?date=${data.date}${campaignPart}`}>{t.reports.downloadXlsx}</a>
        <a href={`/api/exports/reports.csv?date=${data.date}${campaignPart}`}>{t.reports.downloadCsv}</a>
        <Link href={`/?date=${data.date}`}>{t.common.navOverview}</Link>
      </div>
      <OfficialDocument doc={doc} />
      <section aria-labelledby="weekly-drives">
        <h2 id="weekly-drives">{t.reports.weeklyDrives}</h2>
        {drives.data && units.data && drives.data.drives.length > 0 ? (
          <ul className="drive-list">
            {drives.data.drives.map((drive) => (
              <li key={drive.id}>
                <DriveCard drive={drive} units={new Map(units.data.units.map((u) => [u.id, u]))} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.common.noDrives}</p>
        )}
      </section>
    </article>
  );
}

/** The report as a Vietnamese administrative document (Nghị định 30/2020): heading, title, body, recipients, signature. */
function OfficialDocument({ doc }: { doc: WeeklyDocument }) {
  return (
    <section className="official-document" aria-label={`${doc.heading} ${doc.subject}`}>
      <div className="document-heading">
        <div>
          {doc.parentBody && <p>{doc.parentBody}</p>}
          <p className="issuer">{doc.issuer}</p>
          <p>{doc.number}</p>
        </div>
        <div>
          <p className="nation">{doc.nation}</p>
          <p className="motto">{doc.motto}</p>
          <p className="place-date">{doc.placeDate}</p>
        </div>
      </div>
      <h1 className="document-title">{doc.heading}</h1>
      <p className="document-subject">{doc.subject}</p>
      {doc.sections.map((section) => (
        <section key={section.title} className="document-section">
          <h2>{section.title}</h2>
          {section.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {section.table && <DocumentTableView table={section.table} label={section.title} />}
          {section.after?.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </section>
      ))}
      <div className="document-signature">
        <div>
          <p className="recipients-title">{doc.recipientsTitle}</p>
          {doc.recipients.map((r) => (
            <p key={r} className="recipient">
              {r}
            </p>
          ))}
        </div>
        <div className="signer">
          <p className="signer-title">{doc.signerTitle}</p>
          <p className="signature-note">{doc.signature}</p>
          <p className="signer-name">{doc.signerName}</p>
        </div>
      </div>
      <section className="document-appendix" aria-label={doc.appendix.title}>
        <h2 className="document-title">{doc.appendix.title}</h2>
        <p className="document-subject">{doc.appendix.subject}</p>
        <DocumentTableView table={doc.appendix.table} label={doc.appendix.subject} />
      </section>
    </section>
  );
}

/** A table of the document as the DOCX has it: ruled, numbers on the right. */
function DocumentTableView({ table, label }: { table: DocumentTable; label: string }) {
  return (
    <ScrollRegion label={label}>
      <table className="document-table">
        <thead>
          <tr>
            {table.columns.map((column, i) => (
              <th key={column} scope="col" className={table.numeric[i] ? "numeric" : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.map(cellText).join("|")}>
              {row.map((cell, i) => (
                <td key={table.columns[i]} className={table.numeric[i] ? "numeric" : undefined}>
                  {cellText(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
