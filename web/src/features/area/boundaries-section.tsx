import { useState } from "react";
import { DateInput } from "../../components/date-input.tsx";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { vietnamToday } from "../../lib/today.ts";
import { useRemoveBoundaries, useUploadBoundaries } from "./api.ts";

/**
 * Boundaries of the area's units for the map to fill instead of drawing dots: one GeoJSON file or a
 * zip of one file per commune; checked first (the shapes matched by name are listed to confirm),
 * then saved for the unit versions valid on the date; removable.
 */
export function BoundariesSection() {
  const { t, fill } = useI18n();
  const upload = useUploadBoundaries();
  const remove = useRemoveBoundaries();
  const [date, setDate] = useState(vietnamToday());
  const [file, setFile] = useState<File | null>(null);
  const read = upload.data;
  return (
    <section className="card" aria-labelledby="boundaries-title">
      <h2 id="boundaries-title">{t.boundaries.title}</h2>
      <p className="muted">{t.boundaries.intro}</p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (file) upload.mutate({ file, date, dryRun: true });
        }}
      >
        <div className="field">
          <label htmlFor="boundaries-date">{t.boundaries.date}</label>
          <DateInput id="boundaries-date" value={date} onChange={setDate} />
        </div>
        <label>
          {t.boundaries.file}
          <input
            type="file"
            accept=".geojson,.json,.zip,application/geo+json,application/json,application/zip"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              upload.reset();
            }}
          />
        </label>
        {upload.error ? (
          <p className="form-error" role="alert">
            {errorText(upload.error, t)}
          </p>
        ) : null}
        {read && (
          <div role="status">
            <p>
              {fill(read.dryRun ? t.boundaries.checked : t.boundaries.done, {
                matched: read.matched,
                unmatched: read.unmatched.length,
              })}
            </p>
            {read.byName.length > 0 && (
              <>
                <p>{fill(t.boundaries.byName, { count: read.byName.length })}</p>
                <ul className="small">
                  {read.byName.map((m) => (
                    <li key={m.unitId}>
                      {fill(t.boundaries.byNameLine, {
                        name: m.name,
                        code: m.code || "—",
                        unit: m.unitName,
                        unitId: m.unitId,
                      })}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {read.unmatched.length > 0 && (
              <p className="small muted">
                {fill(t.boundaries.unmatched, { codes: read.unmatched.join(", ") })}
              </p>
            )}
          </div>
        )}
        <div className="actions">
          <button type="submit" disabled={!file || upload.isPending}>
            {t.boundaries.check}
          </button>
          {read?.dryRun && (
            <button
              type="button"
              className="primary"
              disabled={!file || upload.isPending}
              onClick={() => file && upload.mutate({ file, date, dryRun: false })}
            >
              {fill(t.boundaries.save, { matched: read.matched })}
            </button>
          )}
          <button
            type="button"
            disabled={remove.isPending}
            onClick={() => window.confirm(fill(t.boundaries.confirmRemove, { date })) && remove.mutate(date)}
          >
            {t.boundaries.remove}
          </button>
        </div>
        {remove.data && <p role="status">{fill(t.boundaries.removed, { removed: remove.data.removed })}</p>}
        {remove.error ? (
          <p className="form-error" role="alert">
            {errorText(remove.error, t)}
          </p>
        ) : null}
      </form>
    </section>
  );
}
