import { useState } from "react";
import { DateInput } from "../../components/date-input.tsx";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { vietnamToday } from "../../lib/today.ts";
import { useUploadBoundaries } from "./api.ts";

/** GeoJSON boundaries of the area's units, for the map to fill instead of drawing dots. */
export function BoundariesSection() {
  const { t, fill } = useI18n();
  const upload = useUploadBoundaries();
  const [date, setDate] = useState(vietnamToday());
  const [file, setFile] = useState<File | null>(null);
  return (
    <section className="card" aria-labelledby="boundaries-title">
      <h2 id="boundaries-title">{t.boundaries.title}</h2>
      <p className="muted">{t.boundaries.intro}</p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (file) upload.mutate({ file, date });
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
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        {upload.error ? (
          <p className="form-error" role="alert">
            {errorText(upload.error, t)}
          </p>
        ) : null}
        {upload.data && (
          <p role="status">
            {fill(t.boundaries.done, {
              matched: upload.data.matched,
              unmatched: upload.data.unmatched.length,
            })}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={!file || upload.isPending}>
            {t.boundaries.upload}
          </button>
        </div>
      </form>
    </section>
  );
}
