import { asc, eq, sql } from 'drizzle-orm';
import { defaultMessagePrice, type DeliveryReason } from '../../../shared/deliveries.js';
import { queryRows, type Db, type Tx } from '../../db/client.js';
import { channelLimits } from '../../db/schema/index.js';
import type { Actor } from '../../lib/auth-context.js';
import { audited } from '../audit/audit.repo.js';
import { localParts } from '../calendar/working-days.js';
import type { ChannelLimit, ChannelLimitsInput } from './announcements.schemas.js';
import type { Channel } from './senders.js';

/** Each channel's provider limits: how many messages the delivery pipeline may send a minute and a day. */
export async function listChannelLimits(db: Tx): Promise<ChannelLimit[]> {
  return (await db.select().from(channelLimits).orderBy(asc(channelLimits.channel))).map((l) => ({
    channel: l.channel as Channel,
    perMinute: l.perMinute,
    perDay: l.perDay,
    priceVnd: l.priceVnd,
  }));
}

/** Sets a channel's limits (and, when given, its price per message) from the provider's contract (audited). */
export async function setChannelLimits(
  db: Db,
  channel: Channel,
  limits: ChannelLimitsInput,
  actor: Actor,
): Promise<ChannelLimit> {
  const [row] = await audited(
    db,
    actor,
    (tx) =>
      tx
        .update(channelLimits)
        .set({ ...limits, updatedAt: sql`now()` })
        .where(eq(channelLimits.channel, channel))
        .returning(),
    { action: 'channel.limits', entityType: 'channel', entityId: channel, details: limits },
  );
  return { channel, perMinute: limits.perMinute, perDay: limits.perDay, priceVnd: row?.priceVnd ?? null };
}

/** Each channel's price of one message in đồng: the contract's where set, else the documented default. */
export async function messagePrices(db: Tx): Promise<Record<Channel, { price: number; isDefault: boolean }>> {
  const rows = await db.select({ channel: channelLimits.channel, price: channelLimits.priceVnd }).from(channelLimits);
  const prices = {} as Record<Channel, { price: number; isDefault: boolean }>;
  for (const channel of Object.keys(defaultMessagePrice) as Channel[]) {
    const set = rows.find((r) => r.channel === channel)?.price;
    prices[channel] = { price: set ?? defaultMessagePrice[channel] ?? 0, isDefault: set === null || set === undefined };
  }
  return prices;
}

/**
 * Each provider's state for the channels page: configured or not, when a message last went through, the last error
 * (time and message), and today's use (Vietnam time) against the daily limit.
 */
export async function listChannelStates(db: Tx, configured: (c: Channel) => boolean, now = new Date()) {
  const rows = await queryRows<{
    channel: Channel;
    perMinute: number;
    perDay: number;
    priceVnd: number | null;
    lastSuccessAt: Date | null;
    lastErrorAt: Date | null;
    lastError: string | null;
    lastErrorReason: DeliveryReason | null;
    usedToday: number;
  }>(
    db,
    sql`
    select l.channel, l.per_minute as "perMinute", l.per_day as "perDay", l.price_vnd as "priceVnd",
      l.last_success_at as "lastSuccessAt", l.last_error_at as "lastErrorAt", l.last_error as "lastError",
      l.last_error_reason as "lastErrorReason",
      coalesce(u.sent, 0)::int as "usedToday"
    from channel_limits l
      left join channel_usage u on u.channel = l.channel and u."window" = ${`day:${localParts(now).day}`}
    order by l.channel`,
  );
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return rows.map((r) => ({
    channel: r.channel,
    configured: configured(r.channel),
    lastSuccessAt: iso(r.lastSuccessAt),
    lastErrorAt: iso(r.lastErrorAt),
    lastError: r.lastError,
    lastErrorReason: r.lastErrorReason,
    usedToday: r.usedToday,
    perDay: r.perDay,
    perMinute: r.perMinute,
    priceVnd: r.priceVnd ?? defaultMessagePrice[r.channel] ?? 0,
    priceIsDefault: r.priceVnd === null,
  }));
}
