import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { users } from './users.js';

/**
 * A door-to-door campaign (VNeID level 2 for everyone 14+, digitising records, paying online, digital skills): its
 * target population is a filter over the registry, snapshotted into `campaign_targets` and kept current. A province
 * campaign is a parent whose children are its communes' campaigns.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id').notNull().references(() => units.id),
    parentId: integer('parent_id'),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** PERSON: each resident is a target (VNeID); HOUSEHOLD: each household is (online payment). */
    level: text('level').notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    checklist: jsonb('checklist').$type<{ key: string; label: string }[]>().notNull(),
    targetRate: integer('target_rate').notNull(),
    startsOn: date('starts_on').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status').notNull().default('ACTIVE'),
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
  },
  (t) => [
    index('campaigns_unit_idx').on(t.unitId),
    index('campaigns_parent_idx').on(t.parentId),
    check('campaigns_kind_check', sql`${t.kind} in ('VNEID_L2', 'DIGITIZE', 'ONLINE_PAYMENT', 'SKILLS', 'CUSTOM')`),
    check('campaigns_level_check', sql`${t.level} in ('PERSON', 'HOUSEHOLD')`),
    check('campaigns_status_check', sql`${t.status} in ('ACTIVE', 'CLOSED')`),
    check('campaigns_rate_check', sql`${t.targetRate} between 1 and 100`),
  ],
);

/**
 * Who a campaign must reach: a person (resident_id) or a household. Snapshotted when it starts; new residents who
 * match join (`added_on`), people who move away leave (`removed_on`); done ones stay done. Like the announcement
 * fan-out tables it has no foreign keys (rows come from a join over the registry; nothing there is deleted).
 */
export const campaignTargets = pgTable(
  'campaign_targets',
  {
    campaignId: integer('campaign_id').notNull(),
    householdId: integer('household_id').notNull(),
    residentId: integer('resident_id'),
    unitId: integer('unit_id').notNull(),
    groupId: integer('group_id'),
    addedOn: date('added_on').notNull().default(sql`current_date`),
    removedOn: date('removed_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    lastOutcome: text('last_outcome'),
    bestTime: text('best_time'),
    /** The team member who visits this household (every target of a household goes to the same member). */
    assignedMemberId: integer('assigned_member_id'),
  },
  (t) => [
    uniqueIndex('campaign_targets_key').on(t.campaignId, t.householdId, sql`coalesce(${t.residentId}, 0)`),
    index('campaign_targets_group_idx').on(t.campaignId, t.groupId),
    index('campaign_targets_member_idx').on(t.assignedMemberId, t.campaignId).where(sql`${t.assignedMemberId} is not null`),
  ],
);
