import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { users } from './users.js';
import { VisitOutcome } from '../../../shared/enums.js';
import { inList } from './columns.js';

/**
 * A door-to-door campaign (VNeID level 2 for everyone 14+, digitising records, paying online, digital skills): its
 * target population is a filter over the registry, snapshotted into `campaign_targets` and kept current. A province
 * campaign is a parent whose children are its communes' campaigns.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    parentId: integer('parent_id'),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** PERSON: each resident is a target (VNeID); HOUSEHOLD: each household is (online payment). */
    level: text('level').notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    checklist: jsonb('checklist').$type<{ key: string; label: string }[]>().notNull(),
    targetRate: integer('target_rate').notNull(),
    /** How-to steps shown to residents on the guide page the call letters' QR opens (the template's by default). */
    guide: text('guide').notNull().default(''),
    startsOn: date('starts_on').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status').notNull().default('ACTIVE'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
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
    /**
     * When the visit that set `last_outcome` happened (device time): a visit recorded earlier but synced later does not
     * overwrite it.
     */
    lastVisitAt: timestamp('last_visit_at', { withTimezone: true }),
    /** Checklist items ticked so far (keys of the campaign's checklist). */
    checks: text('checks').array().notNull().default(sql`'{}'::text[]`),
    /** The team member who visits this household (every target of a household goes to the same member). */
    assignedMemberId: integer('assigned_member_id'),
  },
  (t) => [
    uniqueIndex('campaign_targets_key').on(t.campaignId, t.householdId, sql`coalesce(${t.residentId}, 0)`),
    index('campaign_targets_group_idx').on(t.campaignId, t.groupId),
    index('campaign_targets_member_idx')
      .on(t.assignedMemberId, t.campaignId)
      .where(sql`${t.assignedMemberId} is not null`),
    // The registry's level-2 trigger (migrations 0027, 0045) finds a person's open targets by it, in any campaign.
    index('campaign_targets_open_resident_idx')
      .on(t.residentId)
      .where(sql`${t.residentId} is not null and ${t.doneAt} is null and ${t.removedOn} is null`),
  ],
);

/**
 * Targets and done per campaign and smallest unit, kept with every change to the targets (creation, refresh, visits):
 * the drill-down sums a few thousand of these rows instead of counting a province's million targets on each view.
 */
export const campaignUnitCounts = pgTable(
  'campaign_unit_counts',
  {
    campaignId: integer('campaign_id').notNull(),
    unitId: integer('unit_id').notNull(),
    targets: integer('targets').notNull(),
    done: integer('done').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId] })],
);

/**
 * A visit recorded in the field, keyed by the id the device gave it so an upload retried any number of times is
 * stored once. Every visit is kept, applied or not: one made against a household that has changed since the device
 * downloaded it waits as a CONFLICT until the group head applies or dismisses it.
 */
export const campaignVisits = pgTable(
  'campaign_visits',
  {
    id: uuid('id').primaryKey(),
    /** The campaign holding the household's targets (a commune's part of a province campaign). */
    campaignId: integer('campaign_id').notNull(),
    householdId: integer('household_id').notNull(),
    recordedBy: integer('recorded_by').notNull(),
    memberId: integer('member_id'),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    outcome: text('outcome').notNull(),
    bestTime: text('best_time'),
    note: text('note'),
    /**
     * Per person (or the household, residentId null): ticked checklist keys, an outcome of their own, field updates.
     */
    people: jsonb('people').$type<VisitPerson[]>().notNull(),
    /** The household's registry version when the device downloaded it. */
    baseVersion: integer('base_version').notNull(),
    status: text('status').notNull(),
    conflict: text('conflict'),
    resolvedBy: integer('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('campaign_visits_household_idx').on(t.campaignId, t.householdId),
    index('campaign_visits_conflicts_idx').on(t.campaignId).where(sql`${t.status} = 'CONFLICT'`),
    check('campaign_visits_status_check', sql`${t.status} in ('APPLIED', 'CONFLICT', 'RESOLVED', 'DISMISSED')`),
    check('campaign_visits_outcome_check', sql`${t.outcome} in (${inList(Object.values(VisitOutcome))})`),
  ],
);

export type VisitPerson = {
  residentId: number | null;
  checks: string[];
  outcome?: VisitOutcome;
  /** The resident's registry version the device saw, required with a field update. */
  version?: number;
  vneidLevel?: 'NONE' | 'L1' | 'L2';
  phone?: string;
};
