import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { lightOf } from '../../../shared/scorecards.js';
import { effectiveTargets, listIndicators, nearMarginOf } from './scorecards.repo.js';

/**
 * Before a month is frozen, each of its open values gets the target in force, where it came from and the light, so
 * the snapshot keeps what the month was judged against: a target edited later (or a margin changed) moves the open
 * months only. One read of the month's values, one of the targets, one update.
 */
export async function stampTargets(tx: Tx, province: { id: number; path: string }, period: string): Promise<void> {
  const rows = await queryRows<{ unitId: number; path: string; indicatorId: number; value: number | null }>(
    tx,
    sql`select v.unit_id as "unitId", u.path, v.indicator_id as "indicatorId", v.value
        from scorecard_values v join units u on u.id = v.unit_id
        where v.period = ${period} and v.frozen_at is null and u.path like ${`${province.path}%`}`,
  );
  if (rows.length === 0) return;
  const indicators = new Map((await listIndicators(tx, province.id, false)).map((i) => [i.id, i]));
  const units = [...new Map(rows.map((r) => [r.unitId, { id: r.unitId, path: r.path }])).values()];
  const [targets, margin] = await Promise.all([
    effectiveTargets(tx, units, [...indicators.values()], period),
    nearMarginOf(tx, province.id),
  ]);
  const stamped = rows.flatMap((r) => {
    const indicator = indicators.get(r.indicatorId);
    if (!indicator) return [];
    const target = targets.get(`${r.unitId}:${r.indicatorId}`);
    return [
      {
        u: r.unitId,
        i: r.indicatorId,
        t: target?.target ?? null,
        h: target?.inherited ?? false,
        l: lightOf(r.value, target?.target ?? null, indicator.direction, indicator.nearMargin ?? margin),
      },
    ];
  });
  await tx.execute(sql`
    update scorecard_values v set target = x.t, target_inherited = x.h, light = x.l
    from jsonb_to_recordset(${JSON.stringify(stamped)}::jsonb) as x(u int, i int, t float8, h boolean, l text)
    where v.unit_id = x.u and v.indicator_id = x.i and v.period = ${period} and v.frozen_at is null`);
}
