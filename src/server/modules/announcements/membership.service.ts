import type { CitizenLanguage } from '../../../shared/languages.js';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { queryRows, type Tx } from '../../db/client.js';
import { groupMembers, memberChannels } from '../../db/schema/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import { sha256 } from '../../lib/hash.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { MembershipChangeInput } from './groups.schemas.js';
import { publicGroup } from './groups.service.js';
import { undecidedRequestOf } from './join-requests.service.js';
import { readLink, validUnsubscribeToken } from './links.js';
import type { Channel } from './senders.js';

/**
 * A member's own page, opened with the manage token they got when joining (kept hashed): their group, channels and
 * language, the announcements sent to their household; changing them, leaving; and the one-click unsubscribe link
 * in every message.
 */
type Deps = Pick<AppDeps, 'database' | 'cipher' | 'config'>;

/** The member a manage token belongs to (401 when it is unknown or the member left). */
export async function memberOf(db: Tx, token: string | undefined) {
  const [m] = token
    ? await db
        .select()
        .from(groupMembers)
        .where(and(eq(groupMembers.manageTokenHash, sha256(token)), isNull(groupMembers.leftAt)))
    : [];
  if (!m)
    throw new AppError('UNAUTHENTICATED', 401, {
      vi: 'Liên kết quản lý không còn hiệu lực; hãy tham gia lại bằng mã QR của tổ',
      en: "This link no longer works; join again with your group's QR code",
    });
  return m;
}

/**
 * What a member sees on their page: the group, their channels in order, and the announcements sent to their
 * household; while their request to join waits for the group head, only that it waits.
 */
export async function membership(deps: Deps, token: string | undefined) {
  const db = deps.database.db;
  // A device whose request waits for the group head (or was refused) sees that, and nothing of any household.
  const request = token ? await undecidedRequestOf(db, sha256(token)) : undefined;
  if (request) {
    const group = await publicGroup(db, request.groupId);
    return {
      status: request.status,
      group: { id: group.id, name: group.name, commune: group.commune },
      language: request.language as CitizenLanguage,
      channels: [],
      announcements: [],
    };
  }
  const m = await memberOf(db, token);
  const group = await publicGroup(db, m.groupId);
  const channels = await db
    .select()
    .from(memberChannels)
    .where(and(eq(memberChannels.memberId, m.id), sql`${memberChannels.rank} < 1000`))
    .orderBy(asc(memberChannels.rank));
  const items = await queryRows<{
    id: number;
    title: string;
    category: string;
    priority: string;
    sent_at: Date;
    ack_requested: boolean;
    read_at: Date | null;
    acknowledged_at: Date | null;
  }>(
    db,
    sql`
    select a.id, a.title, a.category, a.priority, a.sent_at, a.ack_requested, ah.read_at, ah.acknowledged_at
    from announcement_households ah
      join announcements a on a.id = ah.announcement_id
    where ah.household_id = ${m.householdId} and (a.expires_at is null or a.expires_at > now())
    order by a.sent_at desc
    limit 50`,
  );
  return {
    status: 'ACTIVE' as const,
    group: { id: group.id, name: group.name, commune: group.commune },
    language: m.language as CitizenLanguage,
    channels: channels.map((c) => ({
      id: c.id,
      channel: c.channel as Channel,
      rank: c.rank,
      active: c.active,
      zaloLinkCode: c.linkCode,
    })),
    announcements: items.map((a) => ({
      id: a.id,
      title: a.title,
      category: a.category,
      priority: a.priority,
      sentAt: new Date(a.sent_at).toISOString(),
      ackRequested: a.ack_requested,
      read: a.read_at !== null,
      acknowledged: a.acknowledged_at !== null,
      link: readLink(deps, a.id, m.householdId),
    })),
  };
}

/** Changes a member's language, or switches one channel off or back on (the order stays). */
export async function updateMembership(
  deps: Deps,
  token: string | undefined,
  change: MembershipChangeInput,
  actor: Actor,
) {
  await deps.database.db.transaction(async (tx) => {
    const m = await memberOf(tx, token);
    if (change.language)
      await tx.update(groupMembers).set({ language: change.language }).where(eq(groupMembers.id, m.id));
    if (change.channelId !== undefined && change.active !== undefined) {
      const [c] = await tx
        .update(memberChannels)
        .set({ active: change.active, unsubscribedAt: change.active ? null : sql`now()` })
        .where(
          and(
            eq(memberChannels.id, change.channelId),
            eq(memberChannels.memberId, m.id),
            sql`${memberChannels.addressEnc} is not null`,
          ),
        )
        .returning({ id: memberChannels.id });
      if (!c) throw notFound({ vi: 'Không tìm thấy kênh này', en: 'No such channel' });
    }
    await insertAudit(tx, actor, {
      action: 'group.member.update',
      entityType: 'household',
      entityId: m.householdId,
      details: change,
    });
  });
}

/** Leaves the group: the member and all their channels stop receiving. */
export async function leaveGroup(deps: Deps, token: string | undefined, actor: Actor) {
  await deps.database.db.transaction(async (tx) => {
    const m = await memberOf(tx, token);
    await tx.update(groupMembers).set({ leftAt: sql`now()` }).where(eq(groupMembers.id, m.id));
    await tx
      .update(memberChannels)
      .set({ active: false, unsubscribedAt: sql`now()` })
      .where(eq(memberChannels.memberId, m.id));
    await insertAudit(tx, actor, { action: 'group.leave', entityType: 'household', entityId: m.householdId });
  });
}

/** One-click unsubscribe from one channel (the signed link in each message). */
export async function unsubscribe(deps: Deps, channelId: number, token: string): Promise<Channel> {
  if (!validUnsubscribeToken(deps, channelId, token))
    throw notFound({ vi: 'Liên kết không hợp lệ', en: 'The link is not valid' });
  const [c] = await deps.database.db
    .update(memberChannels)
    .set({ active: false, unsubscribedAt: sql`coalesce(${memberChannels.unsubscribedAt}, now())` })
    .where(eq(memberChannels.id, channelId))
    .returning({ channel: memberChannels.channel });
  if (!c) throw notFound({ vi: 'Liên kết không hợp lệ', en: 'The link is not valid' });
  return c.channel as Channel;
}
