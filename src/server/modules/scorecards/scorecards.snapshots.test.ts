import { describe, expect, it } from 'vitest';
import { monthOf, previousPeriod } from '../../../shared/scorecards.js';
import { eventually } from '../../../../test/helpers.js';
import { useWorld } from '../../../../test/world.js';
import { nextSnapshotAt, runRefresh, runSnapshots } from './scorecards.jobs.js';

const env = useWorld();

const countValues = async (provincePath: string, period: string, frozen?: boolean) => {
  const [row] = await env.t.database.raw<{ n: number }>(
    `select count(*)::int as n from scorecard_values v join units u on u.id = v.unit_id
     where v.period = $1 and u.path like $2 ${frozen === undefined ? '' : frozen ? 'and v.frozen_at is not null' : 'and v.frozen_at is null'}`,
    [period, `${provincePath}%`],
  );
  return row!.n;
};

describe('POST /api/scorecards/refresh', () => {
  it('queues the province’s current month, which the worker computes', async () => {
    const { agents, province } = env.w;
    const res = await agents.province.post('/api/scorecards/refresh', { province: province.id });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ queued: true });
    const month = monthOf(new Date());
    const n = await eventually(async () => ((await countValues(province.path, month)) > 0 ? 1 : undefined));
    expect(n).toBe(1);
    // Group A1's VNeID cell is there (the world's An and Bình live in its alley): 0 of 2 adults have level 2.
    const [cell] = await env.t.database.raw<{ numerator: number; denominator: number }>(
      `select numerator, denominator from scorecard_values v join scorecard_indicators i on i.id = v.indicator_id
       where v.unit_id = $1 and v.period = $2 and i.code = 'VNEID_L2'`,
      [env.w.groupA1.id, month],
    );
    expect(cell).toEqual({ numerator: 0, denominator: 2 });
  });

  it('is refused to a commune leader, and to a province officer for another province', async () => {
    const { agents, province, otherProvince } = env.w;
    expect((await agents.leaderA.post('/api/scorecards/refresh', { province: province.id })).statusCode).toBe(403);
    expect((await agents.province.post('/api/scorecards/refresh', { province: otherProvince.id })).statusCode).toBe(
      404,
    );
    // A commune is not a province.
    expect((await agents.admin.post('/api/scorecards/refresh', { province: env.w.communeA.id })).statusCode).toBe(404);
  });
});

describe('snapshots', () => {
  it('refuses a month that has not ended, and a malformed one', async () => {
    const { agents, province } = env.w;
    const open = await agents.province.post('/api/scorecards/snapshots', {
      province: province.id,
      period: monthOf(new Date()),
    });
    expect(open.statusCode).toBe(400);
    expect(open.json().errors).toEqual([expect.objectContaining({ field: 'period', code: 'PERIOD_NOT_ENDED' })]);
    const bad = await agents.province.post('/api/scorecards/snapshots', { province: province.id, period: '2026-13' });
    expect(bad.statusCode).toBe(400);
  });

  it('runs, lists and publishes a month; each commune reads the list; publishing is audited', async () => {
    const { agents, province } = env.w;
    const first = await agents.province.post('/api/scorecards/snapshots', { province: province.id, period: '2026-09' });
    expect(first.statusCode).toBe(200);
    const run = first.json();
    expect(run).toMatchObject({ period: '2026-09', alreadyFrozen: false });
    expect(run.values).toBe(await countValues(province.path, '2026-09', true));
    expect(await countValues(province.path, '2026-09', false)).toBe(0);

    const again = await agents.admin.post('/api/scorecards/snapshots', { province: province.id, period: '2026-09' });
    expect(again.json()).toEqual({ ...run, alreadyFrozen: true });

    for (const reader of [agents.leaderA, agents.headA1, agents.leaderB]) {
      const list = await reader.get(`/api/scorecards/snapshots?province=${province.id}`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toContainEqual(
        expect.objectContaining({ id: run.id, period: '2026-09', values: run.values, publishedAt: null }),
      );
    }

    expect((await agents.leaderA.post(`/api/scorecards/snapshots/${run.id}/publish`)).statusCode).toBe(403);
    const published = await agents.province.post(`/api/scorecards/snapshots/${run.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().publishedAt).toEqual(expect.any(String));
    const twice = await agents.province.post(`/api/scorecards/snapshots/${run.id}/publish`);
    expect(twice.json()).toEqual(published.json());
    const audits = await env.t.database.raw<{ action: string }>(
      `select action from audit_log where entity_type = 'scorecard_snapshot' and entity_id = $1 order by id`,
      [String(run.id)],
    );
    expect(audits.map((a) => a.action)).toEqual(['scorecard.snapshot_run', 'scorecard.snapshot_publish']);
    expect((await agents.province.post('/api/scorecards/snapshots/999999/publish')).statusCode).toBe(404);
  });
});

describe('the jobs', () => {
  it('the nightly run is at 02:00 in Vietnam (19:00 UTC)', () => {
    expect(nextSnapshotAt(new Date('2026-12-07T03:00:00Z')).toISOString()).toBe('2026-12-07T19:00:00.000Z');
    expect(nextSnapshotAt(new Date('2026-12-07T19:00:00Z')).toISOString()).toBe('2026-12-08T19:00:00.000Z');
  });

  it('the snapshot freezes every ended month with open values, and the month just ended; a rerun freezes nothing', async () => {
    const deps = { database: env.t.database, jobs: env.t.jobs };
    const { province } = env.w;
    const now = new Date('2026-12-07T03:00:00Z');
    await runRefresh(deps, { provinceId: province.id, periods: ['2026-06', 'not-a-month', '2026-Q3'] }, now);
    expect(await countValues(province.path, '2026-06', false)).toBeGreaterThan(0);
    const frozen = await runSnapshots(deps, now);
    expect(frozen.filter((f) => f.provinceId === province.id).map((f) => f.period)).toEqual([
      '2026-06',
      previousPeriod('2026-12'),
    ]);
    expect(await countValues(province.path, '2026-06', false)).toBe(0);
    expect(await countValues(province.path, '2026-11', false)).toBe(0);
    expect(await runSnapshots(deps, now)).toEqual([]);
    // A refresh of a frozen month does nothing at all.
    expect(await runRefresh(deps, { provinceId: province.id, periods: ['2026-06'] }, now)).toBe(0);
  });
});
