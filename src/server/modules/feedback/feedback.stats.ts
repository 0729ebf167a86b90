import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { pathAlongScope, pathInScope, type Scope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';
import { addDays, localParts } from '../calendar/working-days.js';
import { type Period, periodOf } from '../indicators/indicators.period.js';

/**
 * The measures of questions and reports (issue 16 §5) per unit and period, read from the per commune-day table the
 * tickets' triggers keep (`feedback_daily_stats`; docs/decisions.md "Feedback measures from a stats table"). Each count falls on its own event's local day, as the
 * one-stop indicators do: received on the day it came in, answered on the (first) answer's day, rated on the rating's
 * day, rejected on the refusal's day. A duplicate merged into another ticket and a ticket marked as abuse count
 * nowhere (the target carries the answer; abuse is not a question). "Overdue now" is not a period count: open tickets
 * past the deadline in force (an approved extension counted) at the moment of asking, counted live on the open-ticket
 * index. The working time to answer is frozen on the ticket at its first answer (`answer_working_minutes`).
 */
export const StatsGroup = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' } as const;
export type StatsGroup = (typeof StatsGroup)[keyof typeof StatsGroup];

export type Rate = { value: number | null; numerator: number; denominator: number };
export type Counts = {
  received: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  /** Answered with an approved extension in force (on time or not): Huế's "late with an approved extension". */
  answeredExtended: number;
  rejected: number;
  rated: number;
  satisfied: number;
};
export type Measures = Counts & {
  /** Mean working hours from receipt to the answer, over the answers of the period (one decimal). */
  avgAnswerHours: number | null;
  onTimeRate: Rate;
  satisfactionRate: Rate;
};

const countKeys = [
  'received',
  'answered',
  'answeredOnTime',
  'answeredExtended',
  'rejected',
  'rated',
  'satisfied',
] as const;
type RawCounts = Record<(typeof countKeys)[number], number>;

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);
const rate = (numerator: number, denominator: number): Rate => ({
  value: ratio(numerator, denominator),
  numerator,
  denominator,
});

const bucketFormat: Record<StatsGroup, string> = { month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' };
const bucketOf = (at: Date, group: StatsGroup) => {
  const day = localParts(at).day;
  if (group === 'year') return day.slice(0, 4);
  if (group === 'month') return day.slice(0, 7);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
};

/** An open ticket: still running (not finished), neither merged away nor marked as abuse (`tickets_open_due_idx`). */
const openTicket = sql`t.status not in ('REJECTED', 'ANSWERED', 'CLOSED') and t.merged_into_id is null and t.abuse_at is null`;

/** The communes at, above or below a unit: listed first so the stats' (commune, unit, day) key narrows the rows. */
async function communesAlong(db: Tx, path: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select c.id from units c where c.tier = 'COMMUNE' and (c.path like ${`${path}%`} or ${path} like c.path || '%')`,
  );
  return rows.map((r) => r.id);
}

/** Where rows are counted (`r` a ticket or a stats row): in those communes, held under `path`, in the caller's scope. */
function heldUnder(r: 't' | 's', communeIds: number[], path: string, scope: Scope): SQL {
  const ids =
    communeIds.length > 0
      ? sql.join(
          communeIds.map((id) => sql`${id}`),
          sql`, `,
        )
      : sql`null`;
  return sql`${sql.raw(r)}.commune_id in (${ids}) and u.path like ${`${path}%`} and ${pathInScope(sql`u.path`, scope)}`;
}

/** What a row is grouped under: the commune it was sent to, or the child of `path` it sits in (null: the unit itself). */
function groupKey(r: 't' | 's', by: 'commune' | 'child', path: string): SQL {
  if (by === 'commune') return sql`${sql.raw(r)}.commune_id`;
  const depth = path.split('/').filter(Boolean).length;
  return sql`nullif(split_part(u.path, '/', ${depth + 2}), '')::int`;
}

type Row = RawCounts & { bucket: string | null; key: number | null; minutes: number | null; answers: number };

/**
 * The period's counts and answer minutes from `feedback_daily_stats` (kept by the tickets' triggers, migration
 * 0043_feedback-stats), one row per (bucket, group key); no bucket for a ranking or the indicators.
 */
async function statsRows(db: Tx, where: SQL, key: SQL, period: Period, group: StatsGroup | null) {
  const bucket = group === null ? sql`null::text` : sql`to_char(s.day, ${bucketFormat[group]})`;
  const rows = await queryRows<Row>(
    db,
    sql`
    select ${bucket} as bucket, ${key} as key,
      sum(s.received)::int as received, sum(s.answered)::int as answered,
      sum(s.answered_on_time)::int as "answeredOnTime", sum(s.answered_extended)::int as "answeredExtended",
      sum(s.rejected)::int as rejected, sum(s.rated)::int as rated, sum(s.satisfied)::int as satisfied,
      sum(s.answer_minutes)::float8 as minutes, sum(s.timed_answers)::int as answers
    from feedback_daily_stats s join units u on u.id = s.unit_id
    where ${where} and s.day >= ${period.from}::date and s.day <= ${period.to}::date
    group by 1, 2`,
  );
  return rows.map((r) => ({ ...r, minutes: Number(r.minutes ?? 0) }));
}

/** Open tickets now and those past their deadline in force, per group key: a live count on the open-ticket index. */
async function overdueRows(db: Tx, where: SQL, key: SQL) {
  return queryRows<{ key: number | null; overdue: number; open: number }>(
    db,
    sql`select ${key} as key, count(*) filter (where coalesce(t.extended_due_at, t.due_at) < now())::int as overdue,
      count(*)::int as open
    from tickets t join units u on u.id = t.unit_id
    where ${where} and ${openTicket} group by 1`,
  );
}

const zero = (): RawCounts => ({
  received: 0,
  answered: 0,
  answeredOnTime: 0,
  answeredExtended: 0,
  rejected: 0,
  rated: 0,
  satisfied: 0,
});

function add(into: RawCounts, row: RawCounts) {
  for (const k of countKeys) into[k] += row[k];
}

function measuresOf(c: RawCounts, minutes: { sum: number; n: number } | undefined): Measures {
  return {
    ...c,
    answeredLate: c.answered - c.answeredOnTime,
    avgAnswerHours: minutes && minutes.n > 0 ? Math.round((minutes.sum / minutes.n / 60) * 10) / 10 : null,
    onTimeRate: rate(c.answeredOnTime, c.answered),
    satisfactionRate: rate(c.satisfied, c.rated),
  };
}

type Tally = { counts: RawCounts; minutes: { sum: number; n: number } };
const tally = (): Tally => ({ counts: zero(), minutes: { sum: 0, n: 0 } });

/**
 * The measures under `path` over a period: totals, one entry per bucket (month, quarter or year; none for a ranking)
 * and one per group key (the commune, or the child unit), plus the open and overdue tickets now per group key.
 */
async function measure(
  db: Tx,
  scope: Scope,
  path: string,
  period: Period,
  group: StatsGroup | null,
  by: 'commune' | 'child',
) {
  const communeIds = await communesAlong(db, path);
  const [rows, overdue] = await Promise.all([
    statsRows(db, heldUnder('s', communeIds, path, scope), groupKey('s', by, path), period, group),
    overdueRows(db, heldUnder('t', communeIds, path, scope), groupKey('t', by, path)),
  ]);
  const total = tally();
  const buckets = new Map<string, Tally>();
  const keys = new Map<number | null, Tally>();
  const at = <K>(m: Map<K, Tally>, k: K) => m.get(k) ?? m.set(k, tally()).get(k)!;
  for (const r of rows) {
    add(total.counts, r);
    if (r.bucket !== null) add(at(buckets, r.bucket).counts, r);
    add(at(keys, r.key).counts, r);
    const targets = [total.minutes, at(keys, r.key).minutes];
    if (r.bucket !== null) targets.push(at(buckets, r.bucket).minutes);
    for (const m of targets) {
      m.sum += r.minutes ?? 0;
      m.n += r.answers;
    }
  }
  return { total, buckets, keys, overdue: new Map(overdue.map((o) => [o.key, o])) };
}

/** Every bucket label of a period, so months without a ticket still show (as zeros). */
export function bucketsOf(period: Period, group: StatsGroup): string[] {
  const out: string[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    const b = bucketOf(new Date(`${day}T12:00:00+07:00`), group);
    if (out.at(-1) !== b) out.push(b);
  }
  return out;
}

type UnitRow = { id: number; code: string; name: string; path: string; tier: string };

async function findUnit(db: Tx, id: number, inScope: SQL): Promise<UnitRow> {
  const [unit] = await queryRows<UnitRow>(
    db,
    sql`select u.id, u.code, u.name, u.path, u.tier from units u where u.id = ${id} and ${inScope}`,
  );
  if (!unit) throw notFound({ vi: 'Không tìm thấy đơn vị', en: 'Unit not found' });
  return unit;
}

export type StatsQuery = { unit: number; from?: string; to?: string; groupBy: StatsGroup };

/**
 * A unit's measures (a commune, a group, or a province for its officers) over a period: totals with the open and
 * overdue tickets now, per bucket, and per unit directly under it (the tickets held by the unit itself as its own row).
 */
export async function loadFeedbackStats(db: Tx, scope: Scope, query: StatsQuery) {
  const period = periodOf(query);
  const unit = await findUnit(db, query.unit, pathInScope(sql`u.path`, scope));
  const m = await measure(db, scope, unit.path, period, query.groupBy, 'child');
  const children = await queryRows<{ id: number; name: string }>(
    db,
    sql`select u.id, u.name from units u where u.parent_id = ${unit.id} and u.closed_at is null
        and ${pathInScope(sql`u.path`, scope)} order by u.name`,
  );
  const overdueAll = [...m.overdue.values()].reduce((s, o) => s + o.overdue, 0);
  const openAll = [...m.overdue.values()].reduce((s, o) => s + o.open, 0);
  const rowFor = (key: number | null) => {
    const t = m.keys.get(key);
    return {
      ...measuresOf(t?.counts ?? zero(), t?.minutes),
      overdueNow: m.overdue.get(key)?.overdue ?? 0,
      openNow: m.overdue.get(key)?.open ?? 0,
    };
  };
  const childIds = new Set(children.map((c) => c.id));
  return {
    period,
    groupBy: query.groupBy,
    unit: { id: unit.id, name: unit.name },
    totals: { ...measuresOf(m.total.counts, m.total.minutes), overdueNow: overdueAll, openNow: openAll },
    periods: bucketsOf(period, query.groupBy).map((b) => {
      const t = m.buckets.get(b);
      return { period: b, ...measuresOf(t?.counts ?? zero(), t?.minutes) };
    }),
    units: [
      { unitId: unit.id, name: unit.name, own: true, ...rowFor(null) },
      ...children.map((c) => ({ unitId: c.id, name: c.name, own: false, ...rowFor(c.id) })),
      // A child closed since, still holding tickets of the period.
      ...[...m.keys.keys()]
        .filter((k): k is number => k !== null && !childIds.has(k))
        .map((k) => ({ unitId: k, name: `#${k}`, own: false, ...rowFor(k) })),
    ],
  };
}

export const RankBy = {
  ON_TIME: 'onTimeRate',
  SATISFACTION: 'satisfactionRate',
  AVG_HOURS: 'avgAnswerHours',
  OVERDUE: 'overdueNow',
  RECEIVED: 'received',
} as const;
export type RankBy = (typeof RankBy)[keyof typeof RankBy];

type Ranked = Measures & { overdueNow: number; name: string };
/** Higher is better for the rates and the volume, lower for the hours and the overdue; a commune without a value last. */
function rankValue(r: Ranked, by: RankBy): number | null {
  if (by === 'onTimeRate' || by === 'satisfactionRate') return r[by].value === null ? null : r[by].value;
  if (by === 'avgAnswerHours') return r.avgAnswerHours === null ? null : -r.avgAnswerHours;
  if (by === 'overdueNow') return -r.overdueNow;
  return r.received;
}

/** Competition ranking ("1, 2, 2, 4"): equal values share a rank; those without a value are unranked (null). */
export function rankRows<T extends Ranked>(rows: T[], by: RankBy): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => {
    const va = rankValue(a, by);
    const vb = rankValue(b, by);
    if (va === null || vb === null) return va === vb ? a.name.localeCompare(b.name, 'vi') : va === null ? 1 : -1;
    return vb - va || a.name.localeCompare(b.name, 'vi');
  });
  let previous: number | null = null;
  let rank = 0;
  return sorted.map((r, i) => {
    const v = rankValue(r, by);
    if (v === null) return { ...r, rank: null };
    if (v !== previous) rank = i + 1;
    previous = v;
    return { ...r, rank };
  });
}

export type RankingQuery = { provinceId: number; from?: string; to?: string; by: RankBy };

/**
 * The communes under a unit (a province for its officers) ranked on one measure over a period. The unit may lie above
 * the caller's units (a commune leader asking for the province); only the communes in the caller's scope are listed.
 */
export async function loadFeedbackRanking(db: Tx, scope: Scope, query: RankingQuery) {
  const period = periodOf(query);
  const unit = await findUnit(db, query.provinceId, pathAlongScope(sql`u.path`, scope));
  const m = await measure(db, scope, unit.path, period, null, 'commune');
  const communes = await queryRows<{ id: number; code: string; name: string }>(
    db,
    sql`select u.id, u.code, u.name from units u where u.tier = 'COMMUNE' and u.path like ${`${unit.path}%`}
        and ${pathInScope(sql`u.path`, scope)} order by u.name`,
  );
  const rows = communes.map((c) => {
    const t = m.keys.get(c.id);
    return {
      unitId: c.id,
      code: c.code,
      name: c.name,
      ...measuresOf(t?.counts ?? zero(), t?.minutes),
      overdueNow: m.overdue.get(c.id)?.overdue ?? 0,
    };
  });
  return { period, by: query.by, unit: { id: unit.id, name: unit.name }, items: rankRows(rows, query.by) };
}

/**
 * The feedback rates the indicators page shows beside the dossiers' (issue 16 §5): on time and satisfied, with their
 * numerators and denominators, for the unit's subtree and each commune under it, and the overdue now.
 */
export async function feedbackIndicators(db: Tx, scope: Scope, path: string, period: Period) {
  const m = await measure(db, scope, path, period, null, 'commune');
  const of = (t: Tally | undefined, overdueNow: number) => {
    const x = measuresOf(t?.counts ?? zero(), t?.minutes);
    return {
      received: x.received,
      answered: x.answered,
      onTimeRate: x.onTimeRate,
      satisfactionRate: x.satisfactionRate,
      avgAnswerHours: x.avgAnswerHours,
      overdueNow,
    };
  };
  const overdueAll = [...m.overdue.values()].reduce((s, o) => s + o.overdue, 0);
  return {
    totals: of(m.total, overdueAll),
    byCommune: (communeId: number) => of(m.keys.get(communeId), m.overdue.get(communeId)?.overdue ?? 0),
  };
}
export type FeedbackIndicators = ReturnType<Awaited<ReturnType<typeof feedbackIndicators>>['byCommune']>;
