import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A fee for one channel, in đồng; `perPage` for certified copies (first pages, then a lower rate, with a cap). */
export type ProcedureFee = {
  channel: 'IN_PERSON' | 'ONLINE' | 'POSTAL';
  amountVnd: number;
  noteVi?: string;
  noteEn?: string;
};
export type ProcedureDocument = {
  nameVi: string;
  nameEn: string;
  copyType: 'ORIGINAL' | 'COPY' | 'ELECTRONIC';
  count: number;
  required: boolean;
};
export type ProcedureFormField = {
  key: string;
  labelVi: string;
  labelEn: string;
  type: 'text' | 'date' | 'textarea';
  required: boolean;
};

/** Languages of the citizen pages beyond Vietnamese and English, and what a commune may enter in each. */
export type ProcedureTranslations = Partial<Record<'ja' | 'zh', { name: string }>>;

/**
 * Administrative procedures (thủ tục hành chính), versioned: a code re-issued by a new announcing decision, or an
 * admin's edit, makes a new version; dossiers keep pointing at the version they were submitted under. At most one
 * version of a code is published at a time.
 */
export const procedures = pgTable(
  'procedures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The national code (mã TTHC, `^\d\.\d{6}$`) or, for a local procedure, a local code. */
    code: text('code').notNull(),
    version: integer('version').notNull().default(1),
    national: boolean('national').notNull().default(true),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    field: text('field').notNull(),
    timeAmount: integer('time_amount').notNull().default(0),
    timeUnit: text('time_unit').notNull(),
    onlineLevel: text('online_level').notNull(),
    postalAllowed: boolean('postal_allowed').notNull().default(true),
    requiresApproval: boolean('requires_approval').notNull().default(true),
    fees: jsonb('fees').$type<ProcedureFee[]>().notNull().default(sql`'[]'::jsonb`),
    documents: jsonb('documents').$type<ProcedureDocument[]>().notNull().default(sql`'[]'::jsonb`),
    formFields: jsonb('form_fields').$type<ProcedureFormField[]>().notNull().default(sql`'[]'::jsonb`),
    bundle: text('bundle'),
    legalBasis: text('legal_basis'),
    /**
     * The procedure's name in the other languages of the citizen pages, as the commune entered it (`{ ja: { name } }`);
     * Vietnamese and English have their own columns. A language without an entry shows the Vietnamese name.
     */
    translations: jsonb('translations').$type<ProcedureTranslations>().notNull().default(sql`'{}'::jsonb`),
    status: text('status').notNull().default('DRAFT'),
    effectiveFrom: date('effective_from'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('procedures_code_version_key').on(t.code, t.version),
    uniqueIndex('procedures_published_code_key').on(t.code).where(sql`${t.status} = 'PUBLISHED'`),
    check('procedures_status_check', sql`${t.status} in ('DRAFT', 'PUBLISHED', 'RETIRED')`),
    check('procedures_time_unit_check', sql`${t.timeUnit} in ('WORKING_DAY', 'CALENDAR_DAY', 'SAME_DAY', 'IMMEDIATE')`),
    check('procedures_online_level_check', sql`${t.onlineLevel} in ('FULL', 'PARTIAL', 'NONE')`),
    check('procedures_bundle_check', sql`${t.bundle} is null or ${t.bundle} in ('BIRTH', 'DEATH')`),
  ],
);

/**
 * The working-day calendar as data: only exceptions are stored. A weekday is a working day unless a HOLIDAY row
 * says otherwise; a weekend day is off unless a WORKDAY row (a yearly swap) says otherwise. Rule rows are generated
 * from the Labour Code (lunar dates included); admins add swaps and edit.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    day: date('day').primaryKey(),
    kind: text('kind').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    source: text('source').notNull().default('ADMIN'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('calendar_days_kind_check', sql`${t.kind} in ('HOLIDAY', 'WORKDAY')`),
    check('calendar_days_source_check', sql`${t.source} in ('RULE', 'ADMIN')`),
  ],
);
