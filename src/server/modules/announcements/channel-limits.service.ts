import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { channelLimits } from '../../db/schema/index.js';
import type { Actor } from '../../lib/auth-context.js';
import { audited } from '../audit/audit.repo.js';
import type { ChannelLimit, ChannelLimitsInput } from './announcements.schemas.js';
import type { Channel } from './senders.js';

/** Each channel's provider limits: how many messages the delivery pipeline may send a minute and a day. */
export async function listChannelLimits(db: Tx): Promise<ChannelLimit[]> {
  return (await db.select().from(channelLimits).orderBy(asc(channelLimits.channel))).map((l) => ({
    channel: l.channel as Channel,
    perMinute: l.perMinute,
    perDay: l.perDay,
  }));
}

/** Sets a channel's limits from the provider's contract (audited). */
export async function setChannelLimits(
  db: Db,
  channel: Channel,
  limits: ChannelLimitsInput,
  actor: Actor,
): Promise<ChannelLimit> {
  await audited(
    db,
    actor,
    (tx) =>
      tx
        .update(channelLimits)
        .set({ ...limits, updatedAt: sql`now()` })
        .where(eq(channelLimits.channel, channel)),
    { action: 'channel.limits', entityType: 'channel', entityId: channel, details: limits },
  );
  return { channel, ...limits };
}
