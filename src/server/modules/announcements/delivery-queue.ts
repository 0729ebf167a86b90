import { inArray, sql, type SQL } from 'drizzle-orm';
import { DeliveryReason } from '../../../shared/deliveries.js';
import { addDays, localInstant, localParts } from '../calendar/working-days.js';

/**
 * What is queued when an announcement goes out, and when it may go: each recipient's first channel (the members'
 * order, else an SMS to the registry's contact), quiet hours, and the same choice counted before sending (the
 * pre-send split). The pipeline that sends is deliveries.ts.
 */

/** Non-urgent messages wait out the night (Vietnam time); emergencies go at any hour. */
const QUIET_FROM = '21:00';
const QUIET_UNTIL = '07:00';

/**
 * The active channels with an address of the members `whose` selects, in the order that decides which is tried
 * first: a member who joined earlier first, then each member's own ranks. Sending takes the first; failing over takes
 * the next (`offset` = the step reached).
 */
export const memberChannelsOf = (whose: SQL) => sql`
  select c.id, c.channel, c.address_enc, m.language
  from group_members m
    join member_channels c on c.member_id = m.id
  where ${whose} and m.left_at is null and c.active and c.address_enc is not null
  order by m.id, c.rank, c.id`;

/** Urgent or emergency: goes at any hour (no quiet hours). The SQL form reads the announcement as `a`. */
export const isUrgent = (a: { priority: string; category: string }) =>
  a.priority === 'URGENT' || a.category === 'EMERGENCY';
export const URGENT = sql`(a.priority = 'URGENT' or a.category = 'EMERGENCY')`;

/**
 * The INSERT that queues each recipient's first message, from the rows of the sending statement: one per household
 * (`matched`, household-level content) to the channels its members chose, or one per person (`people`, personal
 * content) to that person's; without member channels, an SMS to the registry's contact. `notBefore` is when it may go
 * (07:00 for a non-urgent message sent at night), so the queue's due index holds only what can be sent now.
 */
export function queueFirstMessages(
  announcementId: number,
  notBefore: Date,
  perPerson: boolean,
  reason: DeliveryReason | null = null,
): SQL {
  const [from, resident, whose] = perPerson
    ? [sql`people r`, sql`r.resident_id`, sql`m.resident_id = r.resident_id`]
    : [sql`matched r`, sql`null::int`, sql`m.household_id = r.household_id`];
  return sql`
    insert into deliveries (announcement_id, household_id, resident_id, member_channel_id,
      channel, address_enc, language, next_attempt_at, reason)
    select ${announcementId}, r.household_id, ${resident}, fc.id,
      coalesce(fc.channel, 'SMS'), coalesce(fc.address_enc, r.phone_enc), coalesce(fc.language, 'vi'),
      ${notBefore.toISOString()}, ${reason}::text
    from ${from}
      left join lateral (${memberChannelsOf(whose)} limit 1) fc on true
    where fc.id is not null or r.phone_enc is not null`;
}

/** Staff in the chosen internal groups: an SMS where a phone is known, else an email. */
export function queueStaffDeliveries(
  announcementId: number,
  staffGroupIds: number[],
  notBefore: Date,
  reason: DeliveryReason | null = null,
): SQL {
  return sql`
    insert into deliveries (announcement_id, staff_member_id, channel, address_enc, next_attempt_at, reason)
    select ${announcementId}, s.id, case when s.phone_enc is not null then 'SMS' else 'EMAIL' end,
      coalesce(s.phone_enc, s.email_enc), ${notBefore.toISOString()}, ${reason}::text
    from staff_group_members s
    where ${inArray(sql`s.staff_group_id`, staffGroupIds)}
      and s.removed_at is null and (s.phone_enc is not null or s.email_enc is not null)`;
}

/** Whether `now` is inside the quiet hours (Vietnam time). */
export function isQuiet(now: Date): boolean {
  const { time } = localParts(now);
  return time >= QUIET_FROM || time < QUIET_UNTIL;
}

/** When a message due now may go: now, or 07:00 the next morning during quiet hours unless it is urgent. */
export function sendableAt(now: Date, urgent: boolean): Date {
  if (urgent || !isQuiet(now)) return now;
  const { day, time } = localParts(now);
  if (time >= QUIET_FROM) return localInstant(addDays(day, 1), QUIET_UNTIL);
  return localInstant(day, QUIET_UNTIL);
}

/** Why a message queued now, to go at `notBefore`, waits: the night, or nothing. */
export const waitingReason = (notBefore: Date, now: Date): DeliveryReason | null =>
  notBefore.getTime() > now.getTime() ? DeliveryReason.QUIET_HOURS : null;

/**
 * How an audience will be reached, counted before sending with the choice `queueFirstMessages` makes: per first
 * channel, the recipients (households, or people for personal content) it will try first; `channel` null for those
 * with no channel and no phone on record, who get nothing. `people` is the audience's people CTE (`matchedPeople`).
 */
export function firstChannelSplit(people: SQL, households: SQL, perPerson: boolean): SQL {
  const [from, whose] = perPerson
    ? [sql`(${people}) r`, sql`m.resident_id = r.resident_id`]
    : [sql`(${households}) r`, sql`m.household_id = r.household_id`];
  return sql`
    select case when fc.id is not null then fc.channel when r.phone_enc is not null then 'SMS' end as channel,
      count(*)::int as recipients
    from ${from}
      left join lateral (${memberChannelsOf(whose)} limit 1) fc on true
    group by 1`;
}
