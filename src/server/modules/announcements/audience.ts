import { inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { Gender, HouseholdKind, VneidLevel } from '../../../shared/enums.js';
import { queryRows, type Tx } from '../../db/client.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import { Id, Text } from '../../lib/http.js';
import { getUnitPath } from '../units/units.service.js';
import { firstChannelSplit } from './delivery-queue.js';
import type { ReachPreview } from './delivery-status.schemas.js';
import { CHANNELS, type Channel } from './senders.js';

/**
 * Who an announcement is for: units (commune, groups, alleys), then household and resident attributes, all
 * optional.
 */
export const Audience = z
  .object({
    unitIds: z.array(Id).min(1).max(200),
    householdKinds: z.array(z.enum(HouseholdKind)).max(3).default([]),
    ageMin: z.number().int().min(0).max(120).optional(),
    ageMax: z.number().int().min(0).max(120).optional(),
    genders: z.array(z.enum(Gender)).max(2).default([]),
    vneidLevels: z.array(z.enum(VneidLevel)).max(3).default([]),
    tags: z.array(Text(40).min(1)).max(10).default([]),
    /** Internal staff groups (village heads, Party cell secretaries, associations) who get it as well. */
    staffGroupIds: z.array(Id).max(50).default([]),
    /** False for a message to staff groups only. */
    reachHouseholds: z.boolean().default(true),
    /**
     * Personal content (an invitation to each person aged 40+): one message per person instead of one per
     * household.
     */
    perPerson: z.boolean().default(false),
    /** Only the households (and, for a per-person campaign, the people) still to see in this door-to-door campaign. */
    campaignLeft: Id.optional(),
  })
  .refine((a) => a.ageMin === undefined || a.ageMax === undefined || a.ageMin <= a.ageMax, {
    path: ['ageMin'],
    message: 'The lower age must not be above the upper age',
  });
export type Audience = z.infer<typeof Audience>;

export type AudienceSize = {
  households: number;
  people: number;
  groups: { unitId: number; name: string; households: number; people: number }[];
  reach: ReachPreview;
};

/** The residents an audience's attributes select (all current members when it sets none). */
function residentFilter(a: Audience): SQL {
  const parts: SQL[] = [sql`true`];
  // A birth known only to the year (or month) counts only when every day it may stand for satisfies the rule:
  // "40+" takes someone born "1986" once 31/12/1986 is 40 years ago, not on an invented 01/01 (docs/decisions.md).
  if (a.ageMin !== undefined)
    parts.push(sql`(case r.birth_precision
      when 'YEAR' then r.birth_date + interval '1 year' - interval '1 day'
      when 'MONTH' then r.birth_date + interval '1 month' - interval '1 day'
      else r.birth_date end)::date <= (current_date - make_interval(years => ${a.ageMin}))`);
  // The stored day is the first the birth may be, so "under N" already holds for every day it stands for.
  if (a.ageMax !== undefined) parts.push(sql`r.birth_date > (current_date - make_interval(years => ${a.ageMax + 1}))`);
  if (a.genders.length) parts.push(inArray(sql`r.gender`, a.genders));
  if (a.vneidLevels.length) parts.push(inArray(sql`r.vneid_level`, a.vneidLevels));
  if (a.tags.length)
    parts.push(
      sql`r.tags && array[${sql.join(
        a.tags.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`,
    );
  // A campaign reminder: its open targets (a province campaign's are in its communes' parts).
  if (a.campaignLeft !== undefined)
    parts.push(sql`exists (
      select 1 from campaign_targets t
      where t.household_id = h.id and (t.resident_id is null or t.resident_id = r.id)
        and t.removed_on is null and t.done_at is null
        and t.campaign_id in (
          select id from campaigns where id = ${a.campaignLeft} or parent_id = ${a.campaignLeft}))`);
  return sql.join(parts, sql` and `);
}

/**
 * The people an audience selects, one row each: `household_id, group_id, resident_id, phone_enc, is_head, unit_id`.
 * Sending reads it once, as a CTE named `people`, for the household snapshot and (for personal content) one message
 * each.
 */
export async function matchedPeople(db: Tx, scope: Scope, a: Audience): Promise<SQL> {
  // One after another: inside a transaction `db` is a single connection, which takes one query at a time.
  const paths: string[] = [];
  for (const id of a.unitIds) paths.push(await getUnitPath(db, id, scope));
  const inUnits = sql.join(
    paths.map((p) => sql`u.path like ${`${p}%`}`),
    sql` or `,
  );
  const kinds = a.householdKinds.length ? sql`and ${inArray(sql`h.kind`, a.householdKinds)}` : sql``;
  return sql`
    select h.id as household_id, nullif(split_part(u.path, '/', 5), '')::int as group_id,
      r.id as resident_id, r.phone_enc, (r.id = h.head_resident_id) as is_head, h.unit_id
    from households h
    join units u on u.id = h.unit_id
    join household_members m on m.household_id = h.id and m.left_on is null
    join residents r on r.id = m.resident_id
    where (${inUnits}) and ${pathInScope(sql`u.path`, scope)} and h.dissolved_on is null ${kinds}
      and ${residentFilter(a)}`;
}

/**
 * The households among `people` (a CTE name or a subquery), with their group and how many of their people match:
 * `household_id, group_id, people, phone_enc`. phone_enc is the household's contact for household-level messages —
 * the head's phone, else a matching member's (plain aggregates: an ordered array_agg per household sorted every
 * member).
 */
export const householdsOf = (people: SQL) => sql`
  select household_id, group_id, count(*)::int as people,
    coalesce(max(phone_enc) filter (where is_head), min(phone_enc)) as phone_enc
  from ${people} p
  group by household_id, group_id`;

/**
 * Resolves an audience to households and people, counted per residential group, inside the caller's scope: every
 * chosen unit must be in it (404 otherwise), and the scope is in the query as well. A household counts once, however
 * many of its members match.
 */
export async function audienceSize(
  db: Tx,
  scope: Scope,
  a: Audience,
  configured: (c: Channel) => boolean,
): Promise<AudienceSize> {
  const reach = await reachPreview(db, scope, a, configured);
  const rows = await queryRows<{ group_id: number | null; name: string | null; households: number; people: number }>(
    db,
    sql`
    with matched as (${householdsOf(sql`(${await matchedPeople(db, scope, a)})`)})
    select m.group_id, g.name, count(*)::int as households, sum(m.people)::int as people
    from matched m
      left join units g on g.id = m.group_id
    group by m.group_id, g.name
    order by g.name collate vi_num`,
  );
  return {
    households: rows.reduce((n, r) => n + r.households, 0),
    people: rows.reduce((n, r) => n + r.people, 0),
    groups: rows
      .filter((r) => r.group_id !== null)
      .map((r) => ({ unitId: r.group_id!, name: r.name ?? '', households: r.households, people: r.people })),
    reach,
  };
}

/**
 * How an audience will be reached if it is sent now: recipients per first channel (as sending would queue them), those
 * with no channel and no phone on record (`none`), and the channels relied on whose provider is not configured.
 */
export async function reachPreview(
  db: Tx,
  scope: Scope,
  a: Audience,
  configured: (c: Channel) => boolean,
): Promise<ReachPreview> {
  const people = await matchedPeople(db, scope, a);
  const rows = a.reachHouseholds
    ? await queryRows<{ channel: Channel | null; recipients: number }>(
        db,
        firstChannelSplit(people, householdsOf(sql`(${people})`), a.perPerson),
      )
    : [];
  const channels = CHANNELS.flatMap((channel) => {
    const recipients = rows.find((r) => r.channel === channel)?.recipients ?? 0;
    return recipients ? [{ channel, recipients, configured: configured(channel) }] : [];
  });
  return {
    perPerson: a.perPerson,
    channels,
    none: rows.find((r) => r.channel === null)?.recipients ?? 0,
    unconfigured: channels.filter((c) => !c.configured).map((c) => c.channel),
  };
}
