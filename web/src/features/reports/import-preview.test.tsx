import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../../lib/i18n.tsx";
import type { ImportRow } from "./api.ts";
import { ImportPreview } from "./import-preview.tsx";

describe("the import preview", () => {
  it("shows each value as the file has it: a decimal cell is never rounded beside its error", () => {
    const row: ImportRow = {
      row: 2,
      values: {
        unitId: "21850",
        unitName: "Xã Tây Phú",
        date: "2024-07-06",
        population: 7.564,
        level2: 6512,
        dual: 3710,
        linked: 2461,
      },
      errors: [
        {
          field: "population",
          code: "NOT_A_COUNT",
          message: "population 7.564 is not a whole number",
          values: {},
        },
      ],
      warnings: [],
      change: null,
    };
    const html = renderToStaticMarkup(
      <I18nProvider>
        <ImportPreview rows={[row]} total={1} />
      </I18nProvider>,
    );
    expect(html).toContain(">7.564<");
    expect(html).not.toContain(">8<");
    expect(html).toContain(">6.512<");
  });
});
