import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { citizenLanguages } from '../../../shared/languages.js';
import { announcements } from './announcements.js';
import { bytea, inList } from './columns.js';
import { households, residents } from './registry.js';
import { units } from './units.js';
import { users } from './users.js';

/** What became of a join request: waiting, confirmed into a household, refused, or replaced by a direct join. */
export const joinRequestStatuses = ['PENDING', 'CONFIRMED', 'REFUSED', 'WITHDRAWN'] as const;

/**
 * A household's membership of its residential group's channel: someone in the household proved a phone number
 * (one-time code) and was matched to the household in the registry. The manage token (hashed) lets them change
 * channels, language or leave from any device, without an account.
 */
export const groupMembers = pgTable(
  'group_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => units.id),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    residentId: integer('resident_id').references(() => residents.id),
    phoneEnc: text('phone_enc').notNull(),
    phoneBidx: text('phone_bidx').notNull(),
    language: text('language').notNull().default('vi'),
    manageTokenHash: text('manage_token_hash').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('group_members_phone_key').on(t.householdId, t.phoneBidx).where(sql`${t.leftAt} is null`),
    uniqueIndex('group_members_token_key').on(t.manageTokenHash),
    index('group_members_group_idx').on(t.groupId, t.householdId),
    index('group_members_resident_idx').on(t.residentId).where(sql`${t.leftAt} is null`),
    check('group_members_language_check', sql`${t.language} in (${inList(citizenLanguages)})`),
  ],
);

/**
 * A request to join a household to its group's channel that could not bind at once: the proven phone is on record
 * for no current member of a household in the group, or for members of several. The group head (or the commune)
 * picks the household and confirms, or refuses; the person's device holds the token (kept hashed), which becomes the
 * member's manage token once confirmed. The phone, the chosen channels (an email, a push subscription) and the note
 * the person wrote are kept encrypted.
 */
export const groupJoinRequests = pgTable(
  'group_join_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => units.id),
    phoneEnc: text('phone_enc').notNull(),
    phoneBidx: text('phone_bidx').notNull(),
    language: text('language').notNull().default('vi'),
    /** The channels chosen, in order, as encrypted JSON (an email address or a push subscription may be in it). */
    channelsEnc: text('channels_enc').notNull(),
    /** What the person wrote for the group head to recognise them (a name, an address), encrypted. */
    noteEnc: text('note_enc'),
    tokenHash: text('token_hash').notNull(),
    status: text('status').notNull().default('PENDING'),
    householdId: integer('household_id').references(() => households.id),
    memberId: integer('member_id').references(() => groupMembers.id),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('group_join_requests_token_key').on(t.tokenHash),
    uniqueIndex('group_join_requests_pending_key').on(t.groupId, t.phoneBidx).where(sql`${t.status} = 'PENDING'`),
    index('group_join_requests_group_idx').on(t.groupId, t.status, t.createdAt),
    check('group_join_requests_language_check', sql`${t.language} in (${inList(citizenLanguages)})`),
    check('group_join_requests_status_check', sql`${t.status} in (${inList(joinRequestStatuses)})`),
  ],
);

/**
 * One way to reach a member, in the member's order (rank 1 first): a Zalo follower id, a phone for ZNS or SMS, an
 * email address, a browser push subscription (JSON). Addresses are encrypted; the blind index finds a Zalo follower
 * or a repeated push endpoint. A Zalo row waits with a link code until the follower sends it to the OA.
 */
export const memberChannels = pgTable(
  'member_channels',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => groupMembers.id),
    channel: text('channel').notNull(),
    rank: integer('rank').notNull(),
    addressEnc: text('address_enc'),
    addressBidx: text('address_bidx'),
    linkCode: text('link_code'),
    active: boolean('active').notNull().default(true),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('member_channels_member_idx').on(t.memberId, t.rank),
    index('member_channels_address_idx').on(t.channel, t.addressBidx),
    uniqueIndex('member_channels_link_code_key').on(t.linkCode).where(sql`${t.linkCode} is not null`),
    check('member_channels_channel_check', sql`${t.channel} in ('ZALO', 'ZNS', 'SMS', 'EMAIL', 'PUSH')`),
  ],
);

/**
 * Internal groups for staff (village heads, Party cell secretaries, associations): people reached by phone or email.
 */
export const staffGroups = pgTable(
  'staff_groups',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('staff_groups_unit_idx').on(t.unitId),
    check('staff_groups_kind_check', sql`${t.kind} in ('GROUP_HEADS', 'PARTY_CELLS', 'ASSOCIATION', 'OTHER')`),
  ],
);

export const staffGroupMembers = pgTable(
  'staff_group_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    staffGroupId: integer('staff_group_id')
      .notNull()
      .references(() => staffGroups.id),
    fullName: text('full_name').notNull(),
    title: text('title'),
    phoneEnc: text('phone_enc'),
    emailEnc: text('email_enc'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('staff_group_members_group_idx').on(t.staffGroupId)],
);

/** The OA's tokens: access tokens last about a day and refresh tokens rotate, so both live here, encrypted. */
export const zaloTokens = pgTable('zalo_tokens', {
  oaId: text('oa_id').primaryKey(),
  accessEnc: text('access_enc'),
  refreshEnc: text('refresh_enc').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Followers of the OA, linked to a member once they send their link code. */
export const zaloFollowers = pgTable('zalo_followers', {
  followerId: text('follower_id').primaryKey(),
  followedAt: timestamp('followed_at', { withTimezone: true }),
  unfollowedAt: timestamp('unfollowed_at', { withTimezone: true }),
  lastInteractionAt: timestamp('last_interaction_at', { withTimezone: true }),
});

/**
 * Webhook events kept once each (Zalo may deliver an event more than once): the key is `msg_id` or the event's
 * identity.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    source: text('source').notNull(),
    eventKey: text('event_key').notNull(),
    eventName: text('event_name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('webhook_events_key').on(t.source, t.eventKey)],
);

/**
 * One row per channel: the provider's contract (quotas and prices differ per contract, so they are data) — messages a
 * minute and a day, the price of one message — and the provider's latest state as the delivery pipeline saw it.
 */
export const channelLimits = pgTable('channel_limits', {
  channel: text('channel').primaryKey(),
  perMinute: integer('per_minute').notNull(),
  perDay: integer('per_day').notNull(),
  /** Đồng per message, for cost estimates; null: the documented default (src/shared/deliveries.ts). */
  priceVnd: integer('price_vnd'),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
  lastError: text('last_error'),
  /** The last error's reason code (DeliveryReason), shown translated; `last_error` is the provider's own words. */
  lastErrorReason: text('last_error_reason'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Messages reserved per channel and window (`day:YYYY-MM-DD`, `min:YYYY-MM-DDTHH:MM`, Vietnam time) against the limits.
 */
export const channelUsage = pgTable(
  'channel_usage',
  {
    channel: text('channel').notNull(),
    window: text('window').notNull(),
    sent: integer('sent').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'channel_usage_pkey', columns: [t.channel, t.window] })],
);

/** A loudspeaker broadcast of an announcement: where (a group's speakers, or the commune's) and when. */
export const broadcasts = pgTable(
  'broadcasts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    announcementId: integer('announcement_id')
      .notNull()
      .references(() => announcements.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    airAt: timestamp('air_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('PLANNED'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('broadcasts_announcement_idx').on(t.announcementId, t.airAt),
    check('broadcasts_status_check', sql`${t.status} in ('PLANNED', 'AIRED', 'CANCELLED')`),
  ],
);

/** Files attached to an announcement (a PDF notice, a poster), served with it. */
export const announcementFiles = pgTable(
  'announcement_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    announcementId: integer('announcement_id')
      .notNull()
      .references(() => announcements.id),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('announcement_files_announcement_idx').on(t.announcementId)],
);
