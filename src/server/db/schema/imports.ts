import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './columns.js';
import { units } from './units.js';
import { users } from './users.js';

/**
 * An import of households and residents from a spreadsheet. The file is kept until the import is done, cancelled,
 * failed or left unused for IMPORT_FILE_HOURS, so the worker (a pg-boss job) can validate it, report every bad row,
 * and import only when told to; then it is deleted (the row keeps the counts and the error report).
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    file: bytea('file'),
    status: text('status').notNull().default('QUEUED'),
    mode: text('mode').notNull().default('DRY_RUN'),
    skipBadRows: integer('skip_bad_rows').notNull().default(0),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** First 1,000 problems: {row, column, code, message_vi, message_en}. */
    errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`),
    summary: jsonb('summary'),
    /**
     * What the error report (.xlsx) is built from, kept after the file is deleted so the import history can still
     * give it: the header row as the file had it and the first 1,000 bad rows' cells, exactly as read.
     */
    report: jsonb('report'),
    /** What the reader did without being an error (a section row that set the group, a number given its lost 0). */
    notices: jsonb('notices').notNull().default(sql`'[]'::jsonb`),
    failure: text('failure'),
    /** Which run owns the job: a run that was thought dead (and replaced) can no longer write to it. */
    runId: text('run_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'import_jobs_status_check',
      sql`${t.status} in ('QUEUED', 'VALIDATING', 'VALIDATED', 'IMPORTING', 'DONE', 'FAILED', 'CANCELLED', 'EXPIRED')`,
    ),
    check('import_jobs_mode_check', sql`${t.mode} in ('DRY_RUN', 'IMPORT')`),
  ],
);
