import { integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Tables derived from others by triggers and created by hand-written migrations (collations, INCLUDE indexes and
 * statement triggers that the schema builder cannot express). Declared here for typed queries, outside schema/ so
 * drizzle-kit never tries to create or drop them.
 */

/** Word-start suffixes of each resident's folded name (migration 0003). */
export const residentNameKeys = pgTable('resident_name_keys', {
  key: text('key').notNull(),
  residentId: integer('resident_id').notNull(),
  unitId: integer('unit_id').notNull(),
});
