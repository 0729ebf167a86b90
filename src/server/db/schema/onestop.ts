import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
} from 'drizzle-orm/pg-core';
import { dossierStatuses } from '../../../shared/onestop.js';
import { citizenLanguages } from '../../../shared/languages.js';
import { citizens } from './citizens.js';
import { bytea, inList } from './columns.js';
import { residents } from './registry.js';
import { units } from './units.js';
import { users } from './users.js';

import { procedures } from './procedures.js';

export type { ProcedureDocument, ProcedureFee, ProcedureFormField, ProcedureTranslations } from './procedures.js';
/** Per-commune one-stop settings; a commune without a row uses the defaults. */
export const onestopSettings = pgTable('onestop_settings', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => units.id),
  /** Tokens: {unit} {yymmdd} {yyyymmdd} {seq4} {seq5}. */
  codePattern: text('code_pattern').notNull().default('{unit}-{yymmdd}-{seq4}'),
  /** Same-day and immediate procedures received after this local time are due the next working day. */
  sameDayCutoff: text('same_day_cutoff').notNull().default('15:00'),
  saturdayMorning: boolean('saturday_morning').notNull().default(false),
  /** The commune's receiving account for VietQR (6-digit bank BIN, account number, name shown to the payer). */
  bankBin: text('bank_bin'),
  bankAccount: text('bank_account'),
  bankAccountName: text('bank_account_name'),
  /**
   * The bank's name as a payer picks it in a banking app ("Vietinbank"), shown beside the account number for those who
   * type a transfer rather than scan the code.
   */
  bankName: text('bank_name'),
  /** Weekdays (0 = Sunday … 6 = Saturday) when the counter takes no cash ("no cash on Wednesday"). */
  cashlessWeekdays: integer('cashless_weekdays').array().notNull().default(sql`'{}'::integer[]`),
  /**
   * Counter hours for appointments, e.g. "07:30-11:30,13:30-17:00"; slots of `slot_minutes`, `slot_capacity` people
   * each.
   */
  counterHours: text('counter_hours').notNull().default('07:30-11:30,13:30-17:00'),
  slotMinutes: integer('slot_minutes').notNull().default(30),
  slotCapacity: integer('slot_capacity').notNull().default(4),
  /** Weekdays with no appointments (walk-in only), 0 = Sunday … 6 = Saturday. */
  noAppointmentWeekdays: integer('no_appointment_weekdays').array().notNull().default(sql`'{}'::integer[]`),
  /** Days this commune's counter is closed (training, an event), beyond the province's calendar: no slots. */
  closedDays: date('closed_days').array().notNull().default(sql`'{}'::date[]`),
  /** Where people come and whom they call, on the commune's public pages (with the counter hours above). */
  officeAddress: text('office_address'),
  officePhone: text('office_phone'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Fee payments. A bank callback is recorded once per provider transaction id (the callback may be retried); cash at
 * the counter gets a receipt number.
 */
export const payments = pgTable(
  'payments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    amount: integer('amount').notNull(),
    method: text('method').notNull(),
    providerTxId: text('provider_tx_id'),
    receiptNo: text('receipt_no'),
    /** A bank transfer recorded by hand: the bank's transaction reference and the day the statement shows. */
    reference: text('reference'),
    transferredOn: date('transferred_on'),
    receivedBy: integer('received_by').references(() => users.id),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_provider_tx_key').on(t.providerTxId).where(sql`${t.providerTxId} is not null`),
    index('payments_dossier_idx').on(t.dossierId),
    // One bank transaction pays one fee: the same reference recorded twice is a typing slip or a double count.
    uniqueIndex('payments_transfer_reference_key').on(t.reference).where(sql`${t.method} = 'TRANSFER'`),
    check('payments_method_check', sql`${t.method} in ('CASH', 'VIETQR', 'PAYGOV', 'TRANSFER')`),
    check(
      'payments_transfer_check',
      sql`${t.method} <> 'TRANSFER' or (${t.reference} is not null and ${t.transferredOn} is not null)`,
    ),
    check('payments_amount_check', sql`${t.amount} >= 0`),
  ],
);

/**
 * A dossier (hồ sơ). The applicant's ID number and phone are encrypted with a blind index, like residents'; the
 * public status link carries `lookup_token` (random), never a personal number.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    lookupToken: text('lookup_token').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    procedureId: integer('procedure_id')
      .notNull()
      .references(() => procedures.id),
    /** Dossiers submitted together as an interconnected group (birth/death) share the first one's id. */
    bundleId: integer('bundle_id'),
    channel: text('channel').notNull(),
    status: text('status').notNull().default('NEW'),
    awaitingApproval: boolean('awaiting_approval').notNull().default(false),
    /** Where a supplement request came from, so providing the papers resumes there. */
    statusBeforeSupplement: text('status_before_supplement'),
    applicantName: text('applicant_name').notNull(),
    /** Folded applicant name and code: what the officers' search box matches. */
    searchText: text('search_text').notNull().default(''),
    applicantPidEnc: text('applicant_pid_enc'),
    applicantPidBidx: text('applicant_pid_bidx'),
    applicantPhoneEnc: text('applicant_phone_enc'),
    applicantPhoneBidx: text('applicant_phone_bidx'),
    applicantEmail: text('applicant_email'),
    applicantAddress: text('applicant_address'),
    /** The language the applicant used when submitting: the status emails' fixed text is written in it. */
    applicantLanguage: text('applicant_language').notNull().default('vi'),
    residentId: integer('resident_id').references(() => residents.id),
    /** Submitted while signed in to a citizen account: the account lists it. */
    citizenId: integer('citizen_id').references(() => citizens.id),
    formData: jsonb('form_data').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    returnMethod: text('return_method').notNull(),
    postalAddress: text('postal_address'),
    feeAmount: integer('fee_amount').notNull().default(0),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** Paid by VietQR or PayGov rather than cash (Decision 766 counts online payments). */
    paidOnline: boolean('paid_online').notNull().default(false),
    /** Its procedure offered full-process online submission when it came in (the base of the full-online rate). */
    fullOnlineEligible: boolean('full_online_eligible').notNull().default(false),
    /** At least one paper is held electronically (uploaded or scanned in). */
    digitized: boolean('digitized').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** Set by an apology (Form 04): the new date promised to the applicant. */
    extendedDueAt: timestamp('extended_due_at', { withTimezone: true }),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    /**
     * Interconnected groups (Decree 63/2024): papers asked for must come within 7 working days, or the dossier stops.
     */
    supplementDueAt: timestamp('supplement_due_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Frozen when resolved (Decision 766 counts it): resolved by the original due date. */
    onTime: boolean('on_time'),
    assigneeId: integer('assignee_id').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    rating: text('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    /**
     * A client's retry of the same submission (Idempotency-Key header) returns the dossier already made, to the same
     * caller only: `idempotency_scope` names the caller (a citizen account, a staff user, or a browser's client id,
     * hashed) and `idempotency_body_hash` the submission, so the same key with other content is refused.
     */
    idempotencyKey: text('idempotency_key'),
    idempotencyScope: text('idempotency_scope'),
    idempotencyBodyHash: text('idempotency_body_hash'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossiers_code_key').on(t.code),
    uniqueIndex('dossiers_idempotency_scope_key')
      .on(t.unitId, t.idempotencyScope, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    uniqueIndex('dossiers_lookup_token_key').on(t.lookupToken),
    index('dossiers_unit_status_due_idx').on(t.unitId, t.status, t.dueAt),
    index('dossiers_unit_submitted_idx').on(t.unitId, t.submittedAt),
    index('dossiers_assignee_idx').on(t.assigneeId, t.status),
    index('dossiers_bundle_idx').on(t.bundleId),
    index('dossiers_applicant_pid_idx').on(t.applicantPidBidx),
    index('dossiers_citizen_idx').on(t.citizenId),
    check('dossiers_status_check', sql`${t.status} in (${inList(dossierStatuses)})`),
    check('dossiers_channel_check', sql`${t.channel} in ('IN_PERSON', 'ONLINE', 'POSTAL')`),
    check('dossiers_applicant_language_check', sql`${t.applicantLanguage} in (${inList(citizenLanguages)})`),
    check('dossiers_return_method_check', sql`${t.returnMethod} in ('COUNTER', 'POST', 'ONLINE')`),
    check(
      'dossiers_rating_check',
      sql`${t.rating} is null or ${t.rating} in ('SATISFIED', 'ACCEPTABLE', 'UNSATISFIED')`,
    ),
    check('dossiers_post_address_check', sql`${t.returnMethod} <> 'POST' or ${t.postalAddress} is not null`),
    check(
      'dossiers_idempotency_check',
      sql`${t.idempotencyKey} is null or (${t.idempotencyScope} is not null and ${t.idempotencyBodyHash} is not null)`,
    ),
  ],
);

/**
 * Proof that the caller of the public side is a dossier's applicant, beyond holding its link: given for 30 minutes
 * after a one-time code sent to the applicant's phone on file checks out (CODE), or to the client that has just
 * submitted the dossier (SUBMISSION). The browser holds the token in an httpOnly cookie scoped to the dossier's path;
 * only its SHA-256 is kept.
 */
export const dossierProofs = pgTable(
  'dossier_proofs',
  {
    tokenHash: text('token_hash').primaryKey(),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    via: text('via').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossier_proofs_dossier_idx').on(t.dossierId, t.expiresAt),
    check('dossier_proofs_via_check', sql`${t.via} in ('CODE', 'SUBMISSION')`),
  ],
);

/**
 * Failed look-ups of a dossier by its code and the last 4 digits of the phone: past 5 in an hour the code is not
 * looked up at all for that hour, whatever the address asking (the per-address limit alone lets many addresses try
 * all 10,000 endings).
 */
export const dossierLookupFailures = pgTable(
  'dossier_lookup_failures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_lookup_failures_dossier_idx').on(t.dossierId, t.at)],
);

/** Every action on a dossier, append-only (a trigger refuses UPDATE and DELETE, as on the audit log). */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorName: text('actor_name'),
    reason: text('reason'),
    formType: text('form_type'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossier_events_dossier_idx').on(t.dossierId, t.id),
    check('dossier_events_actor_check', sql`${t.actorKind} in ('STAFF', 'APPLICANT', 'SYSTEM')`),
  ],
);

/**
 * Papers of a dossier: the applicant's uploads, scans made at the counter, and results. A citizen uploads each file
 * on its own before submitting (a slow line retries one file, not the whole form): until the submission claims it
 * with its secret `upload_key`, a file has no dossier.
 */
export const dossierFiles = pgTable(
  'dossier_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dossierId: integer('dossier_id').references(() => dossiers.id),
    uploadKey: text('upload_key'),
    kind: text('kind').notNull(),
    label: text('label'),
    /** Which paper of the procedure (its position in the version's list) this file is; null for a result or extra. */
    paper: integer('paper'),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossier_files_dossier_idx').on(t.dossierId),
    index('dossier_files_unclaimed_idx').on(t.createdAt).where(sql`${t.dossierId} is null`),
    check('dossier_files_kind_check', sql`${t.kind} in ('UPLOAD', 'SCAN', 'RESULT')`),
    check('dossier_files_mime_check', sql`${t.mime} in ('application/pdf', 'image/jpeg', 'image/png')`),
  ],
);

/**
 * The daily sequence behind dossier codes: incremented in the submitting transaction, so a rolled-back submission
 * gives its number back (gap-free) and concurrent submissions queue on the row lock (unique).
 */
export const dossierCounters = pgTable(
  'dossier_counters',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ name: 'dossier_counters_pkey', columns: [t.unitId, t.day] })],
);
