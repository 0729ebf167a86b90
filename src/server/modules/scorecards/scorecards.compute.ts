import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../../db/client.js';
import { validation } from '../../lib/errors.js';
import { monthOf, periodKindOf, periodRange } from '../../../shared/scorecards.js';
import { computeEntered } from './scorecards.compute-entered.js';
import { computeRegistry } from './scorecards.compute-registry.js';
import { stampTargets } from './scorecards.compute-stamp.js';
import { computeWork } from './scorecards.compute-work.js';
import type { ComputeContext } from './scorecards.compute-rollup.js';

const DAY = 86_400_000;
const VIETNAM = 7 * 3_600_000;

/** Today in Vietnam as an ISO date. */
const localDay = (at: Date) => new Date(at.getTime() + VIETNAM).toISOString().slice(0, 10);

/**
 * The moment a Vietnamese day ends (its next midnight, UTC+7): every "as of" comparison on a timestamp is `< end`,
 * every one on a date is `<= asOf`, so a row dated on the last day counts and one dated the day after does not.
 */
const endOfLocalDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY - VIETNAM);

/**
 * What a month is computed "as of": its last day, or today while it runs (a count of people "now" must not include
 * tomorrow's arrivals, and a month in progress is shown as it stands).
 */
export function contextOf(province: { id: number; path: string }, period: string, now: Date): ComputeContext {
  if (periodKindOf(period) !== 'MONTH') throw new Error(`scorecards are computed per month, not ${period}`);
  const { from, to } = periodRange(period);
  const today = localDay(now);
  // ISO dates order as text.
  const asOf = [today, to].sort()[0]!;
  return {
    provinceId: province.id,
    provincePath: province.path,
    period,
    from,
    asOf,
    start: new Date(Date.parse(`${from}T00:00:00Z`) - VIETNAM),
    end: endOfLocalDay(asOf),
    computedAt: now,
  };
}

async function provinceRow(tx: Tx, provinceId: number): Promise<{ id: number; path: string }> {
  const [row] = await queryRows<{ id: number; path: string }>(
    tx,
    sql`select id, path from units where id = ${provinceId} and tier = 'PROVINCE'`,
  );
  if (!row) throw new Error(`unit ${provinceId} is not a province`);
  return row;
}

/**
 * Writes `scorecard_values` for every open (not frozen) value of a province in a month: each active computed
 * indicator computed "as of" the month's end (or `now`, for the month in progress), and each entered indicator from
 * its approved entries. Rows for every unit of tier COMMUNITY, COMMUNE and PROVINCE the indicator applies to.
 * One set-based statement per family of sources for the whole province (a million residents in seconds, not a loop
 * over units); frozen rows are skipped by the upsert's condition, never touched, so the trigger is never reached.
 */
export async function refreshValues(
  tx: Tx,
  provinceId: number,
  period: string,
  options: { now?: Date } = {},
): Promise<{ values: number }> {
  const ctx = contextOf(await provinceRow(tx, provinceId), period, options.now ?? new Date());
  // A province's million stays are grouped per household in memory rather than sorted on disk (the default 4 MB
  // spills): for this transaction only.
  await tx.execute(sql`set local work_mem = '64MB'`);
  let values = 0;
  values += await computeRegistry(tx, ctx);
  values += await computeWork(tx, ctx);
  values += await computeEntered(tx, ctx);
  return { values };
}

/** Has a month ended by `now` (Vietnam time)? Only ended months can be frozen. */
export const monthEnded = (period: string, now: Date) => periodKindOf(period) === 'MONTH' && period < monthOf(now);

export const periodNotEnded = () =>
  validation([
    {
      field: 'period',
      code: 'PERIOD_NOT_ENDED',
      message: {
        vi: 'Chỉ chốt số liệu được khi tháng đã kết thúc',
        en: 'Only a month that has ended can be frozen',
      },
    },
  ]);

/**
 * The month's snapshot: refreshes the month one last time, then freezes its values (`frozen_at`) and records the run
 * in `scorecard_snapshots`. Idempotent: a month already frozen returns its count unchanged. All in one transaction,
 * the run's row locked first, so two runs at once (the nightly job and a manager's click) freeze once.
 */
export async function freezeMonth(
  database: Database,
  provinceId: number,
  period: string,
  options: { now?: Date } = {},
): Promise<{ values: number; alreadyFrozen: boolean; id: number }> {
  const now = options.now ?? new Date();
  if (!monthEnded(period, now)) throw periodNotEnded();
  return database.db.transaction(async (tx) => {
    const province = await provinceRow(tx, provinceId);
    await tx.execute(
      sql`insert into scorecard_snapshots (province_id, period, started_at) values (${provinceId}, ${period}, ${now})
          on conflict (province_id, period) do nothing`,
    );
    const [run] = await queryRows<{ id: number; values: number; finishedAt: Date | null }>(
      tx,
      sql`select id, values, finished_at as "finishedAt" from scorecard_snapshots
          where province_id = ${provinceId} and period = ${period} for update`,
    );
    if (run!.finishedAt) return { id: run!.id, values: run!.values, alreadyFrozen: true };
    await refreshValues(tx, provinceId, period, { now });
    await stampTargets(tx, province, period);
    await tx.execute(
      sql`update scorecard_values v set frozen_at = ${now}
          from units u
          where v.period = ${period} and v.frozen_at is null and u.id = v.unit_id and u.path like ${`${province.path}%`}`,
    );
    // Values frozen earlier (a row frozen by a previous, interrupted run) count too: the run covers the whole month.
    const [all] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from scorecard_values v join units u on u.id = v.unit_id
          where v.period = ${period} and v.frozen_at is not null and u.path like ${`${province.path}%`}`,
    );
    await tx.execute(
      sql`update scorecard_snapshots set finished_at = ${now}, values = ${all!.n} where id = ${run!.id}`,
    );
    return { id: run!.id, values: all!.n, alreadyFrozen: false };
  });
}
