import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/**
 * The unit tree: nation → provinces → communes/wards/special zones → thôn/tổ dân phố → zones (alleys), any depth below.
 * `path` is the materialised chain of ids ("/1/12/340/"): a role on a unit covers every row whose unit path starts
 * with it, which keeps scope checks to one indexed prefix match. Rows are never deleted, so codes are never reused.
 */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    tier: text('tier').notNull(),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    legalBasis: text('legal_basis'),
    validFrom: date('valid_from'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedReason: text('closed_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_path_key').on(t.path),
    index('units_path_prefix_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('units_parent_idx').on(t.parentId),
    // National codes (Decision 19/2025) are unique at their tier forever; local codes are unique under their parent.
    uniqueIndex('units_national_code_key')
      .on(t.tier, t.code)
      .where(sql`${t.tier} in ('NATION', 'PROVINCE', 'COMMUNE')`),
    uniqueIndex('units_local_code_key').on(t.parentId, t.code).where(sql`${t.tier} in ('COMMUNITY', 'ZONE')`),
    check('units_tier_check', sql`${t.tier} in ('NATION', 'PROVINCE', 'COMMUNE', 'COMMUNITY', 'ZONE')`),
  ],
);
