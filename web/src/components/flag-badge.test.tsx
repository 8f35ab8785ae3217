import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Flag } from "../lib/api.ts";
import { I18nProvider } from "../lib/i18n.tsx";
import { FlagBadge, FlagList } from "./flag-badge.tsx";

const behind: Flag = {
  code: "BEHIND",
  metric: "coverage",
  message:
    "Coverage is 71.02%, 9.38 points below the 80.40% expected on the trajectory: 710 more level-2 accounts needed to be back on it.",
  values: { percent: "71.02", expectedPercent: "80.40", points: 9.38, gap: 710 },
};

const render = (node: React.ReactNode) => renderToStaticMarkup(<I18nProvider>{node}</I18nProvider>);

describe("FlagBadge", () => {
  it("shows a flag as icon, word and colour class together, with its metric", () => {
    const html = render(<FlagBadge flag={behind} />);
    expect(html).toContain('class="flag flag-behind"');
    expect(html).toContain("<svg");
    expect(html).toContain("Chậm so với lộ trình");
    expect(html).toContain("mức 2");
  });

  it("names off-pace flags on linking", () => {
    const html = render(<FlagBadge flag={{ ...behind, code: "OFF_PACE", metric: "linking" }} />);
    expect(html).toContain('class="flag flag-off-pace"');
    expect(html).toContain("Không kịp hạn");
    expect(html).toContain("liên kết");
  });
});

describe("FlagList", () => {
  it("explains each flag in Vietnamese with the numbers", () => {
    const html = render(<FlagList flags={[behind]} />);
    expect(html).toContain(
      "Tỷ lệ mức 2 71,02%, thấp hơn mức kỳ vọng 80,40% là 9,38 điểm phần trăm: cần thêm 710 tài khoản để về đúng lộ trình.",
    );
  });

  it("says so when there is no flag", () => {
    expect(render(<FlagList flags={[]} emptyText="Không có" />)).toContain("Không có");
    expect(render(<FlagList flags={[]} />)).toBe("");
  });
});
