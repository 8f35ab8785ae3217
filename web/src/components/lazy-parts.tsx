import { type ComponentProps, lazy, Suspense } from "react";
import { Skeleton } from "./states.tsx";

// The chart and map libraries load when a chart or a map is first shown: the overview's answer and
// its figures paint before them on a slow phone.
const TrendChartPart = lazy(() => import("./trend-chart.tsx").then((m) => ({ default: m.TrendChart })));
const CommuneMapPart = lazy(() => import("./commune-map.tsx").then((m) => ({ default: m.CommuneMap })));

export function TrendChart(props: ComponentProps<typeof TrendChartPart>) {
  return (
    <Suspense fallback={<Skeleton blocks={1} />}>
      <TrendChartPart {...props} />
    </Suspense>
  );
}

export function CommuneMap(props: ComponentProps<typeof CommuneMapPart>) {
  return (
    <Suspense fallback={null}>
      <CommuneMapPart {...props} />
    </Suspense>
  );
}
