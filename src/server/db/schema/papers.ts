import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { dossiers } from './onestop.js';
import { users } from './users.js';

/**
 * What an officer notes on a dossier without a file: a paper of its procedure handed over on paper at the counter
 * (PAPER, `paper` is its position in the procedure version's list), the result issued on paper (RESULT), or the fee
 * waived by law (FEE_EXEMPT, `note` says why). A file tied to a paper is `dossier_files.paper`; these rows are the
 * rest of what the papers check, the approval and the return read. One of each per paper.
 */
export const dossierPaperMarks = pgTable(
  'dossier_paper_marks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    kind: text('kind').notNull(),
    paper: integer('paper'),
    note: text('note'),
    markedBy: integer('marked_by').references(() => users.id),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossier_paper_marks_dossier_idx').on(t.dossierId),
    uniqueIndex('dossier_paper_marks_one_key').on(t.dossierId, t.kind, sql`coalesce(${t.paper}, -1)`),
    check('dossier_paper_marks_kind_check', sql`${t.kind} in ('PAPER', 'RESULT', 'FEE_EXEMPT')`),
    check('dossier_paper_marks_paper_check', sql`(${t.kind} = 'PAPER') = (${t.paper} is not null)`),
    check('dossier_paper_marks_note_check', sql`${t.kind} <> 'FEE_EXEMPT' or ${t.note} is not null`),
  ],
);
