import { useQuery } from "@tanstack/react-query";
import { can } from "@vneid-tracker/server/domain/roles.ts";
import { useState } from "react";
import { Link, useLocation } from "wouter";
import { ErrorState, Skeleton } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { areaQuery } from "../../lib/queries.ts";
import { useSession } from "../../lib/session.ts";
import { vietnamToday } from "../../lib/today.ts";
import { type CatalogueUnit, useChooseArea, useCreateCampaign } from "./api.ts";
import { CampaignForm } from "./campaign-form.tsx";
import { UnitPicker } from "./unit-picker.tsx";

/** First run: an admin chooses the area from the national catalogue and creates the first campaign. */
export function SetupPage() {
  const { t, fill } = useI18n();
  const session = useSession();
  const [, navigate] = useLocation();
  const [chosen, setChosen] = useState<CatalogueUnit | null>(null);
  const chooseArea = useChooseArea();
  const createCampaign = useCreateCampaign();
  if (session.isPending) return <Skeleton blocks={2} />;
  if (!can(session.data ?? null, "manageUnits")) {
    return (
      <div className="state" role="alert">
        <h1>{t.area.setupTitle}</h1>
        <p>{t.area.setupNeedsAdmin}</p>
        {!session.data && <Link href="/login">{t.common.signIn}</Link>}
      </div>
    );
  }
  const today = vietnamToday();
  return (
    <div className="page narrow-page">
      <h1 className="page-title">{t.area.setupTitle}</h1>
      <p className="muted">{t.area.setupIntro}</p>
      <section className="card">
        {chosen ? (
          <p>
            <strong>{fill(t.area.chosen, { unit: `${chosen.name} (${chosen.code})` })}</strong>{" "}
            <button type="button" className="link-button" onClick={() => setChosen(null)}>
              {t.area.changeArea}
            </button>
          </p>
        ) : (
          <UnitPicker onChoose={setChosen} />
        )}
      </section>
      {chosen && (
        <section className="card" aria-label={t.area.campaign}>
          <h2>{t.area.campaign}</h2>
          <CampaignForm
            key={chosen.code}
            initial={{
              name: fill(t.area.campaignNameDefault, { unit: chosen.name }),
              start: today,
              deadline: `${Number(today.slice(0, 4)) + 1}-01-01`,
              targetPercents: { coverage: "100", linking: "100" },
            }}
            submitLabel={t.area.setupSubmit}
            busy={chooseArea.isPending || createCampaign.isPending}
            error={chooseArea.error ?? createCampaign.error}
            onSubmit={async (campaign) => {
              try {
                await chooseArea.mutateAsync({ tree: chosen.tree, code: chosen.code });
                await createCampaign.mutateAsync(campaign);
                navigate("/");
              } catch {
                // Shown under the form, from the mutation's error.
              }
            }}
          />
        </section>
      )}
    </div>
  );
}

/** Shows the setup to an admin (or who to ask) while the deployment has no area; the pages otherwise. */
export function RequireArea({ children }: { children: React.ReactNode }) {
  const area = useQuery(areaQuery());
  if (area.isError && !area.data) return <ErrorState error={area.error} onRetry={() => area.refetch()} />;
  if (!area.data) return <Skeleton blocks={2} />;
  return area.data.area ? children : <SetupPage />;
}
