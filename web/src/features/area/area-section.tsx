import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorState, Skeleton } from "../../components/states.tsx";
import { UnitChangeNote } from "../../components/unit-change-note.tsx";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { areaQuery } from "../../lib/queries.ts";
import { vietnamToday } from "../../lib/today.ts";
import { useChooseArea } from "./api.ts";
import { UnitPicker } from "./unit-picker.tsx";

export function AreaSection() {
  const { t, fill } = useI18n();
  const area = useQuery(areaQuery());
  const choose = useChooseArea();
  const [changing, setChanging] = useState(false);
  if (area.isError) return <ErrorState error={area.error} onRetry={() => area.refetch()} />;
  if (!area.data) return <Skeleton blocks={1} />;
  return (
    <section className="card" aria-labelledby="area-title">
      <h2 id="area-title">{t.area.areaSection}</h2>
      {area.data.area && (
        <>
          <p>{fill(t.area.areaNow, { unit: area.data.area.name, count: area.data.communes ?? 0 })}</p>
          <UnitChangeNote
            unit={area.data.area}
            standing={area.data.standing ?? "valid"}
            date={vietnamToday()}
          />
        </>
      )}
      {changing ? (
        <UnitPicker
          onChoose={(unit) =>
            choose.mutate({ tree: unit.tree, code: unit.code }, { onSuccess: () => setChanging(false) })
          }
        />
      ) : (
        <button type="button" onClick={() => setChanging(true)}>
          {t.area.changeArea}
        </button>
      )}
      {choose.error ? (
        <p className="form-error" role="alert">
          {errorText(choose.error, t)}
        </p>
      ) : null}
    </section>
  );
}
