import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { users } from './users.js';

/**
 * Who signs a commune's documents (Decree 30/2020, cell 7): "TM. ỦY BAN NHÂN DÂN" over "CHỦ TỊCH" and the signer's
 * name. Set by the commune, never guessed: without a row the block has the title and an empty name line.
 */
export const documentSettings = pgTable(
  'document_settings',
  {
    unitId: integer('unit_id')
      .primaryKey()
      .references(() => units.id),
    /** "TM. ỦY BAN NHÂN DÂN" (on behalf of the committee); empty when the signer signs in their own name. */
    authority: text('authority').notNull().default('TM. ỦY BAN NHÂN DÂN'),
    /** One line, or two for a deputy ("KT. CHỦ TỊCH" then "PHÓ CHỦ TỊCH"). */
    signerTitle: text('signer_title').notNull().default('CHỦ TỊCH'),
    signerName: text('signer_name'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('document_settings_version_check', sql`${t.version} >= 1`)],
);

/**
 * The last number given to a kind of document by a commune in a year (numbers start at 01 on 1 January). Taking a
 * number increments this row in the transaction that registers the document, so numbers have no gaps and no
 * repeats however many print at once.
 */
export const documentCounters = pgTable(
  'document_counters',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [
    primaryKey({ name: 'document_counters_pkey', columns: [t.unitId, t.year, t.kind] }),
    check('document_counters_last_number_check', sql`${t.lastNumber} >= 0`),
  ],
);

/**
 * The register of documents sent out (sổ đăng ký văn bản đi): one row per number. `ref` names what a document is of
 * (an announcement, a form of a dossier) so printing it again shows the number and date it was given, not a new one.
 */
export const issuedDocuments = pgTable(
  'issued_documents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    number: integer('number').notNull(),
    /** The full "số, ký hiệu" as printed ("05/TB-UBND"). */
    label: text('label').notNull(),
    ref: text('ref'),
    title: text('title').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: integer('issued_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('issued_documents_number_key').on(t.unitId, t.year, t.kind, t.number),
    uniqueIndex('issued_documents_ref_key').on(t.unitId, t.kind, t.ref).where(sql`${t.ref} is not null`),
    index('issued_documents_unit_issued_idx').on(t.unitId, t.issuedAt),
  ],
);
