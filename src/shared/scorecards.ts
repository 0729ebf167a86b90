/**
 * Digital-transformation scorecards (issue 17): the vocabulary the server and the screens share. Indicators are data
 * (the `scorecard_indicators` table); this file holds what is fixed: the kinds, the periods, how a value, a traffic
 * light, a score and a rank are worked out. Every value is a numerator over a denominator (a/b), or a count (a alone):
 * a province's value is its units' numerators and denominators added up, never an average of their percentages.
 */

export const indicatorKinds = ['COMPUTED', 'ENTERED'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

/** The unit tiers an indicator is measured at (a residential group is the COMMUNITY tier). */
export const indicatorLevels = ['COMMUNITY', 'COMMUNE', 'PROVINCE'] as const;
export type IndicatorLevel = (typeof indicatorLevels)[number];

/**
 * PERCENT: a of b, shown as a percentage; COUNT: a alone (computers, cameras); AVERAGE: a / b in the indicator's own
 * unit (the computers' total age over their number = their mean age in years).
 */
export const measures = ['PERCENT', 'COUNT', 'AVERAGE'] as const;
export type Measure = (typeof measures)[number];

/** Whether more is better (most) or less is (the computers' age). */
export const directions = ['HIGHER', 'LOWER'] as const;
export type Direction = (typeof directions)[number];

export const periodKinds = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/**
 * The indicators Ketnoi computes from its own data. Each is a key into the server's computations
 * (modules/scorecards/scorecards.compute.ts); the catalog row names it in `source`.
 */
export const computedSources = [
  'VNEID_L2',
  'PHONE_ON_RECORD',
  'CHANNEL_HOUSEHOLDS',
  'ANNOUNCEMENT_REACH_30D',
  'DOSSIER_ONLINE',
  'DOSSIER_FULL_ONLINE',
  'DOSSIER_ON_TIME',
  'DOSSIER_PAID_ONLINE',
  'DOSSIER_E_RESULT',
  'DOSSIER_DIGITIZED',
  'FEEDBACK_ON_TIME',
  'FEEDBACK_SATISFIED',
  'CAMPAIGN_COMPLETION',
  'TEAM_TRAINED',
  'TEAM_ACTIVE',
] as const;
export type ComputedSource = (typeof computedSources)[number];

/** Entered values: a draft, sent to the province, approved (then locked) or returned with a reason. */
export const entryStatuses = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const;
export type EntryStatus = (typeof entryStatuses)[number];

/** What the province has on its ICT inventory, per unit (feeds the entered indicators). */
export const inventoryKinds = [
  'COMPUTER',
  'BROADBAND_LINE',
  'VIDEO_ROOM',
  'CAMERA',
  'DIGITAL_SIGNATURE',
  'OFFICIAL_EMAIL',
] as const;
export type InventoryKind = (typeof inventoryKinds)[number];
export const inventoryStates = ['WORKING', 'BROKEN', 'RETIRED'] as const;
export type InventoryState = (typeof inventoryStates)[number];

/** A traffic light against the target: met, near it (within the margin), behind; or nothing to compare. */
export const lights = ['MET', 'NEAR', 'BEHIND', 'NO_TARGET', 'NO_DATA'] as const;
export type Light = (typeof lights)[number];

/** The default "near" margin: within 10% of the target (relative) is amber. Configurable per province and indicator. */
export const DEFAULT_NEAR_MARGIN = 0.1;

// ---------------------------------------------------------------------------------------------------------------
// Periods: '2026-11' (a month), '2026-Q4' (a quarter), '2026' (a year). Months are what snapshots freeze.

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

export function periodKindOf(key: string): PeriodKind | null {
  if (MONTH.test(key)) return 'MONTH';
  if (QUARTER.test(key)) return 'QUARTER';
  if (YEAR.test(key)) return 'YEAR';
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The first and last day of a period, both included (ISO dates). */
export function periodRange(key: string): { from: string; to: string } {
  let m = MONTH.exec(key);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return { from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` };
  }
  m = QUARTER.exec(key);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    const first = (q - 1) * 3 + 1;
    return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}` };
  }
  m = YEAR.exec(key);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  throw new Error(`not a period: ${key}`);
}

/** The period before (2026-01 → 2025-12, 2026-Q1 → 2025-Q4, 2026 → 2025): "the change since last period". */
export function previousPeriod(key: string): string {
  let m = MONTH.exec(key);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return mo === 1 ? `${y - 1}-12` : `${y}-${pad(mo - 1)}`;
  }
  m = QUARTER.exec(key);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  }
  m = YEAR.exec(key);
  if (m) return String(Number(m[1]) - 1);
  throw new Error(`not a period: ${key}`);
}

/** The month, quarter and year a month belongs to, narrowest first: where a month's target is looked up. */
export function enclosingPeriods(month: string): string[] {
  const m = MONTH.exec(month);
  if (!m) return [month, ...(QUARTER.test(month) ? [month.slice(0, 4)] : [])];
  const q = Math.floor((Number(m[2]) - 1) / 3) + 1;
  return [month, `${m[1]}-Q${q}`, m[1]!];
}

/** The month of a day in Vietnam (UTC+7, no daylight saving): '2026-12'. */
export function monthOf(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}`;
}

/** The twelve months up to and including `month`, oldest first (trend charts). */
export function monthsUpTo(month: string, count = 12): string[] {
  const out = [month];
  while (out.length < count) out.unshift(previousPeriod(out[0]!));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Values, lights, scores and ranks.

/** A value as numbers: PERCENT → a/b (0..1), AVERAGE → a/b, COUNT → a. Null when there is nothing to divide by. */
export function valueOfMeasure(measure: Measure, numerator: number | null, denominator: number | null): number | null {
  if (numerator === null) return null;
  if (measure === 'COUNT') return numerator;
  if (!denominator) return null;
  return Math.round((numerator / denominator) * 10000) / 10000;
}

/**
 * The traffic light of a value against a target. "Near" is within `margin` of the target, relative to it (a target
 * of 80% with a 10% margin: 72% or more is near). For LOWER indicators the comparison turns round.
 */
export function lightOf(value: number | null, target: number | null, direction: Direction, margin: number): Light {
  if (value === null) return 'NO_DATA';
  if (target === null) return 'NO_TARGET';
  if (direction === 'HIGHER') {
    if (value >= target) return 'MET';
    return value >= target * (1 - margin) ? 'NEAR' : 'BEHIND';
  }
  if (value <= target) return 'MET';
  return value <= target * (1 + margin) ? 'NEAR' : 'BEHIND';
}

/** Is `candidate` at least as strict as `inherited`? A unit may tighten an inherited target, never loosen it. */
export const isStricter = (candidate: number, inherited: number, direction: Direction) =>
  direction === 'HIGHER' ? candidate >= inherited : candidate <= inherited;

/**
 * How a scored set turns a value into points (DOMAIN-2 §3): RATIO, the a/b pattern, score = ratio × max (capped at
 * max; for a COUNT measured against a target, value / target); STEPS, the first step whose `min` the value reaches
 * (steps ordered from the highest `min` down: meets 4 times = 20, 3 = 15 …).
 */
export type ScoringRule = { kind: 'RATIO' } | { kind: 'STEPS'; steps: { min: number; points: number }[] };

export function pointsOf(
  rule: ScoringRule,
  maxPoints: number,
  value: number | null,
  measure: Measure,
  target: number | null,
): number {
  if (value === null) return 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  if (rule.kind === 'RATIO') {
    const ratio = measure === 'PERCENT' ? value : target ? value / target : 0;
    return round(Math.max(0, Math.min(1, ratio)) * maxPoints);
  }
  const steps = [...rule.steps].sort((a, b) => b.min - a.min);
  const step = steps.find((s) => value >= s.min);
  return round(Math.min(maxPoints, step?.points ?? 0));
}

/**
 * Standard competition ranking ("1, 2, 2, 4"): equal values share a rank, the next rank skips. Units without a value
 * come last, unranked (null). The stated tie rule: equal values (to 4 decimals) share the rank; the list shows them
 * in name order.
 */
export function rankValues<T extends { value: number | null; name: string }>(
  rows: T[],
  direction: Direction,
): (T & { rank: number | null })[] {
  const key = (v: number) => Math.round(v * 10000);
  const sorted = [...rows].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
    const d = direction === 'HIGHER' ? key(b.value) - key(a.value) : key(a.value) - key(b.value);
    return d !== 0 ? d : a.name.localeCompare(b.name, 'vi');
  });
  let rank = 0;
  let last: number | null = null;
  return sorted.map((row, i) => {
    if (row.value === null) return { ...row, rank: null };
    if (last === null || key(row.value) !== last) rank = i + 1;
    last = key(row.value);
    return { ...row, rank };
  });
}
