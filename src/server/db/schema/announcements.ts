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
import { deliveryReasons } from '../../../shared/deliveries.js';
import { inList } from './columns.js';
import { units } from './units.js';
import { users } from './users.js';

/**
 * An announcement from a commune or a residential group: sanitised body, category, audience (units and attributes,
 * resolved when it is sent), optional acknowledgement. `unit_id` is where it is filed: its author's unit (the deepest
 * unit where the author may write announcements that holds every unit it targets). Whoever's units hold it sees and
 * changes all of it; a viewer whose units are among its targets sees only their units' part of it.
 */
export const announcements = pgTable(
  'announcements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    bodyHtml: text('body_html').notNull(),
    category: text('category').notNull(),
    priority: text('priority').notNull().default('NORMAL'),
    audience: jsonb('audience').$type<Record<string, unknown>>().notNull(),
    isPublic: boolean('is_public').notNull().default(false),
    ackRequested: boolean('ack_requested').notNull().default(false),
    status: text('status').notNull().default('DRAFT'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** When it goes out by itself (status SCHEDULED until then); the audience is resolved at that moment. */
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /** Other languages: `{ en: { title, bodyHtml } }`; a member who chose English gets these. */
    translations: jsonb('translations')
      .$type<Record<string, { title: string; bodyHtml: string }>>()
      .notNull()
      .default({}),
    /**
     * The SMS channel's own wording when the title and body are too long for one (a campaign reminder's: a few words
     * and the link, one or two segments); null: the SMS is cut from the title and body.
     */
    smsText: text('sms_text'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('announcements_unit_idx').on(t.unitId, t.id),
    check('announcements_status_check', sql`${t.status} in ('DRAFT', 'SCHEDULED', 'SENT', 'CANCELLED')`),
    check(
      'announcements_category_check',
      sql`${t.category} in ('POLICY', 'HEALTH', 'CAMPAIGN', 'EMERGENCY', 'EVENT', 'PROCEDURE')`,
    ),
    check('announcements_priority_check', sql`${t.priority} in ('NORMAL', 'HIGH', 'URGENT')`),
  ],
);

/**
 * The households an announcement was sent to, snapshotted when it went out (people who move later do not change it).
 * Like `deliveries`, it has no foreign keys: its rows come from a join over the tables they name in the statement
 * that sends, none of those rows is ever deleted, and per-row key checks were half the time of sending to a province
 * (docs/decisions.md).
 */
export const announcementHouseholds = pgTable(
  'announcement_households',
  {
    announcementId: integer('announcement_id').notNull(),
    householdId: integer('household_id').notNull(),
    groupId: integer('group_id'),
    people: integer('people').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** The citizen account that acknowledged (citizens.id). */
    acknowledgedBy: integer('acknowledged_by'),
  },
  (t) => [
    primaryKey({ name: 'announcement_households_pkey', columns: [t.announcementId, t.householdId] }),
    index('announcement_households_group_idx').on(t.announcementId, t.groupId),
  ],
);

/** A message's delivery status, in the words of GOV.UK Notify's, which the pipeline follows. */
export const deliveryStatuses = [
  'created',
  'sending',
  'delivered',
  'permanent-failure',
  'temporary-failure',
  'technical-failure',
] as const;

/**
 * One message to one household over one channel. Statuses follow GOV.UK Notify's: created → sending → delivered, or a
 * permanent / temporary / technical failure. The row's id is the provider reference, so a send retried after a crash
 * is recognised by the gateway as the same message (the pipeline never asks for a second one itself).
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    announcementId: integer('announcement_id').notNull(),
    /** A household's message, or (for internal staff groups) a staff member's. */
    householdId: integer('household_id'),
    /** Set for personal content (one message per person); null for household-level content. */
    residentId: integer('resident_id'),
    staffMemberId: integer('staff_member_id'),
    /** The member's channel tried (null: the registry's phone); fallback takes the next by rank. */
    memberChannelId: integer('member_channel_id'),
    step: integer('step').notNull().default(0),
    channel: text('channel').notNull(),
    addressEnc: text('address_enc').notNull(),
    language: text('language').notNull().default('vi'),
    /** The provider's id for the message (Zalo's message_id / msg_id), matched by its callbacks. */
    providerRef: text('provider_ref'),
    status: text('status').notNull().default('created'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    /** Why it failed or waits (src/shared/deliveries.ts), shown in words; null while on its way or once delivered. */
    reason: text('reason'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Claims go channel by channel (each has its own limits), oldest due first.
    index('deliveries_due_idx')
      .on(t.channel, t.nextAttemptAt, t.id)
      .where(sql`${t.status} in ('created', 'temporary-failure', 'sending')`),
    // One row per recipient and step of its channel list: a fallback cannot be queued twice.
    uniqueIndex('deliveries_household_step_key').on(
      t.announcementId,
      t.householdId,
      sql`coalesce(${t.residentId}, 0)`,
      t.step,
    ),
    uniqueIndex('deliveries_staff_step_key')
      .on(t.announcementId, t.staffMemberId, t.step)
      .where(sql`${t.staffMemberId} is not null`),
    index('deliveries_sent_idx').on(t.channel, t.sentAt).where(sql`${t.sentAt} is not null`),
    index('deliveries_provider_ref_idx').on(t.providerRef).where(sql`${t.providerRef} is not null`),
    check('deliveries_channel_check', sql`${t.channel} in ('SMS', 'EMAIL', 'ZALO', 'ZNS', 'PUSH')`),
    check('deliveries_recipient_check', sql`(${t.householdId} is null) <> (${t.staffMemberId} is null)`),
    check('deliveries_status_check', sql`${t.status} in (${inList(deliveryStatuses)})`),
    check('deliveries_reason_check', sql`${t.reason} in (${inList(deliveryReasons)})`),
  ],
);

/** Reusable message templates with ((placeholders)), kept per unit (a commune's, a group's). */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('message_templates_unit_idx').on(t.unitId)],
);
