/** Small helpers shared by the benchmarks: timing, percentiles, memory sampling, a table printer. */
export const now = () => performance.now();

export function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Runs `call` `times` times, one after another; the durations in ms. */
export async function timed(times: number, call: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = now();
    await call();
    samples.push(now() - start);
  }
  return samples;
}

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
/** A count as the tables print it: 1,000,000. */
export const count = (n: number) => n.toLocaleString('en');
/** How many times `limit` a measure took: "29.0×". */
export const times = (measure: number, limit: number, digits = 1) => `${(measure / limit).toFixed(digits)}×`;

/** Samples RSS every 50 ms while `work` runs; returns the peak growth over the starting RSS. */
export async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; startMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await work();
    return { result, peakMb: (peak - start) / 1048576, startMb: start / 1048576 };
  } finally {
    clearInterval(timer);
  }
}

export function table(rows: Record<string, string | number>[]) {
  const keys = Object.keys(rows[0] ?? {});
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(keys));
  for (const r of rows) console.log(line(keys.map((k) => String(r[k]))));
}
