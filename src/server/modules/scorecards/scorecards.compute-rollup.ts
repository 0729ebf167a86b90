import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import type { ComputedSource } from '../../../shared/scorecards.js';

/** One refresh of one province and month: the as-of day and the instants around it. */
export type ComputeContext = {
  provinceId: number;
  provincePath: string;
  period: string;
  /** The month's first day and its as-of day (the last day, or today while it runs), ISO dates, Vietnam. */
  from: string;
  asOf: string;
  /** The instants the month starts and its as-of day ends (Vietnam midnights): timestamps compare `>= start`, `< end`. */
  start: Date;
  end: Date;
  computedAt: Date;
};

export const inProvince = (ctx: ComputeContext, path: SQL) => sql`${path} like ${`${ctx.provincePath}%`}`;

/** The indicators of a province that a family writes: active, shipped or the province's own. */
export const provinceIndicators = (ctx: ComputeContext) =>
  sql`i.active and (i.owner_unit_id is null or i.owner_unit_id = ${ctx.provinceId})`;

/**
 * Writes a family of computed sources in one statement. `base` selects `(unit_id, source, num, den)` at whatever unit
 * the data sits (a household's alley, a dossier's commune, a ticket's group), already grouped per unit; each row is
 * added to every ancestor on its unit's path, so a group gets its alleys', a commune its groups' and its own, and a
 * province its communes': sums of numerators and denominators, never averages of rates. Every (unit, indicator) the
 * indicator's levels ask for gets a row, 0 of 0 (no value) where there was nothing to count. Frozen rows stay as they
 * are (the upsert's `where`), so a later edit never reaches a report already sent.
 */
export async function upsertComputed(
  tx: Tx,
  ctx: ComputeContext,
  sources: readonly ComputedSource[],
  base: SQL,
): Promise<number> {
  const list = sql.join(
    sources.map((s) => sql`${s}`),
    sql`, `,
  );
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`with base as (${base}),
    rolled as (
      select a.id::int as unit_id, b.source, sum(b.num)::float8 as num, sum(b.den)::float8 as den
      from base b
      join units bu on bu.id = b.unit_id
      cross join lateral unnest(string_to_array(trim(both '/' from bu.path), '/')) as a(id)
      group by 1, 2
    ),
    targets as (
      select u.id as unit_id, i.id as indicator_id, i.source, i.measure
      from units u
      join scorecard_indicators i on u.tier = any(i.levels)
      where ${inProvince(ctx, sql`u.path`)} and u.tier in ('COMMUNITY', 'COMMUNE', 'PROVINCE')
        and (u.closed_at is null or u.closed_at > ${ctx.start})
        and i.kind = 'COMPUTED' and i.source in (${list}) and ${provinceIndicators(ctx)}
    ),
    up as (
      insert into scorecard_values as v
        (unit_id, indicator_id, period, numerator, denominator, value, entry_id, computed_at, frozen_at)
      select t.unit_id, t.indicator_id, ${ctx.period}, coalesce(r.num, 0),
        case when t.measure = 'COUNT' then null else coalesce(r.den, 0) end,
        case when t.measure = 'COUNT' then coalesce(r.num, 0)
             when r.den > 0 then round((r.num / r.den)::numeric, 4)::float8 end,
        null, ${ctx.computedAt}, null
      from targets t
      left join rolled r on r.unit_id = t.unit_id and r.source = t.source
      on conflict (unit_id, indicator_id, period) do update set
        numerator = excluded.numerator, denominator = excluded.denominator, value = excluded.value,
        entry_id = excluded.entry_id, computed_at = excluded.computed_at
      where v.frozen_at is null
      returning 1
    )
    select count(*)::int as n from up`,
  );
  return row!.n;
}
