import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  computedSources,
  directions,
  entryStatuses,
  indicatorKinds,
  inventoryKinds,
  inventoryStates,
  measures,
  periodKinds,
  type ScoringRule,
} from '../../../shared/scorecards.js';
import { bytea, inList } from './columns.js';
import { units } from './units.js';
import { users } from './users.js';

/**
 * Scorecards (issue 17). The indicator catalog is data: shipped rows (owner null, seeded by migration 0044) and a
 * province's own (owner = the province). A computed indicator names its computation in `source`; an entered one is
 * typed in by the unit with evidence and approved by the province.
 */
export const scorecardIndicators = pgTable(
  'scorecard_indicators',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Null for the shipped catalog; a province's id for its own indicators. */
    ownerUnitId: integer('owner_unit_id').references(() => units.id),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    /** How it is counted or where it comes from, in words (the "formula or source" column of a DTI table). */
    formulaVi: text('formula_vi').notNull().default(''),
    formulaEn: text('formula_en').notNull().default(''),
    measure: text('measure').notNull(),
    /** The unit of an AVERAGE or COUNT ("năm", "máy"); empty for percentages. */
    unitVi: text('unit_vi').notNull().default(''),
    unitEn: text('unit_en').notNull().default(''),
    kind: text('kind').notNull(),
    source: text('source'),
    levels: text('levels').array().notNull(),
    direction: text('direction').notNull().default('HIGHER'),
    /** How often an entered value is given (computed ones are monthly). */
    periodKind: text('period_kind').notNull().default('MONTH'),
    /** Overrides the province's "near" margin for this indicator (0.1 = within 10% of the target). */
    nearMargin: doublePrecision('near_margin'),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('scorecard_indicators_code_key').on(sql`coalesce(${t.ownerUnitId}, 0)`, t.code),
    check('scorecard_indicators_measure_check', sql`${t.measure} in (${inList(measures)})`),
    check('scorecard_indicators_kind_check', sql`${t.kind} in (${inList(indicatorKinds)})`),
    check('scorecard_indicators_direction_check', sql`${t.direction} in (${inList(directions)})`),
    check('scorecard_indicators_period_check', sql`${t.periodKind} in (${inList(periodKinds)})`),
    check(
      'scorecard_indicators_source_check',
      sql`(${t.kind} = 'COMPUTED' and ${t.source} in (${inList(computedSources)})) or (${t.kind} = 'ENTERED' and ${t.source} is null)`,
    ),
  ],
);

/** A scored set (DTI-like): pillars of indicators with points. Shipped (owner null) or a province's own. */
export const scorecardSets = pgTable(
  'scorecard_sets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ownerUnitId: integer('owner_unit_id').references(() => units.id),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    /** The decision or plan it comes from ("Kế hoạch 186/KH-UBND"), or a note that it is a sample. */
    basis: text('basis').notNull().default(''),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('scorecard_sets_code_key').on(sql`coalesce(${t.ownerUnitId}, 0)`, t.code)],
);

export const scorecardSetItems = pgTable(
  'scorecard_set_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    setId: integer('set_id')
      .notNull()
      .references(() => scorecardSets.id),
    pillarVi: text('pillar_vi').notNull(),
    pillarEn: text('pillar_en').notNull(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => scorecardIndicators.id),
    maxPoints: doublePrecision('max_points').notNull(),
    rule: jsonb('rule').$type<ScoringRule>().notNull(),
    /** Points only count with evidence attached (entered indicators). */
    evidenceRequired: boolean('evidence_required').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('scorecard_set_items_key').on(t.setId, t.indicatorId),
    check('scorecard_set_items_points_check', sql`${t.maxPoints} > 0`),
  ],
);

/**
 * Entered values, one row per version: a correction of an approved value is a new version (the approved one stays,
 * locked by a trigger). Numerator and denominator as the indicator's measure wants them (a count: denominator null).
 */
export const scorecardEntries = pgTable(
  'scorecard_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => scorecardIndicators.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    version: integer('version').notNull().default(1),
    numerator: doublePrecision('numerator').notNull(),
    denominator: doublePrecision('denominator'),
    note: text('note').notNull().default(''),
    status: text('status').notNull().default('DRAFT'),
    returnReason: text('return_reason'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The approved version this one corrects. */
    correctsId: integer('corrects_id'),
    rowVersion: integer('row_version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('scorecard_entries_version_key').on(t.indicatorId, t.unitId, t.period, t.version),
    index('scorecard_entries_unit_idx').on(t.unitId, t.period),
    index('scorecard_entries_status_idx').on(t.status, t.submittedAt),
    check('scorecard_entries_status_check', sql`${t.status} in (${inList(entryStatuses)})`),
    check('scorecard_entries_period_check', sql`${t.period} ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'`),
    check(
      'scorecard_entries_values_check',
      sql`${t.numerator} >= 0 and (${t.denominator} is null or ${t.denominator} > 0)`,
    ),
  ],
);

/** Evidence of an entered value: a file (sniffed, size-bounded) kept in the database like ticket photos. */
export const scorecardEvidence = pgTable(
  'scorecard_evidence',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => scorecardEntries.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scorecard_evidence_entry_idx').on(t.entryId)],
);

/**
 * Targets per indicator, unit and period (a year, quarter or month). A unit's effective target is the strictest of
 * its own and its ancestors' for the narrowest period that has one; a unit may only tighten what it inherits.
 */
export const scorecardTargets = pgTable(
  'scorecard_targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => scorecardIndicators.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    target: doublePrecision('target').notNull(),
    setBy: integer('set_by').references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('scorecard_targets_key').on(t.indicatorId, t.unitId, t.period),
    check('scorecard_targets_period_check', sql`${t.period} ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'`),
  ],
);

/** A province's scorecard settings: the "near" margin of its traffic lights. */
export const scorecardSettings = pgTable('scorecard_settings', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => units.id),
  nearMargin: doublePrecision('near_margin').notNull().default(0.1),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The indicators a commune shows on its public page. */
export const scorecardPublications = pgTable(
  'scorecard_publications',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => scorecardIndicators.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.indicatorId] })],
);

/**
 * Every unit's value of every indicator per month: computed ones written by the refresh job, entered ones copied from
 * the approved version. While a month is open the job overwrites its rows; the month's snapshot freezes them
 * (`frozen_at`), after which a trigger refuses any change, so a report already sent never changes.
 */
export const scorecardValues = pgTable(
  'scorecard_values',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => scorecardIndicators.id),
    period: text('period').notNull(),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    value: doublePrecision('value'),
    /** The approved entry a value came from (entered indicators). */
    entryId: integer('entry_id').references(() => scorecardEntries.id),
    /**
     * Stamped by the snapshot with the value: the target in force then, whether it came from above, and the light. A
     * target edited later changes the open months, never a frozen one (null while the month is open).
     */
    target: doublePrecision('target'),
    targetInherited: boolean('target_inherited'),
    light: text('light'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.indicatorId, t.period] }),
    index('scorecard_values_period_idx').on(t.period, t.indicatorId),
  ],
);

/** A province's monthly snapshot: when it ran, how many values it froze, and whether it is published to communes. */
export const scorecardSnapshots = pgTable(
  'scorecard_snapshots',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    provinceId: integer('province_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    values: integer('values').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: integer('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('scorecard_snapshots_key').on(t.provinceId, t.period)],
);

/** Monthly PDF reports, generated by a job and kept for download. */
export const scorecardReports = pgTable(
  'scorecard_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    status: text('status').notNull().default('QUEUED'),
    error: text('error'),
    fileName: text('file_name'),
    content: bytea('content'),
    requestedBy: integer('requested_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('scorecard_reports_unit_idx').on(t.unitId, t.createdAt),
    check('scorecard_reports_status_check', sql`${t.status} in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')`),
  ],
);

/** The ICT inventory of a unit: devices, lines, rooms, cameras, signatures, mailboxes (kind, count, year, state). */
export const inventoryItems = pgTable(
  'inventory_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    label: text('label').notNull().default(''),
    count: integer('count').notNull().default(1),
    /** The year bought or installed (a computer's age comes from it). */
    year: integer('year'),
    state: text('state').notNull().default('WORKING'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inventory_items_unit_idx').on(t.unitId, t.kind),
    check('inventory_items_kind_check', sql`${t.kind} in (${inList(inventoryKinds)})`),
    check('inventory_items_state_check', sql`${t.state} in (${inList(inventoryStates)})`),
    check('inventory_items_count_check', sql`${t.count} >= 0`),
    check('inventory_items_year_check', sql`${t.year} is null or ${t.year} between 1980 and 2100`),
  ],
);
