import { sql, type SQL } from 'drizzle-orm';
import { ErrorCode } from '../../../shared/enums.js';
import { type DeliveryReason, type DeliveryState, permanentReasons, statusesOf } from '../../../shared/deliveries.js';
import { queryRows, type Db, type Tx } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import type { Actor } from '../../lib/auth-context.js';
import { AppError, conflict } from '../../lib/errors.js';
import { paged, toOffset } from '../../lib/http.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { DeliveryListQuery, RetryInput } from './delivery-status.schemas.js';
import { householdInView, viewAnnouncement } from './announcement-view.js';
import { isUrgent, sendableAt, waitingReason } from './delivery-queue.js';
import { CHANNELS, type Channel } from './senders.js';

/**
 * Every delivery of an announcement, visible (issue 14 §4): per channel how many are queued, with the provider, delivered
 * or failed and why; the chain of channels each recipient went through (Zalo → SMS); the recipients behind each count;
 * and a retry of those whose last channel failed for a reason a retry can change. Each is the caller's view of the
 * announcement (announcement-view.ts): a group head sees only their households' messages.
 */

/** A stored status as the views group it. */
const stateOf = sql`case
  when d.status in ('created', 'temporary-failure') then 'queued'
  when d.status = 'sending' then 'sent'
  when d.status = 'delivered' then 'delivered'
  else 'failed' end`;
const permanent = sql.join(
  permanentReasons.map((r) => sql`${r}`),
  sql`, `,
);

/** One row per recipient (household, person or staff member): its chain of channels, its outcome, its last step. */
const chainsOf = (id: number, inPart: SQL) => sql`
  select coalesce(d.household_id, 0) as h, coalesce(d.resident_id, 0) as r, coalesce(d.staff_member_id, 0) as s,
    string_agg(d.channel, '>' order by d.step) as path,
    case when bool_or(d.status = 'delivered') then 'delivered'
      when bool_or(d.status in ('created', 'sending', 'temporary-failure')) then 'pending'
      else 'failed' end as outcome,
    max(d.step) as last_step
  from deliveries d
  where d.announcement_id = ${id} and ${inPart}
  group by 1, 2, 3`;

/** The recipient of `d` is the chain `c`. */
const sameRecipient = sql`coalesce(d.household_id, 0) = c.h and coalesce(d.resident_id, 0) = c.r
  and coalesce(d.staff_member_id, 0) = c.s`;

/** Per channel and state, the counts and their reasons; the chains taken; how many recipients a retry would reach. */
export async function deliveryOverview(db: Tx, scope: Scope, id: number, configured: (c: Channel) => boolean) {
  const view = await viewAnnouncement(db, scope, id);
  const inPart = householdInView(view, sql`d.household_id`);
  const [counts, chains, [retry]] = await Promise.all([
    queryRows<{ channel: Channel; state: DeliveryState; reason: DeliveryReason | null; n: number }>(
      db,
      sql`
      select d.channel, ${stateOf} as state, d.reason, count(*)::int as n
      from deliveries d
      where d.announcement_id = ${id} and ${inPart}
      group by 1, 2, 3`,
    ),
    queryRows<{ path: string; outcome: 'delivered' | 'pending' | 'failed'; n: number }>(
      db,
      sql`
      select path, outcome, count(*)::int as n from (${chainsOf(id, inPart)}) c
      group by 1, 2
      order by 3 desc, 1
      limit 50`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${retryable(id, inPart)}) x`),
  ]);
  const channels = CHANNELS.map((channel) => {
    const mine = counts.filter((c) => c.channel === channel);
    const total = (state: DeliveryState) => mine.filter((c) => c.state === state).reduce((n, c) => n + c.n, 0);
    return {
      channel,
      configured: configured(channel),
      queued: total('queued'),
      sent: total('sent'),
      delivered: total('delivered'),
      failed: total('failed'),
      reasons: mine
        .filter((c) => c.reason !== null && (c.state === 'queued' || c.state === 'failed'))
        .map((c) => ({ reason: c.reason!, state: c.state as 'queued' | 'failed', count: c.n }))
        .sort((a, b) => b.count - a.count),
    };
  }).filter((c) => c.queued + c.sent + c.delivered + c.failed > 0 || c.configured);
  return {
    id,
    part: !view.whole,
    channels,
    chains: chains.map((c) => ({ channels: c.path.split('>') as Channel[], outcome: c.outcome, recipients: c.n })),
    retryable: retry!.n,
  };
}

/**
 * The last message of each recipient whose every message failed, when a retry can change it: its reason is not
 * permanent and, for a member's channel, the member has not switched that channel off since.
 */
function retryable(id: number, inPart: SQL, extra: SQL = sql``) {
  return sql`
    select d.id, d.channel, d.reason
    from deliveries d
      join (${chainsOf(id, inPart)}) c on ${sameRecipient} and d.step = c.last_step
      left join member_channels mc on mc.id = d.member_channel_id
    where d.announcement_id = ${id} and c.outcome = 'failed'
      and coalesce(d.reason, '') not in (${permanent}) and coalesce(mc.active, true) ${extra}`;
}

/**
 * The messages behind a count, one row each (by state, channel, reason), with the recipient they went to and the
 * whole chain of channels that recipient went through.
 */
export async function listDeliveries(db: Tx, scope: Scope, id: number, query: DeliveryListQuery) {
  const view = await viewAnnouncement(db, scope, id);
  const inPart = householdInView(view, sql`d.household_id`);
  const filters: SQL[] = [];
  if (query.state)
    filters.push(
      sql`d.status in (${sql.join(
        statusesOf[query.state].map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (query.channel) filters.push(sql`d.channel = ${query.channel}`);
  if (query.reason) filters.push(sql`d.reason = ${query.reason}`);
  const where = filters.length ? sql`and ${sql.join(filters, sql` and `)}` : sql``;
  const { limit, offset } = toOffset(query);
  const rows = await queryRows<{
    id: number;
    householdId: number | null;
    address: string | null;
    groupName: string | null;
    recipient: string | null;
    channel: Channel;
    step: number;
    state: DeliveryState;
    reason: DeliveryReason | null;
    at: Date;
    chain: { channel: Channel; state: DeliveryState; reason: DeliveryReason | null }[];
    retryable: boolean;
  }>(
    db,
    sql`
    select d.id, d.household_id as "householdId", h.address, g.name as "groupName",
      coalesce(mr.full_name, hr.full_name, sm.full_name) as recipient, d.channel, d.step, ${stateOf} as state, d.reason,
      d.updated_at as at,
      (select json_agg(json_build_object('channel', d2.channel, 'state', case
          when d2.status in ('created', 'temporary-failure') then 'queued' when d2.status = 'sending' then 'sent'
          when d2.status = 'delivered' then 'delivered' else 'failed' end, 'reason', d2.reason) order by d2.step)
        from deliveries d2
        where d2.announcement_id = d.announcement_id and coalesce(d2.household_id, 0) = coalesce(d.household_id, 0)
          and coalesce(d2.resident_id, 0) = coalesce(d.resident_id, 0)
          and coalesce(d2.staff_member_id, 0) = coalesce(d.staff_member_id, 0)) as chain,
      d.id in (select id from (${retryable(id, inPart)}) x) as retryable
    from deliveries d
      left join households h on h.id = d.household_id
      left join units g on g.id = h.unit_id
      left join residents hr on hr.id = coalesce(d.resident_id, h.head_resident_id)
      left join staff_group_members sm on sm.id = d.staff_member_id
      left join member_channels mc on mc.id = d.member_channel_id
      left join group_members gm on gm.id = mc.member_id
      left join residents mr on mr.id = gm.resident_id
    where d.announcement_id = ${id} and ${inPart} ${where}
    order by d.household_id nulls last, d.resident_id nulls first, d.staff_member_id, d.step
    limit ${limit + 1} offset ${offset}`,
  );
  return paged(
    rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
    query,
  );
}

/**
 * Sends again the last message of recipients whose every message failed (all of them in the caller's view, those on
 * one channel or with one reason, or the messages named), as a new attempt on the same channel: once the provider is
 * configured or back, it goes. A message that failed for a permanent reason is refused (409): retrying an
 * unsubscribed or refused address would not reach anyone. Audited, in one transaction with the change.
 */
export async function retryDeliveries(db: Db, scope: Scope, id: number, input: RetryInput, actor: Actor) {
  return db.transaction(async (tx) => {
    const view = await viewAnnouncement(tx, scope, id);
    const a = view.row;
    if (a.status !== 'SENT')
      throw conflict({ vi: 'Thông báo chưa được gửi', en: 'The announcement has not been sent' });
    const now = new Date();
    if (a.expiresAt && a.expiresAt <= now) throw notRetryable('Thông báo đã hết hạn', 'The announcement has expired');
    const inPart = householdInView(view, sql`d.household_id`);
    const filters: SQL[] = [];
    if (input.channel) filters.push(sql`d.channel = ${input.channel}`);
    if (input.reason) filters.push(sql`d.reason = ${input.reason}`);
    if (input.deliveryIds?.length)
      filters.push(
        sql`d.id in (${sql.join(
          input.deliveryIds.map((x) => sql`${x}`),
          sql`, `,
        )})`,
      );
    const where = (rows: SQL) => (filters.length ? sql`${rows} and ${sql.join(filters, sql` and `)}` : rows);
    const failed = await queryRows<{ id: number; reason: string | null; open: boolean }>(
      tx,
      sql`
      select d.id, d.reason, (d.id in (select id from (${retryable(id, inPart)}) x)) as open
      from deliveries d
        join (${chainsOf(id, inPart)}) c on ${sameRecipient} and d.step = c.last_step
      where ${where(sql`d.announcement_id = ${id} and c.outcome = 'failed'`)}
      for update of d`,
    );
    const open = failed.filter((f) => f.open).map((f) => f.id);
    const closed = failed.length - open.length;
    // Named messages must all be retryable; a filter retries what it can and says how many it could not.
    if (input.deliveryIds?.length && (closed > 0 || failed.length < new Set(input.deliveryIds).size))
      throw notRetryable(
        'Tin này không gửi lại được: người nhận đã hủy đăng ký, số bị từ chối, hoặc tin chưa thất bại hẳn',
        'This message cannot be retried: the recipient unsubscribed, the number was refused, or it has not failed for good',
      );
    if (input.reason && permanentReasons.includes(input.reason))
      throw notRetryable(
        'Tin thất bại vì lý do này không gửi lại được (người nhận đã hủy đăng ký, số bị từ chối, hoặc đã hết hạn)',
        'Messages that failed for this reason cannot be retried (unsubscribed, refused, or expired)',
      );
    // Nothing failed that a retry can change: nothing to do, and nothing to audit.
    if (!open.length) return { retried: 0, notRetryable: closed };
    const next = sendableAt(now, isUrgent(a));
    await tx.execute(sql`
      update deliveries
      set status = 'created', attempts = 0, reason = ${waitingReason(next, now)}::text, last_error = null,
        next_attempt_at = ${next.toISOString()}, updated_at = ${now.toISOString()}
      where id in (${sql.join(
        open.map((x) => sql`${x}`),
        sql`, `,
      )})`);
    await insertAudit(tx, actor, {
      action: 'announcement.retry',
      entityType: 'announcement',
      entityId: id,
      details: { retried: open.length, notRetryable: closed, ...input, part: !view.whole },
    });
    return { retried: open.length, notRetryable: closed };
  });
}

const notRetryable = (vi: string, en: string) => new AppError(ErrorCode.DELIVERY_NOT_RETRYABLE, 409, { vi, en });
