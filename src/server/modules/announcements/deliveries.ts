import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { wake, wakeEvery } from '../../jobs/jobs.js';
import type { App, AppDeps } from '../../deps.js';
import { queryRows, type Tx } from '../../db/client.js';
import { channelLimits, deliveries, memberChannels } from '../../db/schema/index.js';
import { plainText } from '../../lib/html.js';
import { DeliveryReason } from '../../../shared/deliveries.js';
import { addDays, localParts } from '../calendar/working-days.js';
import { isQuiet, memberChannelsOf, sendableAt, URGENT, waitingReason } from './delivery-queue.js';
import { readLink, unsubscribeLink } from './links.js';
import { emailChannel, pushChannel, Refused, smsChannel, type Channel, type ChannelSender } from './senders.js';
import { zaloChannel, znsChannel, createZaloTokens } from './zalo.js';

export const DELIVERY_QUEUE = 'deliveries.send';
const MAX_ATTEMPTS = 5;
/** A claimed row still `sending` after this long belongs to a worker that died: it is sent again (same reference). */
const STALE_MS = 5 * 60_000;

export type Senders = Partial<Record<Channel, ChannelSender>>;
type Deps = Pick<AppDeps, 'database' | 'cipher' | 'config'>;

/** Every channel's sender, from configuration (a channel without its provider configured fails over to the next). */
export function createSenders(deps: Deps, log: (line: string) => void): Senders {
  const tokens = createZaloTokens(deps);
  return {
    SMS: smsChannel(deps.config, log),
    EMAIL: emailChannel(deps.config),
    PUSH: pushChannel(deps.config),
    ZALO: zaloChannel(deps, tokens),
    ZNS: znsChannel(deps, tokens),
  };
}

type Claimed = {
  urgent: boolean;
  id: number;
  status: string;
  attempts: number;
  step: number;
  channel: Channel;
  address_enc: string;
  language: string;
  announcement_id: number;
  household_id: number | null;
  resident_id: number | null;
  staff_member_id: number | null;
  member_channel_id: number | null;
  title: string;
  body_html: string;
  translations: Record<string, { title: string; bodyHtml: string }>;
  sms_text: string | null;
  expired: boolean;
};

/** What the pipeline reads of a delivery and its announcement, for sending and for failing over. */
const claimedColumns = (now: Date) => sql`${URGENT} as urgent, d.id, d.attempts, d.step, d.channel,
  d.address_enc, d.language, d.announcement_id, d.household_id, d.resident_id, d.staff_member_id,
  d.member_channel_id, d.status, a.title, a.body_html, a.translations, a.sms_text,
  (a.expires_at is not null and a.expires_at <= ${now.toISOString()}) as expired`;

/**
 * Claims what each channel may send now, in one transaction: the channel's use this minute and today is locked and
 * reserved (so parallel workers together keep to the provider's limits), and rows are taken with SKIP LOCKED and
 * marked `sending` before any provider is called. In quiet hours only urgent or emergency messages are taken.
 */
async function claim(tx: Tx, now: Date, batch: number): Promise<Claimed[]> {
  const { day, time } = localParts(now);
  const windows = [`day:${day}`, `min:${day}T${time}`];
  await tx.execute(sql`
    insert into channel_usage (channel, "window", sent)
    select l.channel, w, 0 from channel_limits l, unnest(array[${windows[0]}, ${windows[1]}]::text[]) w
    on conflict do nothing`);
  // Locked before reading: a second worker waits here and then sees what this one reserved.
  await tx.execute(sql`select 1 from channel_usage where "window" in (${windows[0]}, ${windows[1]}) for update`);
  const allowance = await queryRows<{ channel: Channel; allowed: number; dayLeft: number }>(
    tx,
    sql`
    select l.channel, greatest(0, least(l.per_minute - coalesce(max(u.sent) filter (where u."window" like 'min:%'), 0),
      l.per_day - coalesce(max(u.sent) filter (where u."window" like 'day:%'), 0)))::int as allowed,
      (l.per_day - coalesce(max(u.sent) filter (where u."window" like 'day:%'), 0))::int as "dayLeft"
    from channel_limits l
      left join channel_usage u on u.channel = l.channel and u."window" in (${windows[0]}, ${windows[1]})
    group by l.channel, l.per_minute, l.per_day`,
  );
  const quiet = isQuiet(now) ? sql`and ${URGENT}` : sql``;
  const stale = new Date(now.getTime() - STALE_MS).toISOString();
  const claimed: Claimed[] = [];
  for (const { channel, allowed, dayLeft } of allowance) {
    // The day's allowance is spent: what is due on this channel says so until tomorrow's opens (once per row).
    if (dayLeft <= 0)
      await tx.execute(sql`
        update deliveries set reason = ${DeliveryReason.DAILY_LIMIT}
        where channel = ${channel} and status in ('created', 'temporary-failure')
          and next_attempt_at <= ${now.toISOString()} and reason is distinct from ${DeliveryReason.DAILY_LIMIT}`);
    const take = Math.min(allowed, batch);
    if (take <= 0) continue;
    const rows = await queryRows<Claimed>(
      tx,
      sql`
      select ${claimedColumns(now)}
      from deliveries d
        join announcements a on a.id = d.announcement_id
      where d.channel = ${channel} and d.next_attempt_at <= ${now.toISOString()}
        and d.status in ('created', 'temporary-failure', 'sending')
        and (d.status <> 'sending' or d.updated_at < ${stale}) ${quiet}
      order by d.next_attempt_at, d.id
      limit ${take}
      for update of d skip locked`,
    );
    if (!rows.length) continue;
    await tx
      .update(deliveries)
      .set({ status: 'sending', reason: null, updatedAt: now })
      .where(
        inArray(
          deliveries.id,
          rows.map((r) => r.id),
        ),
      );
    await tx.execute(sql`
      update channel_usage set sent = sent + ${rows.length}
      where channel = ${channel} and "window" in (${windows[0]}, ${windows[1]})`);
    claimed.push(...rows);
  }
  return claimed;
}

/**
 * After a delivery failed for good, queues the recipient's next channel (by the member's order), in the same
 * transaction as the failure. The step number is unique per recipient, so a repeated failure cannot queue twice.
 */
async function failOver(
  tx: Tx,
  row: Claimed,
  failure: { status: string; reason: DeliveryReason; error: string },
  now: Date,
  attempts = row.attempts + 1,
): Promise<void> {
  const { status, reason, error } = failure;
  const addressGone = reason === DeliveryReason.UNSUBSCRIBED;
  const nextAt = sendableAt(now, row.urgent);
  const next = nextAt.toISOString();
  const waiting = waitingReason(nextAt, now);
  await tx
    .update(deliveries)
    .set({ status, attempts, reason, lastError: error.slice(0, 300), updatedAt: now })
    .where(eq(deliveries.id, row.id));
  if (row.household_id !== null) {
    // A household's next channel, or for a personal message the next channel that person chose.
    const whose =
      row.resident_id === null ? sql`m.household_id = ${row.household_id}` : sql`m.resident_id = ${row.resident_id}`;
    await tx.execute(sql`
      insert into deliveries (announcement_id, household_id, resident_id, member_channel_id,
        step, channel, address_enc, language, next_attempt_at, reason)
      select ${row.announcement_id}, ${row.household_id}, ${row.resident_id}, c.id,
        ${row.step + 1}, c.channel, c.address_enc, c.language, ${next}, ${waiting}::text
      from (${memberChannelsOf(whose)} offset ${row.step + 1} limit 1) c
      on conflict do nothing`);
  } else if (row.channel === 'SMS') {
    await tx.execute(sql`
      insert into deliveries (announcement_id, staff_member_id, step, channel, address_enc, next_attempt_at, reason)
      select ${row.announcement_id}, s.id, ${row.step + 1}, 'EMAIL', s.email_enc, ${next}, ${waiting}::text
      from staff_group_members s
      where s.id = ${row.staff_member_id} and s.email_enc is not null
      on conflict do nothing`);
  }
  if (addressGone && row.member_channel_id !== null) {
    // The address will never work again (a browser dropped its subscription): not tried for the next announcements.
    await tx
      .update(memberChannels)
      .set({ active: false, unsubscribedAt: now })
      .where(eq(memberChannels.id, row.member_channel_id));
  }
}

/**
 * Sends what is due, a batch at a time. A row still `sending` after a crash is sent again with the same reference
 * (its id), which providers recognise. Temporary failures back off exponentially; a refusal, a channel with no
 * provider, or too many attempts fail the row for good and the recipient's next channel is queued.
 */
export async function sendDue(
  deps: Deps,
  senders: Senders,
  now = new Date(),
  batch = 200,
): Promise<{ delivered: number; failed: number }> {
  const db = deps.database.db;
  const claimed = await db.transaction((tx) => claim(tx, now, batch));
  const result = { delivered: 0, failed: 0 };
  const sent: { id: number; ref?: string }[] = [];
  const state = new Map<Channel, ProviderState>();
  const noteError = (channel: Channel, reason: DeliveryReason, error: string) =>
    state.set(channel, { success: state.get(channel)?.success ?? false, error, reason });
  for (const row of claimed) {
    const sender = senders[row.channel];
    const final = (status: string, reason: DeliveryReason, error: string) => {
      if (reason !== DeliveryReason.EXPIRED) noteError(row.channel, reason, error);
      return db.transaction((tx) => failOver(tx, row, { status, reason, error }, now));
    };
    if (row.expired) {
      await final('permanent-failure', DeliveryReason.EXPIRED, 'expired before it could be sent');
      result.failed += 1;
      continue;
    }
    if (!sender?.configured) {
      await final('technical-failure', DeliveryReason.NOT_CONFIGURED, `${row.channel} provider not configured`);
      result.failed += 1;
      continue;
    }
    const text = row.translations[row.language] ?? { title: row.title, bodyHtml: row.body_html };
    try {
      const r = await sender.send({
        to: deps.cipher.decrypt(row.address_enc),
        title: text.title,
        text: plainText(text.bodyHtml),
        html: text.bodyHtml,
        // The short SMS wording is Vietnamese: a member who chose another language gets the title and body cut.
        sms: row.translations[row.language] ? undefined : (row.sms_text ?? undefined),
        reference: `ketnoi-delivery-${row.id}`,
        language: row.language,
        link: readLink(deps, row.announcement_id, row.household_id),
        unsubscribe: row.member_channel_id ? unsubscribeLink(deps, row.member_channel_id) : undefined,
      });
      sent.push({ id: row.id, ref: r.providerRef });
      state.set(row.channel, { ...state.get(row.channel), success: true });
      result.delivered += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      const message = String((error as Error).message);
      result.failed += 1;
      if (error instanceof Refused)
        await final(
          'permanent-failure',
          error.addressGone ? DeliveryReason.UNSUBSCRIBED : DeliveryReason.REFUSED,
          message,
        );
      else if (attempts >= MAX_ATTEMPTS) await final('technical-failure', DeliveryReason.PROVIDER_ERROR, message);
      else {
        noteError(row.channel, DeliveryReason.PROVIDER_ERROR, message);
        await db
          .update(deliveries)
          .set({
            status: 'temporary-failure',
            attempts,
            reason: DeliveryReason.PROVIDER_ERROR,
            lastError: message.slice(0, 300),
            nextAttemptAt: sendableAt(new Date(now.getTime() + 2 ** attempts * 60_000), row.urgent),
            updatedAt: now,
          })
          .where(eq(deliveries.id, row.id));
      }
    }
  }
  await recordProviderState(db, state, now);
  // Sent rows are marked delivered in one statement per batch, with each provider's reference; until then they stay
  // "sending", which a later run would resend with the same reference.
  if (sent.length) {
    await db.execute(sql`
      update deliveries d
      set status = 'delivered', sent_at = ${now.toISOString()}, provider_ref = coalesce(v.ref, d.provider_ref),
        attempts = d.attempts + 1, updated_at = ${now.toISOString()}
      from (values ${sql.join(
        sent.map((x) => sql`(${x.id}::int, ${x.ref ?? null}::text)`),
        sql`, `,
      )}) v(id, ref)
      -- Only rows still being sent: a provider's report of failure can arrive while the rest of the batch goes out,
      -- and has already moved the household to its next channel; "delivered" must not overwrite it.
      where d.id = v.id and d.status = 'sending'`);
  }
  return result;
}

type ProviderState = { success: boolean; error?: string; reason?: DeliveryReason };

/**
 * Each provider's latest state as this batch saw it: when a message last went through, and the last error with its
 * time, reason code (the channels page shows it translated) and the provider's own message (shown as a detail).
 * One statement per channel that did something.
 */
async function recordProviderState(db: Tx, state: Map<Channel, ProviderState>, now: Date): Promise<void> {
  for (const [channel, s] of state) {
    await db
      .update(channelLimits)
      .set({
        ...(s.success ? { lastSuccessAt: now } : {}),
        ...(s.error ? { lastErrorAt: now, lastError: s.error.slice(0, 300), lastErrorReason: s.reason ?? null } : {}),
      })
      .where(eq(channelLimits.channel, channel));
  }
}

/**
 * A provider's delivery report (the SMS gateway's callback): `delivered` confirms a message; a permanent failure
 * reported after the provider accepted it (an unreachable number) fails it and queues the recipient's next channel,
 * as a refusal at sending would have. Reports repeat: the same one twice changes nothing.
 */
export async function applyDeliveryReport(
  database: AppDeps['database'],
  reference: string,
  report: { status: 'delivered' | 'permanent-failure'; error?: string },
): Promise<boolean> {
  const id = Number(/^ketnoi-delivery-(\d{1,10})$/.exec(reference)?.[1]);
  if (!id || id > 2_147_483_647) return false;
  return database.db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await queryRows<Claimed>(
      tx,
      sql`
      select ${claimedColumns(now)}
      from deliveries d
        join announcements a on a.id = d.announcement_id
      where d.id = ${id}
      for update of d`,
    );
    if (!row) return false;
    if (report.status === 'delivered' && row.status !== 'delivered' && row.status !== 'permanent-failure') {
      await tx
        .update(deliveries)
        .set({ status: 'delivered', sentAt: sql`coalesce(${deliveries.sentAt}, now())`, updatedAt: now })
        .where(eq(deliveries.id, id));
    } else if (report.status === 'permanent-failure' && row.status !== 'permanent-failure') {
      const error = report.error ?? 'reported undeliverable by the provider';
      await failOver(
        tx,
        row,
        { status: 'permanent-failure', reason: DeliveryReason.UNDELIVERABLE, error },
        now,
        row.attempts,
      );
    }
    return true;
  });
}

/** Usage windows of past minutes and days are no longer read: dropped, so the table stays a few rows per channel. */
export async function pruneChannelUsage(db: Tx, now = new Date()): Promise<void> {
  const { day, time } = localParts(now);
  await db.execute(sql`
    delete from channel_usage
    where ("window" like 'min:%' and "window" < ${`min:${day}T${time}`})
      or ("window" like 'day:%' and "window" < ${`day:${addDays(day, -1)}`})`);
}

/** Delivery counts of an announcement by status, for the reach view (those `inPart` lets through). */
export async function deliveryCounts(db: Tx, announcementId: number, inPart: SQL = sql`true`) {
  const rows = await db
    .select({ status: deliveries.status, n: sql<number>`count(*)::int` })
    .from(deliveries)
    .where(and(eq(deliveries.announcementId, announcementId), inPart))
    .groupBy(deliveries.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

/**
 * The delivery worker: a pg-boss job woken when an announcement is sent, and every minute for retries and
 * schedules.
 */
export function registerDeliveries(
  app: App,
  deps: Pick<AppDeps, 'database' | 'cipher' | 'jobs' | 'config'>,
  senders: Senders,
  everyMinute: () => Promise<unknown>,
): void {
  if (!deps.config.deliveryWorker) return;
  void deps.jobs.work(DELIVERY_QUEUE, async () => {
    await everyMinute();
    for (let i = 0; i < 50; i++) {
      const r = await sendDue(deps, senders);
      if (r.delivered + r.failed === 0) break;
    }
  });
  wakeEvery(app, deps.jobs, DELIVERY_QUEUE, 60_000);
}

export const wakeDeliveries = (deps: Pick<AppDeps, 'jobs'>) => wake(deps.jobs, DELIVERY_QUEUE);
