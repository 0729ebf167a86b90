import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { enclosingPeriods } from '../../../shared/scorecards.js';
import { type ComputeContext, inProvince, provinceIndicators } from './scorecards.compute-rollup.js';

/**
 * Entered indicators for a month. A unit's own value is its latest APPROVED version for the narrowest period around
 * the month that has one (the month, then its quarter, then its year: a quarterly broadband figure stands for each of
 * its months). A commune without its own value sums its groups' own values where they gave them; a province without
 * its own sums its communes' (their own, or their groups' sums). `entry_id` names the entry when the value comes from
 * exactly one. A unit nobody entered anything for gets a row with no value, so the read model has every cell.
 */
export async function computeEntered(tx: Tx, ctx: ComputeContext): Promise<number> {
  const [month, quarter, year] = enclosingPeriods(ctx.period);
  // Ancestors of a unit from its path (the unit itself included), as in the computed roll-up.
  const ancestors = (path: string) =>
    sql.raw(`cross join lateral unnest(string_to_array(trim(both '/' from ${path}), '/')) as a(id)`);
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`with ind as (
      select i.id, i.measure, i.levels from scorecard_indicators i where i.kind = 'ENTERED' and ${provinceIndicators(ctx)}
    ),
    places as (
      select id, path, tier from units u
      where ${inProvince(ctx, sql`u.path`)} and u.tier in ('COMMUNITY', 'COMMUNE', 'PROVINCE')
        and (u.closed_at is null or u.closed_at > ${ctx.start})
    ),
    own as (
      select distinct on (e.unit_id, e.indicator_id) e.unit_id, e.indicator_id, e.id as entry_id,
        e.numerator as num, e.denominator as den
      from scorecard_entries e
      join ind on ind.id = e.indicator_id
      join places p on p.id = e.unit_id
      where e.status = 'APPROVED' and e.period in (${month}, ${quarter}, ${year})
      order by e.unit_id, e.indicator_id,
        case e.period when ${month} then 0 when ${quarter} then 1 else 2 end, e.version desc
    ),
    group_sums as (
      select a.id::int as unit_id, o.indicator_id, count(*) as n, min(o.entry_id) as one,
        sum(o.num) as num, sum(o.den) as den
      from own o join places g on g.id = o.unit_id and g.tier = 'COMMUNITY'
      ${ancestors('g.path')}
      group by 1, 2
    ),
    communes as (
      select c.id as unit_id, i.id as indicator_id,
        case when o.entry_id is not null then o.entry_id when s.n = 1 then s.one end as entry_id,
        case when o.entry_id is not null then o.num else s.num end as num,
        case when o.entry_id is not null then o.den else s.den end as den,
        case when o.entry_id is not null then 1 else coalesce(s.n, 0) end as n
      from places c cross join ind i
      left join own o on o.unit_id = c.id and o.indicator_id = i.id
      left join group_sums s on s.unit_id = c.id and s.indicator_id = i.id
      where c.tier = 'COMMUNE'
    ),
    commune_sums as (
      select a.id::int as unit_id, c.indicator_id, sum(c.n) as n, min(c.entry_id) as one,
        sum(c.num) as num, sum(c.den) as den
      from communes c join places p on p.id = c.unit_id
      ${ancestors('p.path')}
      where c.num is not null
      group by 1, 2
    ),
    provinces as (
      select p.id as unit_id, i.id as indicator_id,
        case when o.entry_id is not null then o.entry_id when s.n = 1 then s.one end as entry_id,
        case when o.entry_id is not null then o.num else s.num end as num,
        case when o.entry_id is not null then o.den else s.den end as den
      from places p cross join ind i
      left join own o on o.unit_id = p.id and o.indicator_id = i.id
      left join commune_sums s on s.unit_id = p.id and s.indicator_id = i.id
      where p.tier = 'PROVINCE'
    ),
    resolved as (
      select g.id as unit_id, i.id as indicator_id, o.entry_id, o.num, o.den
      from places g cross join ind i left join own o on o.unit_id = g.id and o.indicator_id = i.id
      where g.tier = 'COMMUNITY'
      union all select unit_id, indicator_id, entry_id, num, den from communes
      union all select unit_id, indicator_id, entry_id, num, den from provinces
    ),
    up as (
      insert into scorecard_values as v
        (unit_id, indicator_id, period, numerator, denominator, value, entry_id, computed_at, frozen_at)
      select r.unit_id, r.indicator_id, ${ctx.period}, r.num, r.den,
        case when r.num is null then null when i.measure = 'COUNT' then r.num
             when r.den > 0 then round((r.num / r.den)::numeric, 4)::float8 end,
        r.entry_id, ${ctx.computedAt}, null
      from resolved r
      join ind i on i.id = r.indicator_id
      join places u on u.id = r.unit_id and u.tier = any(i.levels)
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
