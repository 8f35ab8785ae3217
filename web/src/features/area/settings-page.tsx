import { RequireAccess } from "../../components/require-access.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { AreaSection } from "./area-section.tsx";
import { BoundariesSection } from "./boundaries-section.tsx";
import { CampaignsSection } from "./campaigns-section.tsx";
import { RemindersSection } from "./reminders-section.tsx";
import { ReorganisationSection } from "./reorganisation-section.tsx";
import { ReportingSection } from "./reporting-settings-section.tsx";
import { SecuritySection } from "./security-section.tsx";

/** Admin settings: the area, the campaigns over time, and applying a reorganisation of units. */
export function SettingsPage() {
  return (
    <RequireAccess action="manageUnits">
      <Settings />
    </RequireAccess>
  );
}

function Settings() {
  const { t } = useI18n();
  return (
    <div className="page narrow-page">
      <h1 className="page-title">{t.area.settingsTitle}</h1>
      <AreaSection />
      <CampaignsSection />
      <ReportingSection />
      <RemindersSection />
      <SecuritySection />
      <BoundariesSection />
      <ReorganisationSection />
    </div>
  );
}
