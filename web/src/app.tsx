import { isIsoDate } from "@vneid-tracker/server/domain/dates.ts";
import { can } from "@vneid-tracker/server/domain/roles.ts";
import { lazy, Suspense, useState } from "react";
import { Link, Route, Switch, useLocation, useSearch } from "wouter";
import { Skeleton } from "./components/states.tsx";
import { RequireArea, SetupPage } from "./features/area/setup-page.tsx";
// The account page is part of the first load: a session with a step pending shows its forms at once.
import { AccountPage } from "./features/auth/account-page.tsx";
import { LoginPage } from "./features/auth/login-page.tsx";
import { PendingStep } from "./features/auth/pending-step.tsx";
import { OverviewPage } from "./features/overview/overview-page.tsx";
import { QueueSender, useReportQueue } from "./features/reports/report-queue.ts";
import { useI18n } from "./lib/i18n.tsx";
import { useKeptPaintLeftBehind } from "./lib/kept-paint.ts";
import { useOnline } from "./lib/online.ts";
import { homeOf, useSession, useSignOut } from "./lib/session.ts";

// Pages load on demand: the first visit fetches the overview and what it shows, nothing else.
const AuditPage = lazy(() =>
  import("./features/admin/audit-page.tsx").then((m) => ({ default: m.AuditPage })),
);
const SettingsPage = lazy(() =>
  import("./features/area/settings-page.tsx").then((m) => ({ default: m.SettingsPage })),
);
const UsersPage = lazy(() =>
  import("./features/admin/users-page.tsx").then((m) => ({ default: m.UsersPage })),
);
const CommunePage = lazy(() =>
  import("./features/commune/commune-page.tsx").then((m) => ({ default: m.CommunePage })),
);
const DrivesPage = lazy(() =>
  import("./features/drives/drives-page.tsx").then((m) => ({ default: m.DrivesPage })),
);
const SchedulePage = lazy(() =>
  import("./features/drives/schedule-page.tsx").then((m) => ({ default: m.SchedulePage })),
);
const ImportPage = lazy(() =>
  import("./features/reports/import-page.tsx").then((m) => ({ default: m.ImportPage })),
);
const ReportFormPage = lazy(() =>
  import("./features/reports/report-form-page.tsx").then((m) => ({ default: m.ReportFormPage })),
);
const WeeklyPage = lazy(() =>
  import("./features/reports/weekly-page.tsx").then((m) => ({ default: m.WeeklyPage })),
);
const ReportingPage = lazy(() =>
  import("./features/reporting/reporting-page.tsx").then((m) => ({ default: m.ReportingPage })),
);

export function App() {
  const { t } = useI18n();
  useKeptPaintLeftBehind();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.common.skipToContent}
      </a>
      <Header />
      <QueueSender />
      <main id="main" tabIndex={-1}>
        <BadDateGuard>
          <Suspense fallback={<Skeleton blocks={3} />}>
            <PendingStep>
              <Switch>
                <Route path="/login" component={LoginPage} />
                <Route path="/account" component={AccountPage} />
                <Route path="/setup" component={SetupPage} />
                <Route>
                  <RequireArea>
                    <AreaPages />
                  </RequireArea>
                </Route>
              </Switch>
            </PendingStep>
          </Suspense>
        </BadDateGuard>
      </main>
    </>
  );
}

/** The pages of a deployment whose area is chosen. */
function AreaPages() {
  return (
    <Switch>
      <Route path="/" component={OverviewPage} />
      <Route path="/units/:id">{(params) => <CommunePage unitId={params.id} />}</Route>
      <Route path="/drives" component={DrivesPage} />
      <Route path="/drives/schedule" component={SchedulePage} />
      <Route path="/reports/new" component={ReportFormPage} />
      <Route path="/reports/import" component={ImportPage} />
      <Route path="/reports/weekly" component={WeeklyPage} />
      <Route path="/reports/status" component={ReportingPage} />
      <Route path="/admin/users" component={UsersPage} />
      <Route path="/admin/audit" component={AuditPage} />
      <Route path="/admin/settings" component={SettingsPage} />
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}

/** Offline, and how many reports wait on this device (a tap opens them). */
function DeviceStatus() {
  const { t, fill } = useI18n();
  const online = useOnline();
  const queue = useReportQueue();
  const waiting = queue.data?.length ?? 0;
  return (
    <>
      {!online && <span className="badge offline-badge">{t.common.offline}</span>}
      {waiting > 0 && (
        <Link href="/reports/new#queue" className="badge queue-badge">
          {fill(t.common.notSent, { count: waiting })}
        </Link>
      )}
    </>
  );
}

/**
 * Title, navigation for the signed-in user's role (the server still decides), account, language.
 * Below 600 px the navigation and the tools fold behind a menu button, so the header stays one row.
 */
function Header() {
  const { t, language, setLanguage, fill } = useI18n();
  const session = useSession();
  const signOut = useSignOut();
  const [location, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const user = session.data ?? null;
  const own = user?.role === "commune" && user.unitId ? homeOf(user) : null;

  const links = [
    { href: own ?? "", label: t.common.navMyCommune, show: own !== null },
    { href: "/", label: t.common.navOverview, show: true },
    { href: "/reports/weekly", label: t.common.navWeekly, show: true },
    { href: "/reports/status", label: t.common.navReporting, show: true },
    { href: "/drives", label: t.common.navDrives, show: true },
    { href: "/reports/new", label: t.common.navReport, show: can(user, "writeReports") },
    { href: "/reports/import", label: t.common.navImport, show: can(user, "importReports") },
    { href: "/admin/users", label: t.common.navUsers, show: can(user, "manageUsers") },
    { href: "/admin/audit", label: t.common.navAudit, show: can(user, "readAudit") },
    { href: "/admin/settings", label: t.common.navSettings, show: can(user, "manageUnits") },
  ].filter((link) => link.show);
  return (
    <header className={`app-header${open ? " menu-open" : ""}`}>
      <Link href={homeOf(user)} className="app-title">
        {t.common.appTitle}
      </Link>
      <button
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls="app-menu"
        onClick={() => setOpen(!open)}
      >
        {t.common.menu}
      </button>
      {/* A click on a link closes the menu (on a phone it covers the page). */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the links inside take the keyboard */}
      <div
        id="app-menu"
        className="app-menu"
        onClick={(e) => (e.target as HTMLElement).closest("a, button") && setOpen(false)}
      >
        <nav aria-label={t.common.navOverview} className="app-nav">
          {links.map((link) => (
            <Link key={link.href} href={link.href} aria-current={location === link.href ? "page" : undefined}>
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="header-tools">
          <DeviceStatus />
          {user ? (
            <>
              <Link href="/account" className="user-name">
                {fill(t.common.signedInAs, { user: user.username, role: t.roles[user.role] })}
              </Link>
              <button
                type="button"
                onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate("/") })}
              >
                {t.common.signOut}
              </button>
            </>
          ) : (
            location !== "/login" && <Link href="/login">{t.common.signIn}</Link>
          )}
          <button
            type="button"
            className="language-switch"
            lang={language === "vi" ? "en" : "vi"}
            aria-label={t.common.switchLanguageLabel}
            onClick={() => setLanguage(language === "vi" ? "en" : "vi")}
          >
            {t.common.switchLanguage}
          </button>
        </div>
      </div>
    </header>
  );
}

/** The date parameters every page reads from its address. */
const DATE_PARAMS = ["date", "from", "to"];

/**
 * An address with a date that is not a calendar date (`?date=abc`, `?date=2024-02-30`) shows what
 * is wrong and a way on, instead of a page that cannot draw itself.
 */
function BadDateGuard({ children }: { children: React.ReactNode }) {
  const { t, fill } = useI18n();
  const search = useSearch();
  const [location] = useLocation();
  const params = new URLSearchParams(search);
  const bad = DATE_PARAMS.map((name) => [name, params.get(name)] as const).find(
    ([, value]) => value !== null && !isIsoDate(value),
  );
  if (!bad) return <>{children}</>;
  params.delete(bad[0]);
  const rest = params.toString();
  return (
    <div className="state" role="alert">
      <h1>{t.common.badDateTitle}</h1>
      <p>{fill(t.common.badDateBody, { value: bad[1] ?? "" })}</p>
      <Link href={rest ? `${location}?${rest}` : location}>{t.common.badDateLink}</Link>
    </div>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="state">
      <h1>{t.common.notFoundTitle}</h1>
      <p>{t.common.notFoundBody}</p>
      <Link href="/">{t.common.goHome}</Link>
    </div>
  );
}
