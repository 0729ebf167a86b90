import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The registry's journal of changes made by hand (a birth, a death, a move, a split…): one row per action, naming the
 * households and people it touched, what it wrote (`writes`, in order, each with the values it replaced) and the
 * versions it left them at. Undo replays `writes` backwards, and only while every record is still at those versions,
 * so it reverses exactly what the action wrote and nothing a later change wrote. The audit log stays the legal record;
 * this table is the household's and person's history and the undo plan.
 */
export const registryChanges = pgTable(
  'registry_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    householdIds: integer('household_ids').array().notNull(),
    residentIds: integer('resident_ids').array().notNull(),
    /** What the history line says: names, dates, places (no ID numbers or phones). */
    summary: jsonb('summary').notNull(),
    /** The rows written, in order, with what each replaced: undo applies them backwards. */
    writes: jsonb('writes').notNull(),
    /** { households: {id: version}, residents: {id: version} } after the action. */
    versionsAfter: jsonb('versions_after').notNull(),
    userId: integer('user_id'),
    username: text('username'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: text('undone_by'),
  },
  (t) => [
    index('registry_changes_households_idx').using('gin', t.householdIds),
    index('registry_changes_residents_idx').using('gin', t.residentIds),
    check(
      'registry_changes_kind_check',
      sql`${t.kind} in ('ADD_MEMBER', 'BIRTH', 'DEATH', 'MOVE', 'LEAVE', 'HEAD', 'RELOCATE', 'SPLIT', 'MERGE', 'CORRECT')`,
    ),
  ],
);
