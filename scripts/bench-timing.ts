// Timing helpers the benchmark scripts share: percentiles of repeated runs, written in ms.

export const RUNS = Number(process.env.BENCH_RUNS ?? 30);

export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { p50: at(0.5), p95: at(0.95) };
}

/** p50 and p95 of `runs` runs after one warm-up. */
export async function time(run: () => unknown | Promise<unknown>, runs = RUNS) {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

export const ms = ({ p50, p95 }: { p50: number; p95: number }) => `${p50.toFixed(1)} / ${p95.toFixed(1)}`;
