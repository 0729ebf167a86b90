import { sql } from 'drizzle-orm';
import type { App, AppDeps } from '../../deps.js';
import { queryRows } from '../../db/client.js';
import { wake } from '../../jobs/jobs.js';
import { errorForLog } from '../../lib/logging.js';
import { monthOf, PERIOD_PATTERN, periodKindOf, previousPeriod } from '../../../shared/scorecards.js';
import { freezeMonth, refreshValues } from './scorecards.compute.js';

export const REFRESH_QUEUE = 'scorecards.refresh';
export const SNAPSHOT_QUEUE = 'scorecards.snapshot';

export type RefreshJob = { provinceId: number; periods?: string[] };

type Deps = Pick<AppDeps, 'database' | 'jobs'>;

/**
 * Asks for a refresh of a province's months (others call it after an approval: use this rather than sending to the
 * queue, so the key is right). One run of the same province and months waits in the queue at a time (singleton
 * key): ten approvals of the same quarter in a minute make one run, which reads them all; another set of months is
 * another job, so no month asked for is dropped.
 */
export async function queueRefresh(jobs: AppDeps['jobs'], job: RefreshJob): Promise<void> {
  const months = [...new Set(job.periods ?? [])].sort().join(',') || 'current';
  await jobs.send(REFRESH_QUEUE, job, { singletonKey: `${REFRESH_QUEUE}:${job.provinceId}:${months}`, retryLimit: 1 });
}

/** The provinces that have anything to count: at least one unit under them. */
async function provinces(deps: Deps): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    deps.database.db,
    sql`select p.id from units p where p.tier = 'PROVINCE' and p.closed_at is null
        and exists (select 1 from units c where c.parent_id = p.id) order by p.id`,
  );
  return rows.map((r) => r.id);
}

/**
 * One refresh run: each month asked for (the current one by default), each in its own transaction; a frozen month is
 * skipped whole (its rows would be skipped one by one anyway). Months only: an approved quarterly value reaches the
 * months it covers, which is what the caller lists.
 */
export async function runRefresh(deps: Deps, job: RefreshJob, now = new Date()): Promise<number> {
  const periods = (job.periods?.length ? job.periods : [monthOf(now)]).filter(
    (p) => PERIOD_PATTERN.test(p) && periodKindOf(p) === 'MONTH',
  );
  let values = 0;
  for (const period of [...new Set(periods)]) {
    const [frozen] = await queryRows<{ id: number }>(
      deps.database.db,
      sql`select id from scorecard_snapshots where province_id = ${job.provinceId} and period = ${period}
          and finished_at is not null`,
    );
    if (frozen) continue;
    const done = await deps.database.db.transaction((tx) => refreshValues(tx, job.provinceId, period, { now }));
    values += done.values;
  }
  return values;
}

/**
 * The nightly snapshot: for each province, every ended month not yet frozen — the month just ended, and any earlier
 * month that still has open values (the server was down on the night, or the province was added later) — oldest
 * first. Each month is its own transaction (freezeMonth), so one failure leaves the others frozen.
 */
export async function runSnapshots(deps: Deps, now = new Date()): Promise<{ provinceId: number; period: string }[]> {
  const current = monthOf(now);
  const frozen: { provinceId: number; period: string }[] = [];
  for (const provinceId of await provinces(deps)) {
    const open = await queryRows<{ period: string }>(
      deps.database.db,
      sql`select distinct v.period from scorecard_values v
          join units u on u.id = v.unit_id
          join units p on p.id = ${provinceId} and u.path like p.path || '%'
          where v.frozen_at is null and v.period < ${current}`,
    );
    const months = [...new Set([previousPeriod(current), ...open.map((r) => r.period)])].sort();
    for (const period of months) {
      try {
        const run = await freezeMonth(deps.database, provinceId, period, { now });
        if (!run.alreadyFrozen) frozen.push({ provinceId, period });
      } catch (error) {
        // One province's failure must not leave the others unfrozen; the next night tries it again.
        console.error('[scorecards] snapshot failed', provinceId, period, JSON.stringify(errorForLog(error)));
      }
    }
  }
  return frozen;
}

/** The next 02:00 in Vietnam (19:00 UTC) after `now`: when the nightly snapshot runs, after the day's last entries. */
export function nextSnapshotAt(now: Date): Date {
  const at = new Date(now);
  at.setUTCHours(19, 0, 0, 0);
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

/**
 * The workers and their clocks. pg-boss's own scheduler is off (jobs.ts), so each process asks on a timer and the
 * singleton keys make one run of each: every hour a refresh of the current month per province; every night at 02:00
 * Vietnam time the snapshot.
 */
export function registerScorecardJobs(app: App, deps: Deps): void {
  void deps.jobs.work<RefreshJob>(REFRESH_QUEUE, async (job) => {
    await runRefresh(deps, job);
  });
  void deps.jobs.work(SNAPSHOT_QUEUE, async () => {
    await runSnapshots(deps);
  });

  const hourly = setInterval(() => {
    provinces(deps)
      .then((ids) => Promise.all(ids.map((provinceId) => queueRefresh(deps.jobs, { provinceId }))))
      .catch((error) => console.error('[scorecards] refresh not queued', JSON.stringify(errorForLog(error))));
  }, 3_600_000);
  hourly.unref();

  let nightly: NodeJS.Timeout | undefined;
  const arm = () => {
    nightly = setTimeout(() => {
      wake(deps.jobs, SNAPSHOT_QUEUE);
      arm();
    }, nextSnapshotAt(new Date()).getTime() - Date.now());
    nightly.unref();
  };
  arm();
  app.addHook('onClose', async () => {
    clearInterval(hourly);
    clearTimeout(nightly);
  });
}
