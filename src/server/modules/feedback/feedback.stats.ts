import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { pathAlongScope, pathInScope, type Scope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';
import { loadExceptions } from '../calendar/calendar.repo.js';
import { addDays, isWorkingDay, localInstant, localParts } from '../calendar/working-days.js';
import { DEFAULT_OFFICE_HOURS } from '../calendar/working-hours.js';
import { type Period, periodOf } from '../indicators/indicators.period.js';

/**
 * The measures of questions and reports (issue 16 §5) per unit and period, straight from `tickets` (no stats table:
 * docs/decisions.md "Feedback measures by direct queries"). Each count falls on its own event's local day, as the
 * one-stop indicators do: received on the day it came in, answered on the (first) answer's day, rated on the rating's
 * day, rejected on the refusal's day. A duplicate merged into another ticket and a ticket marked as abuse count
 * nowhere (the target carries the answer; abuse is not a question). "Overdue now" is not a period count: open tickets
 * past the deadline in force (an approved extension counted) at the moment of asking.
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

/** Written into the statement (a constant, not a parameter), so each row's conversion needs no lookup of it. */
const TZ = sql.raw(`'Asia/Ho_Chi_Minh'`);
/** The office sessions in minutes since midnight (the calendar's 7:30–11:30 and 13:30–17:00). */
const SESSIONS = DEFAULT_OFFICE_HOURS.map(([s, e]) => [toMinutes(s), toMinutes(e)] as const);
const WORKDAY_MINUTES = SESSIONS.reduce((sum, [s, e]) => sum + (e - s), 0);
function toMinutes(hhmm: string) {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
const bucketFormat: Record<StatsGroup, string> = { month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' };
/** A local day's first instant and the day after the period's last one: [lo, hi). */
const bounds = (p: Period) => ({
  lo: sql`${localInstant(p.from, '00:00').toISOString()}::timestamptz`,
  hi: sql`${localInstant(addDays(p.to, 1), '00:00').toISOString()}::timestamptz`,
});
const bucketOf = (at: Date, group: StatsGroup) => {
  const day = localParts(at).day;
  if (group === 'year') return day.slice(0, 4);
  if (group === 'month') return day.slice(0, 7);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
};

/** An open ticket: still running (not finished), neither merged away nor marked as abuse. */
const openTicket = sql`t.status not in ('REJECTED', 'ANSWERED', 'CLOSED')`;
const counted = sql`t.abuse_at is null and t.merged_into_id is null`;
/** On time as frozen at the answer, else answered by the deadline in force (an approved extension counted). */
const onTimeFlag = sql`coalesce(t.on_time, t.answered_at <= coalesce(t.extended_due_at, t.due_at))`;

/** The communes at, above or below a unit: listed first so the (commune, received) index narrows the rows. */
async function communesAlong(db: Tx, path: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select c.id from units c where c.tier = 'COMMUNE' and (c.path like ${`${path}%`} or ${path} like c.path || '%')`,
  );
  return rows.map((r) => r.id);
}

/** Where the tickets are counted: in those communes, under `path`, in the caller's scope, neither merged nor abuse. */
function ticketsUnder(communeIds: number[], path: string, scope: Scope): SQL {
  const ids =
    communeIds.length > 0
      ? sql.join(
          communeIds.map((id) => sql`${id}`),
          sql`, `,
        )
      : sql`null`;
  return sql`t.commune_id in (${ids}) and u.path like ${`${path}%`} and ${pathInScope(sql`u.path`, scope)} and ${counted}`;
}

/** What a row is grouped under: the commune it was sent to, or the child of `path` it sits in (null: the unit itself). */
function groupKey(by: 'commune' | 'child', path: string): SQL {
  if (by === 'commune') return sql`t.commune_id`;
  const depth = path.split('/').filter(Boolean).length;
  return sql`nullif(split_part(u.path, '/', ${depth + 2}), '')::int`;
}

type Row = RawCounts & { bucket: string | null; key: number | null };

/** When a refused ticket was refused: its journal's REJECTED entry (else its last change). Only for REJECTED rows. */
const rejectedAt = sql`case when t.status = 'REJECTED' then coalesce(
    (select max(e.at) from ticket_events e where e.ticket_id = t.id and e.to_status = 'REJECTED'), t.updated_at) end`;

/** The period's counts, one row per (bucket, group key), each event on its own day. */
async function countRows(db: Tx, where: SQL, key: SQL, period: Period, group: StatsGroup) {
  const { lo, hi } = bounds(period);
  return queryRows<Row>(
    db,
    sql`
    select to_char(ev.at at time zone ${TZ}, ${bucketFormat[group]}) as bucket, ev.key,
      count(*) filter (where ev.kind = 'received')::int as received,
      count(*) filter (where ev.kind = 'answered')::int as answered,
      count(*) filter (where ev.kind = 'answered' and ev.flag)::int as "answeredOnTime",
      count(*) filter (where ev.kind = 'answered' and ev.extended)::int as "answeredExtended",
      count(*) filter (where ev.kind = 'rejected')::int as rejected,
      count(*) filter (where ev.kind = 'rated')::int as rated,
      count(*) filter (where ev.kind = 'rated' and ev.flag)::int as satisfied
    from tickets t join units u on u.id = t.unit_id
    cross join lateral (values
      ('received', t.received_at, null::boolean, false),
      ('answered', t.answered_at, ${onTimeFlag}, t.extended_due_at is not null),
      ('rejected', ${rejectedAt}, null::boolean, false),
      ('rated', t.rated_at, t.rating = 'SATISFIED', false)
    ) as ev0(kind, at, flag, extended)
    cross join lateral (select ev0.*, ${key} as key) ev
    where ${where} and t.received_at < ${hi} and ev.at >= ${lo} and ev.at < ${hi}
    group by 1, 2`,
  );
}

/**
 * Without buckets (a ranking, the indicators): every count, the answers' instants and the overdue now per group key in
 * one pass over the rows, as the three queries below give them.
 */
async function onePass(db: Tx, where: SQL, key: SQL, period: Period, clock: SQL) {
  const { lo, hi } = bounds(period);
  const within = (column: SQL) => sql`${column} >= ${lo} and ${column} < ${hi}`;
  const timed = sql`${within(sql`t.answered_at`)} and ca.day is not null and cb.day is not null`;
  const rows = await queryRows<Row & { minutes: number | null; answers: number; overdue: number; open: number }>(
    db,
    sql`
    with ${clock}
    select null as bucket, ${key} as key,
      count(*) filter (where ${within(sql`t.received_at`)})::int as received,
      count(*) filter (where ${within(sql`t.answered_at`)})::int as answered,
      count(*) filter (where ${within(sql`t.answered_at`)} and ${onTimeFlag})::int as "answeredOnTime",
      count(*) filter (where ${within(sql`t.answered_at`)} and t.extended_due_at is not null)::int as "answeredExtended",
      count(*) filter (where ${within(sql`r.at`)})::int as rejected,
      count(*) filter (where ${within(sql`t.rated_at`)})::int as rated,
      count(*) filter (where ${within(sql`t.rated_at`)} and t.rating = 'SATISFIED')::int as satisfied,
      sum(${answerMinutes}) filter (where ${timed})::float8 as minutes,
      count(*) filter (where ${timed})::int as answers,
      count(*) filter (where ${openTicket} and coalesce(t.extended_due_at, t.due_at) < now())::int as overdue,
      count(*) filter (where ${openTicket})::int as open
    from tickets t join units u on u.id = t.unit_id ${clockJoins}
      cross join lateral (select ${rejectedAt} as at) r
    where ${where}
    group by 2`,
  );
  return [
    rows,
    rows.map((r) => ({ bucket: null, key: r.key, minutes: Number(r.minutes ?? 0), answers: r.answers })),
    rows.map((r) => ({ key: r.key, overdue: r.overdue, open: r.open })),
  ] as const;
}

/** The working minutes of the period's answers (from receipt), summed per bucket of the answer's day and group key. */
async function answerRows(db: Tx, where: SQL, key: SQL, period: Period, group: StatsGroup, clock: SQL) {
  const { lo, hi } = bounds(period);
  const rows = await queryRows<{ bucket: string; key: number | null; minutes: number | null; answers: number }>(
    db,
    sql`with ${clock}
    select to_char(t.answered_at at time zone ${TZ}, ${bucketFormat[group]}) as bucket, ${key} as key,
      sum(${answerMinutes})::float8 as minutes, count(*)::int as answers
    from tickets t join units u on u.id = t.unit_id ${clockJoins}
    where ${where} and t.answered_at >= ${lo} and t.answered_at < ${hi} and ca.day is not null and cb.day is not null
    group by 1, 2`,
  );
  return rows.map((r) => ({ ...r, minutes: Number(r.minutes ?? 0) }));
}

/** Minutes since local midnight that fall in office hours, for a local timestamp (`x.lr`, `x.la`). */
const officeMinutes = (local: SQL) => {
  const m = sql`floor(extract(epoch from ${local}::time) / 60)::int`;
  return sql.join(
    SESSIONS.map(([start, end]) => sql`greatest(0, least(${m}, ${end}) - ${start})`),
    sql` + `,
  );
};
/**
 * Each row's local receipt and answer times and its refusal instant, computed once (`x`), and its receipt and answer
 * days in the clock (left joins: outside its range they stay null).
 */
const clockJoins = sql`
  cross join lateral (select t.received_at at time zone ${TZ} as lr, t.answered_at at time zone ${TZ} as la) x
  left join clock ca on ca.day = x.lr::date
  left join clock cb on cb.day = x.la::date`;
/** The working minutes from receipt to answer: the clock at the answer less the clock at the receipt. */
const answerMinutes = sql`((cb.before + case when cb.working then ${officeMinutes(sql`x.la`)} else 0 end)
  - (ca.before + case when ca.working then ${officeMinutes(sql`x.lr`)} else 0 end))`;

/**
 * The working-minute clock as a table the query joins (`clock(day, before, working)`): every local day from a year
 * before the period to its end, with the working minutes before it (the calendar's holidays and make-up days from
 * the database, office hours as workingMinutesBetween counts them). An answer to a question received earlier still
 * than that is left out of the mean.
 */
async function clockTable(db: Tx, period: Period): Promise<SQL> {
  const first = addDays(period.from, -400);
  const last = addDays(period.to, 1);
  const span = Math.ceil((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000);
  const exceptions = await loadExceptions(db, first, span + 1);
  const days: string[] = [];
  const before: number[] = [];
  const working: boolean[] = [];
  let total = 0;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const open = isWorkingDay(day, exceptions);
    days.push(day);
    before.push(total);
    working.push(open);
    total += open ? WORKDAY_MINUTES : 0;
  }
  return sql`clock(day, before, working) as (select * from unnest(${`{${days.join(',')}}`}::date[],
    ${`{${before.join(',')}}`}::int[], ${`{${working.join(',')}}`}::boolean[]))`;
}

/** Open tickets past their deadline right now, per group key. */
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
  const where = ticketsUnder(await communesAlong(db, path), path, scope);
  const key = groupKey(by, path);
  const clock = await clockTable(db, period);
  const [rows, answers, overdue] =
    group === null
      ? await onePass(db, where, key, period, clock)
      : await Promise.all([
          countRows(db, where, key, period, group),
          answerRows(db, where, key, period, group, clock),
          overdueRows(db, where, key),
        ]);
  const total = tally();
  const buckets = new Map<string, Tally>();
  const keys = new Map<number | null, Tally>();
  const at = <K>(m: Map<K, Tally>, k: K) => m.get(k) ?? m.set(k, tally()).get(k)!;
  for (const r of rows) {
    add(total.counts, r);
    if (r.bucket !== null) add(at(buckets, r.bucket).counts, r);
    add(at(keys, r.key).counts, r);
  }
  for (const a of answers) {
    const targets = [total.minutes, at(keys, a.key).minutes];
    if (a.bucket !== null) targets.push(at(buckets, a.bucket).minutes);
    for (const m of targets) {
      m.sum += a.minutes;
      m.n += a.answers;
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
