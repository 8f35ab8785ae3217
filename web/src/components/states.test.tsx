import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Router } from "wouter";
import { ApiRequestError } from "../lib/api.ts";
import { I18nProvider } from "../lib/i18n.tsx";
import { ErrorState } from "./states.tsx";

const render = (error: unknown) =>
  renderToStaticMarkup(
    <Router ssrPath="/">
      <I18nProvider>
        <ErrorState error={error} onRetry={() => {}} />
      </I18nProvider>
    </Router>,
  );

describe("ErrorState", () => {
  it("shows a deployment without a campaign as a step to take in Settings, not a failure to retry", () => {
    const html = render(new ApiRequestError(409, "NO_CAMPAIGN", "No campaign has been made yet."));
    expect(html).toContain("Chưa có chiến dịch");
    expect(html).toContain('href="/admin/settings"');
    expect(html).not.toContain("Thử lại");
    expect(render(new ApiRequestError(500, "INTERNAL", "x"))).toContain("Thử lại");
  });
});
