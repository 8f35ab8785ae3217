import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorState, Skeleton } from "../../components/states.tsx";
import type { Campaign } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { campaignsQuery } from "../../lib/queries.ts";
import { useChooseCampaign, useCreateCampaign, useUpdateCampaign } from "./api.ts";
import { CampaignForm } from "./campaign-form.tsx";

export function CampaignsSection() {
  const { t, f, fill } = useI18n();
  const campaigns = useQuery(campaignsQuery());
  const chooseCampaign = useChooseCampaign();
  const update = useUpdateCampaign();
  const create = useCreateCampaign();
  const [editing, setEditing] = useState<number | "new" | null>(null);
  if (campaigns.isError) return <ErrorState error={campaigns.error} onRetry={() => campaigns.refetch()} />;
  if (!campaigns.data) return <Skeleton blocks={1} />;
  const input = (c: Campaign) => ({
    name: c.name,
    start: c.start,
    deadline: c.deadline,
    targetPercents: c.targetPercents,
  });
  return (
    <section className="card" aria-labelledby="campaigns-title">
      <h2 id="campaigns-title">{t.area.campaigns}</h2>
      <ul className="campaign-list">
        {campaigns.data.campaigns.map((c) => (
          <li key={c.id}>
            <div>
              <strong>
                {c.id === campaigns.data.currentId ? fill(t.area.current, { name: c.name }) : c.name}
              </strong>
              <div className="small muted">
                {fill(t.area.period, { start: f.date(c.start), deadline: f.date(c.deadline) })} ·{" "}
                {t.common.metricCoverage} {f.percent(c.targetPercents.coverage)} · {t.common.metricLinking}{" "}
                {f.percent(c.targetPercents.linking)}
              </div>
            </div>
            <span className="picker-actions">
              {c.id !== campaigns.data.currentId && (
                <button type="button" onClick={() => chooseCampaign.mutate(c.id)}>
                  {t.area.makeCurrent}
                </button>
              )}
              <button type="button" onClick={() => setEditing(c.id)}>
                {t.area.edit}
              </button>
            </span>
            {editing === c.id && (
              <CampaignForm
                initial={input(c)}
                submitLabel={t.area.save}
                busy={update.isPending}
                error={update.error}
                onCancel={() => setEditing(null)}
                onSubmit={(next) =>
                  update.mutate({ id: c.id, ...next }, { onSuccess: () => setEditing(null) })
                }
              />
            )}
          </li>
        ))}
      </ul>
      {editing === "new" ? (
        <CampaignForm
          initial={{ name: "", start: "", deadline: "", targetPercents: { coverage: "100", linking: "100" } }}
          submitLabel={t.area.save}
          busy={create.isPending}
          error={create.error}
          onCancel={() => setEditing(null)}
          onSubmit={(next) => create.mutate(next, { onSuccess: () => setEditing(null) })}
        />
      ) : (
        <button type="button" onClick={() => setEditing("new")}>
          {t.area.newCampaign}
        </button>
      )}
    </section>
  );
}
