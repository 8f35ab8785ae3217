import { useEffect, useState } from "react";
import { formatDate, formatInteger, formatPercent } from "../../lib/format.ts";

interface Overview {
  unit: { name: string };
  date: string;
  daysLeft: number;
  figures: { population: number; level2: number; reporting: number; expected: number };
  coverage: { percent: string | null; requiredPerDay: number | null };
  linking: { percent: string | null };
  laggingOrder: string[];
  children: { unit: { id: string; name: string }; coverage: { percent: string | null } }[];
}

/** The district headline; the full dashboard replaces this page. */
export function OverviewPage() {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    fetch("/api/overview")
      .then((response) =>
        response.ok ? response.json() : Promise.reject(new Error(String(response.status))),
      )
      .then(setOverview, () => setFailed(true));
  }, []);

  if (failed) return <p role="alert">Không tải được số liệu. Hãy thử tải lại trang.</p>;
  if (!overview) return <p aria-busy="true">Đang tải số liệu…</p>;
  const { figures, coverage } = overview;
  const lagging = overview.laggingOrder.map((id) => overview.children.find((child) => child.unit.id === id));
  return (
    <main>
      <h1>Tiến độ định danh điện tử mức 2 · {overview.unit.name}</h1>
      <p>Số liệu đến ngày {formatDate(overview.date)}</p>
      <p className="headline">
        Tỷ lệ mức 2: <strong>{formatPercent(coverage.percent)}</strong> ({formatInteger(figures.level2)} /{" "}
        {formatInteger(figures.population)})
      </p>
      <p>Liên kết tài khoản: {formatPercent(overview.linking.percent)}</p>
      <p>Còn {overview.daysLeft} ngày đến hạn.</p>
      {lagging.length > 0 && (
        <section>
          <h2>Xã chậm tiến độ ({lagging.length})</h2>
          <ul>
            {lagging.map((child) =>
              child ? (
                <li key={child.unit.id}>
                  {child.unit.name}: {formatPercent(child.coverage.percent)}
                </li>
              ) : null,
            )}
          </ul>
        </section>
      )}
    </main>
  );
}
