import { campaignView, DIRECTIVE_CAMPAIGN } from "@vneid-tracker/server/domain/campaign.ts";
import { overviewOf } from "@vneid-tracker/server/domain/overview.ts";
import { UnitTree } from "@vneid-tracker/server/domain/tree.ts";
import type { Report, Unit } from "@vneid-tracker/server/domain/types.ts";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Headline } from "../../components/headline.tsx";
import type { UnitOverview } from "../../lib/api.ts";
import { I18nProvider } from "../../lib/i18n.tsx";
import { KpiRow } from "./kpi-row.tsx";

// The overview's answer, rendered from the real figures engine on a small district.
const campaign = DIRECTIVE_CAMPAIGN;
const report = (unitId: string, date: string, level2: number): Report => ({
  unitId,
  date,
  population: 1000,
  level2,
  dual: 400,
  linked: 100,
});
const units: Unit[] = [
  { id: "1", name: "Huyện Thử", kind: "district", parentId: null },
  { id: "11", name: "Xã Một", kind: "commune", parentId: "1" },
  { id: "12", name: "Xã Hai", kind: "commune", parentId: "1" },
];
const tree = new UnitTree(units);
const render = (histories: Map<string, Report[]>, date: string) => {
  // As the web receives it: the domain's overview through JSON, typed by the API's contract.
  const overview = JSON.parse(
    JSON.stringify(overviewOf(tree, "1", histories, campaign, date)),
  ) as UnitOverview;
  return renderToStaticMarkup(
    <I18nProvider>
      <Headline overview={overview} campaign={campaignView({ ...campaign, id: 1 })} />
      <KpiRow overview={overview} metric="coverage" deadline={campaign.deadline} />
    </I18nProvider>,
  );
};
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the overview's answer", () => {
  it("on day one says the figures are not known, never 'còn 0 người' or a success colour", () => {
    const html = render(new Map(), "2024-02-03");
    expect(text(html)).toContain("Chưa có số liệu: chưa xã nào của Huyện Thử báo cáo đến ngày 03/02/2024.");
    expect(text(html)).not.toContain("0 người");
    expect(text(html)).toContain("Chưa biết");
    expect(html).not.toContain("kpi-good");
    expect(html).not.toContain("headline-bad");
  });

  it("after the deadline with nothing reported gives no final result", () => {
    const html = text(render(new Map(), "2024-07-06"));
    expect(html).toContain("Đã qua hạn 01/07/2024, nhưng Huyện Thử chưa có báo cáo nào đến ngày 06/07/2024.");
    expect(html).not.toContain("Kết quả chốt");
  });

  it("never says the district makes it while one commune is off track", () => {
    const week = (id: string, level2: number, gain: number) => [
      report(id, "2024-05-25", level2 - gain),
      report(id, "2024-06-01", level2),
    ];
    // Xã Một gains 70 a week and finishes in two days; Xã Hai gains 7 and would need until 09/09/2024.
    const html = text(
      render(
        new Map([
          ["11", week("11", 990, 70)],
          ["12", week("12", 900, 7)],
        ]),
        "2024-06-01",
      ),
    );
    expect(html).toContain(
      "1/2 xã đã đạt hoặc kịp tiến độ; 1 xã không kịp 01/07/2024 với tốc độ hiện tại (Xã Hai: 09/09/2024)",
    );
    expect(html).not.toMatch(/kịp hạn/);
    const onTrack = text(
      render(
        new Map([
          ["11", week("11", 990, 70)],
          ["12", week("12", 980, 70)],
        ]),
        "2024-06-01",
      ),
    );
    expect(onTrack).toContain("Cả 2 xã đã đạt hoặc kịp tiến độ: Huyện Thử kịp hạn với tốc độ hiện tại.");
  });

  it("speaks for every target: never 'đã đạt chỉ tiêu' while linking is off track", async () => {
    const linkingOnly = (id: string, linked: number, gain: number) => [
      { ...report(id, "2024-05-25", 1000), linked: linked - gain },
      { ...report(id, "2024-06-01", 1000), linked },
    ];
    // Every commune has reached coverage; Xã Hai links 1 a week and will not make it.
    const html = text(
      render(
        new Map([
          ["11", linkingOnly("11", 400, 0)],
          ["12", linkingOnly("12", 300, 1)],
        ]),
        "2024-06-01",
      ),
    );
    expect(html).toContain("Định danh mức 2: cả 2 xã đã đạt chỉ tiêu.");
    expect(html).toContain(
      "Liên kết tài khoản: cần 4 người/ngày; 1/2 xã đã đạt hoặc kịp tiến độ; 1 xã không kịp",
    );
    expect(html).not.toContain("Cả 2 xã đã đạt chỉ tiêu");
    const reached = text(
      render(
        new Map([
          ["11", linkingOnly("11", 400, 0)],
          ["12", linkingOnly("12", 400, 10)],
        ]),
        "2024-06-01",
      ),
    );
    expect(reached).toContain("Cả 2 xã đã đạt chỉ tiêu trước hạn 01/07/2024.");
  });
});
