import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { type ComputeContext, inProvince, upsertComputed } from './scorecards.compute-rollup.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Aged 14 or more, certainly, on the as-of day. `birth_date` is the first day of what is known, so a person counts
 * from the latest birthday they could have: a full date, 14 years on (born 31/10/2012: 14+ on 31/10/2026; born
 * 29/02 on 01/03 of a common year, as the day before their birthday ends); a month alone ("10/2012"), from the last
 * day of that month 14 years on; a year alone ("2012"), from 31 December of that year 14 years on. Someone who may
 * still be 13 is left out of both sides of the VNeID rate rather than counted as an adult without an account. The
 * three cut-offs are worked out once here, so the database compares dates instead of adding intervals a million times.
 */
export function fourteenPlusCutoffs(asOf: string): { day: string; month: string; year: string } {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  // Born on or before this day: 14 on the as-of day. A 29 February as-of day has no match 14 years back: the 28th.
  const last = new Date(Date.UTC(y - 14, m, 0)).getUTCDate();
  const day = `${y - 14}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  // The first day after it: a month or year known only counts when it ends before this.
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + DAY);
  const month = iso(Date.UTC(next.getUTCFullYear(), next.getUTCMonth(), 1));
  const year = `${next.getUTCFullYear()}-01-01`;
  return { day, month, year };
}

/**
 * The registry family: VNEID_L2 (residents 14+ living here with VNeID level 2 checked by the day, or on record by then
 * when no check day was kept / residents 14+ living here), PHONE_ON_RECORD (residents living here with a phone on record / residents living here; the registry
 * keeps no history of phones, so it is the number as it stands), CHANNEL_HOUSEHOLDS (households with someone living
 * there / of those, households in their group's channel on the day), ANNOUNCEMENT_REACH_30D (of the same households,
 * those an announcement sent in the 30 days to the day's end reached: delivered by a channel, or read).
 */
export async function computeRegistry(tx: Tx, ctx: ComputeContext): Promise<number> {
  const windowStart = new Date(ctx.end.getTime() - 30 * 86_400_000);
  const cut = fourteenPlusCutoffs(ctx.asOf);
  const adult = sql`r.birth_date <= case r.birth_precision when 'YEAR' then ${cut.year}::date - 1
    when 'MONTH' then ${cut.month}::date - 1 else ${cut.day}::date end`;
  // Level 2 since the day it was checked; a level 2 recorded without that day (an imported list) since the record was
  // made: known then, and not before.
  const l2Since = sql`coalesce(r.vneid_checked_on, (r.created_at at time zone 'Asia/Ho_Chi_Minh')::date)`;
  return upsertComputed(
    tx,
    ctx,
    ['VNEID_L2', 'PHONE_ON_RECORD', 'CHANNEL_HOUSEHOLDS', 'ANNOUNCEMENT_REACH_30D'],
    // Who lives here on the day: a stay (household membership) begun by then (or of unknown start) and not ended by
    // then, except a TEMPORARY_ABSENT one (registered here, living elsewhere). A boarding-house tenant is a TEMPORARY
    // member of the boarding house, so counts there, where they live; a resident who moved away or died has their
    // stay ended (left_on) and counts only for the days before. One pass over the stays, per household (a million
    // people make a quarter of a million rows), then per unit.
    sql`with homes as (
      select h.id as household_id, h.unit_id,
        count(*) filter (where ${adult}) as adults,
        count(*) filter (where ${adult} and r.vneid_level = 'L2' and ${l2Since} <= ${ctx.asOf}::date) as l2,
        count(*) as everyone,
        count(*) filter (where r.phone_enc is not null) as phones
      from household_members m
      join households h on h.id = m.household_id
      join units hu on hu.id = h.unit_id
      join residents r on r.id = m.resident_id
      where ${inProvince(ctx, sql`hu.path`)}
        and (m.joined_on is null or m.joined_on <= ${ctx.asOf}::date)
        and (m.left_on is null or m.left_on > ${ctx.asOf}::date)
        and m.residence_type <> 'TEMPORARY_ABSENT'
      group by h.id
    ),
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
    )
    select h.unit_id, s.source, sum(s.num) as num, sum(s.den) as den
    from homes h
    left join in_channel c on c.household_id = h.household_id
    left join reached r on r.household_id = h.household_id
    cross join lateral (values
      ('VNEID_L2', h.l2, h.adults),
      ('PHONE_ON_RECORD', h.phones, h.everyone),
      ('CHANNEL_HOUSEHOLDS', (c.household_id is not null)::int, 1),
      ('ANNOUNCEMENT_REACH_30D', (r.household_id is not null)::int, 1)
    ) as s(source, num, den)
    group by h.unit_id, s.source`,
  );
}
