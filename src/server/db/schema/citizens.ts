import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Citizens' own accounts, apart from staff: a verified phone number (one-time code by SMS) and a password. An account
 * sees only the dossiers it submitted. ID and phone numbers are encrypted with a blind index, as everywhere.
 */
export const citizens = pgTable(
  'citizens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fullName: text('full_name').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    phoneBidx: text('phone_bidx').notNull(),
    personalIdEnc: text('personal_id_enc').notNull(),
    personalIdBidx: text('personal_id_bidx').notNull(),
    passwordHash: text('password_hash').notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('citizens_phone_key').on(t.phoneBidx)],
);

/** A citizen's session: the cookie carries a random token, the table its SHA-256 (as for staff sessions). */
export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    citizenId: integer('citizen_id')
      .notNull()
      .references(() => citizens.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('citizen_sessions_citizen_idx').on(t.citizenId)],
);

/**
 * One-time codes sent by SMS to prove a phone number; only a hash is kept, with its expiry and failed attempts. A
 * DOSSIER code proves the applicant of one dossier (sent to the phone on file) and is good for that dossier only.
 */
export const phoneCodes = pgTable(
  'phone_codes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    phoneBidx: text('phone_bidx').notNull(),
    purpose: text('purpose').notNull(),
    /**
     * The dossier a DOSSIER code is for. No foreign key: the dossiers schema already points at this file's tables,
     * codes live ten minutes, and dossiers are never deleted.
     */
    dossierId: integer('dossier_id'),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('phone_codes_phone_idx').on(t.phoneBidx, t.createdAt),
    index('phone_codes_dossier_idx').on(t.dossierId, t.createdAt).where(sql`${t.dossierId} is not null`),
    check('phone_codes_purpose_check', sql`${t.purpose} in ('REGISTER', 'JOIN', 'DOSSIER')`),
    check('phone_codes_dossier_check', sql`(${t.purpose} = 'DOSSIER') = (${t.dossierId} is not null)`),
  ],
);
