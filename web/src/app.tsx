import { Link, Route, Switch } from "wouter";
import { CommunePage } from "./features/commune/commune-page.tsx";
import { OverviewPage } from "./features/overview/overview-page.tsx";
import { useI18n } from "./lib/i18n.tsx";

export function App() {
  const { t, language, setLanguage } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <Link href="/" className="app-title">
          {t.appTitle}
        </Link>
        <div className="header-tools">
          <button
            type="button"
            className="language-switch"
            lang={language === "vi" ? "en" : "vi"}
            aria-label={t.switchLanguageLabel}
            onClick={() => setLanguage(language === "vi" ? "en" : "vi")}
          >
            {t.switchLanguage}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Switch>
          <Route path="/" component={OverviewPage} />
          <Route path="/units/:id">{(params) => <CommunePage unitId={params.id} />}</Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </main>
    </>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="state">
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundBody}</p>
      <Link href="/">{t.goHome}</Link>
    </div>
  );
}
