import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { type ComputeContext, inProvince, upsertComputed } from './scorecards.compute-rollup.js';

/**
 * Who lives here "as of" the day: a stay (household membership) begun by then (or of unknown start) and not ended by
 * then, except a TEMPORARY_ABSENT one (registered here, living elsewhere). A boarding-house tenant is a TEMPORARY
 * member of the boarding house, so counts there, where they live; a resident who moved away or died has their stay
 * ended (`left_on`) and counts only for the days before. Each person is counted where the household is.
 */
const living = (ctx: ComputeContext) => sql`
  select r.id, r.birth_date, r.birth_precision, r.vneid_level, r.vneid_checked_on, r.phone_enc is not null as has_phone,
    h.unit_id, m.household_id
  from household_members m
  join households h on h.id = m.household_id
  join units hu on hu.id = h.unit_id
  join residents r on r.id = m.resident_id
  where ${inProvince(ctx, sql`hu.path`)}
    and (m.joined_on is null or m.joined_on <= ${ctx.asOf}::date)
    and (m.left_on is null or m.left_on > ${ctx.asOf}::date)
    and m.residence_type <> 'TEMPORARY_ABSENT'`;

/**
 * Aged 14 or more, certainly, on the as-of day. `birth_date` is the first day of what is known: a DAY precision
 * person turns 14 on that date 14 years on; a MONTH one is counted from the last day of that month 14 years on, and a
 * YEAR one (a list saying "2012") from 31 December of that year 14 years on, i.e. from the latest birthday they could
 * have. Someone who may still be 13 is left out of both sides of the VNeID rate rather than counted as an adult who
 * has no account. (A 29 February birthday is reached on 28 February of a common year, as PostgreSQL adds years.)
 */
const fourteenPlus = sql`(birth_date + case birth_precision
    when 'YEAR' then interval '15 years' when 'MONTH' then interval '14 years 1 month' else interval '14 years 1 day' end
    - interval '1 day')::date`;

/**
 * The registry family: VNEID_L2 (residents 14+ living here with VNeID level 2 checked by the day / residents 14+
 * living here), PHONE_ON_RECORD (residents living here with a phone on record / residents living here; the registry
 * keeps no history of phones, so it is the number as it stands), CHANNEL_HOUSEHOLDS (households with someone living
 * there / of those, households in their group's channel on the day), ANNOUNCEMENT_REACH_30D (of the same households,
 * those an announcement sent in the 30 days to the day's end reached: delivered by a channel, or read).
 */
export async function computeRegistry(tx: Tx, ctx: ComputeContext): Promise<number> {
  const windowStart = new Date(ctx.end.getTime() - 30 * 86_400_000);
  return upsertComputed(
    tx,
    ctx,
    ['VNEID_L2', 'PHONE_ON_RECORD', 'CHANNEL_HOUSEHOLDS', 'ANNOUNCEMENT_REACH_30D'],
    sql`with living as (${living(ctx)}),
    people as (
      select unit_id,
        count(*) filter (where adult) as adults,
        count(*) filter (where adult and vneid_level = 'L2' and vneid_checked_on <= ${ctx.asOf}::date) as l2,
        count(*) as everyone,
        count(*) filter (where has_phone) as phones
      from (select l.*, ${fourteenPlus} <= ${ctx.asOf}::date as adult from living l) x
      group by unit_id
    ),
    homes as (select distinct household_id, unit_id from living),
    in_channel as (
      select distinct household_id from group_members
      where joined_at < ${ctx.end} and (left_at is null or left_at >= ${ctx.end})
    ),
    reached as (
      select distinct ah.household_id
      from announcements a
      join announcement_households ah on ah.announcement_id = a.id
      where a.status = 'SENT' and a.sent_at >= ${windowStart} and a.sent_at < ${ctx.end}
        and ((ah.read_at is not null and ah.read_at < ${ctx.end})
          or exists (select 1 from deliveries d where d.announcement_id = a.id and d.household_id = ah.household_id
                     and d.status = 'delivered'))
    ),
    households as (
      select h.unit_id, count(*) as total, count(c.household_id) as channel, count(r.household_id) as reached
      from homes h
      left join in_channel c on c.household_id = h.household_id
      left join reached r on r.household_id = h.household_id
      group by h.unit_id
    )
    select unit_id, 'VNEID_L2' as source, l2 as num, adults as den from people
    union all select unit_id, 'PHONE_ON_RECORD', phones, everyone from people
    union all select unit_id, 'CHANNEL_HOUSEHOLDS', channel, total from households
    union all select unit_id, 'ANNOUNCEMENT_REACH_30D', reached, total from households`,
  );
}
