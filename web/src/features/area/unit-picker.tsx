import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorState } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { type CatalogueUnit, catalogueQuery } from "./api.ts";

/**
 * Chooses a unit of the national catalogue: by name (diacritics optional) or code, or level by
 * level (province → district → commune before 01/07/2025, province → commune after).
 */
export function UnitPicker({ onChoose }: { onChoose: (unit: CatalogueUnit) => void }) {
  const { t } = useI18n();
  const [tree, setTree] = useState<"2024" | "2025">("2025");
  const [q, setQ] = useState("");
  const [path, setPath] = useState<CatalogueUnit[]>([]);
  const parent = path.at(-1) ?? null;
  const found = useQuery({
    ...catalogueQuery(tree, q, parent?.code ?? null),
    placeholderData: keepPreviousData,
  });
  const leaf = (unit: CatalogueUnit) => ["commune", "town", "ward", "special_zone"].includes(unit.kind);
  return (
    <div className="unit-picker">
      <fieldset className="metric-switch">
        <legend>{t.area.tree}</legend>
        {(["2025", "2024"] as const).map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={tree === name}
            onClick={() => {
              setTree(name);
              setPath([]);
            }}
          >
            {name === "2025" ? t.area.tree2025 : t.area.tree2024}
          </button>
        ))}
      </fieldset>
      <label className="field">
        <span>{t.area.search}</span>
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t.area.searchHint}
        />
      </label>
      {!q.trim() && (
        <p className="breadcrumb">
          {path.length === 0 ? (
            <strong>{t.area.provinces}</strong>
          ) : (
            <button type="button" className="link-button" onClick={() => setPath(path.slice(0, -1))}>
              ← {t.area.up}
            </button>
          )}{" "}
          {path.map((u) => u.name).join(" › ")}
        </p>
      )}
      {found.isError ? (
        <ErrorState error={found.error} onRetry={() => found.refetch()} />
      ) : found.data?.units.length === 0 ? (
        <p className="muted">{t.area.noMatches}</p>
      ) : (
        <ul className="picker-list" aria-busy={found.isFetching}>
          {(found.data?.units ?? []).map((unit) => (
            <li key={`${unit.tree}-${unit.code}`}>
              <span>
                <strong>{unit.name}</strong> <span className="muted">({unit.code})</span>
                {unit.path && <span className="small muted"> · {unit.path}</span>}
              </span>
              <span className="picker-actions">
                {!leaf(unit) && !q.trim() && (
                  <button
                    type="button"
                    onClick={() => setPath([...path, unit])}
                    aria-label={`${t.area.open}: ${unit.name}`}
                  >
                    {t.area.open}
                  </button>
                )}
                <button
                  type="button"
                  className="primary"
                  onClick={() => onChoose(unit)}
                  aria-label={`${t.area.choose}: ${unit.name}`}
                >
                  {t.area.choose}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
