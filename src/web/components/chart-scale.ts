// The arithmetic behind the shared chart (Chart.tsx), kept pure so it is tested without a browser: where a date
// sits on the time axis, which dates get a tick and how they are written (dd/MM, the Vietnamese way, in Vietnam's
// clock whatever the device's zone), and round steps for the value axis.

/** What one step of a series is: an hour (reach), a day (burndown) or a month (indicators). */
export type TimeUnit = 'hour' | 'day' | 'month';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Vietnam is UTC+7 all year (no daylight saving). */
const VIETNAM = 7 * HOUR;

/**
 * A date as a whole number of units since 1970, so that points one unit apart are one unit apart on the axis:
 * `YYYY-MM` → months, `YYYY-MM-DD` → days, an ISO timestamp → hours on Vietnam's clock.
 */
export function toPosition(at: string, unit: TimeUnit): number {
  if (unit === 'month') return Number(at.slice(0, 4)) * 12 + Number(at.slice(5, 7)) - 1;
  if (unit === 'day') return Math.round(Date.UTC(+at.slice(0, 4), +at.slice(5, 7) - 1, +at.slice(8, 10)) / DAY);
  return Math.floor((Date.parse(at) + VIETNAM) / HOUR);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar parts of a position (for hours, on Vietnam's clock). */
function partsOf(p: number, unit: TimeUnit) {
  if (unit === 'month') return { year: Math.floor(p / 12), month: (p % 12) + 1, day: 1, hour: 0 };
  const d = new Date(unit === 'day' ? p * DAY : p * HOUR);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours() };
}

/** How a position is written in full, in a tooltip or the table: 05/09/2026, 05/09/2026 14:00, 09/2026. */
export function fullLabel(p: number, unit: TimeUnit): string {
  const { year, month, day, hour } = partsOf(p, unit);
  if (unit === 'month') return `${pad(month)}/${year}`;
  const date = `${pad(day)}/${pad(month)}/${year}`;
  return unit === 'day' ? date : `${date} ${pad(hour)}:00`;
}

/** Steps between ticks, in units, smallest first; hour steps up to a day divide 24 so ticks fall on round hours. */
const STEPS: Record<TimeUnit, number[]> = {
  hour: [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720],
  day: [1, 2, 3, 7, 14, 28, 56, 91, 182, 364],
  month: [1, 2, 3, 6, 12, 24, 60],
};

export type TimeTick = { at: number; label: string; sub?: string };

/**
 * At most `maxTicks` ticks from `min` to `max` (positions), a round step apart: hours on the hour (every 3 h, 6 h…)
 * with the date under the first and wherever the day changes; days from the first day (every day, 2, 3, a week…)
 * as dd/MM; months on the month (quarters, years) as MM/yyyy.
 */
export function timeTicks(min: number, max: number, unit: TimeUnit, maxTicks: number): TimeTick[] {
  const span = max - min;
  const fit = Math.max(1, maxTicks);
  const steps = STEPS[unit];
  const step =
    steps.find((s) => Math.floor(span / s) + 1 <= fit) ?? steps.at(-1)! * Math.ceil(span / fit / steps.at(-1)!);
  // Days count from the first day (a campaign's week is from its start); hours and months from the clock's round.
  const first = unit === 'day' ? Math.ceil(min) : Math.ceil(min / step) * step;
  const ticks: TimeTick[] = [];
  let lastDay = '';
  for (let at = first; at <= max + 1e-9; at += step) {
    const { year, month, day, hour } = partsOf(at, unit);
    if (unit === 'month') ticks.push({ at, label: `${pad(month)}/${year}` });
    else if (unit === 'day' || step >= 24) ticks.push({ at, label: `${pad(day)}/${pad(month)}` });
    else {
      const date = `${pad(day)}/${pad(month)}`;
      ticks.push({ at, label: `${pad(hour)}:00`, ...(date !== lastDay ? { sub: date } : {}) });
      lastDay = date;
    }
  }
  return ticks;
}

/** 1, 2 or 5 times a power of ten, nearest to `x` (the classic "nice number"). */
export function niceStep(x: number): number {
  if (!(x > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  const f = x / power;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * power;
}

/**
 * Ticks for a value axis from nought: about `count` round steps covering `max` (or exactly up to `fixedMax`, as
 * 100 for a percentage). Counts use whole steps only: "0,5 households" is not a tick.
 */
export function valueTicks(max: number, count: number, options: { integer?: boolean; fixedMax?: number } = {}) {
  // Nothing to show yet still gets an axis up to one.
  const top = options.fixedMax ?? (max > 0 ? max : 1);
  let step = niceStep(top / Math.max(1, count));
  if (options.integer) step = Math.max(1, Math.round(step));
  const end = options.fixedMax ?? Math.ceil(top / step) * step;
  const ticks: number[] = [];
  // Rounded so that 0.1 + 0.2 reads 0.3 on the axis.
  for (let v = 0; v <= end + step / 1e6; v += step) ticks.push(Math.round(v * 1e9) / 1e9);
  return { ticks, max: end };
}

/** A linear map from a domain to a range (both as [from, to]); a domain of one point maps to the range's middle. */
export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]) {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** The index of the point nearest to position `p` (positions sorted ascending); -1 when there are none. */
export function nearestIndex(positions: number[], p: number): number {
  let best = -1;
  let distance = Number.POSITIVE_INFINITY;
  positions.forEach((q, i) => {
    if (Math.abs(q - p) < distance) {
      distance = Math.abs(q - p);
      best = i;
    }
  });
  return best;
}
