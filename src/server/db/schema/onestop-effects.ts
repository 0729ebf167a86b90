import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { dossiers } from './onestop.js';
import { units } from './units.js';

// What dossiers give rise to, kept beside them: the mail they send and the indicators' daily counts.

/**
 * Mail waiting to go out (the one-stop module's own outbox until the channels module exists). Rows are written in
 * the same transaction as the change they report, so no status change is lost or told twice; a worker renders and
 * sends them, retrying with backoff.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    toAddress: text('to_address').notNull(),
    kind: text('kind').notNull(),
    dossierId: integer('dossier_id').references(() => dossiers.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    status: text('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'PENDING'`),
    index('mail_outbox_dossier_idx').on(t.dossierId),
    check('mail_outbox_status_check', sql`${t.status} in ('PENDING', 'SENT', 'FAILED')`),
  ],
);

/**
 * Indicators pre-aggregated per commune and day, kept by a trigger on dossiers that subtracts a row's old contribution
 * and adds its new one; each count lands on its own event's day (received on the day of receipt, resolved and on time
 * on the day of resolution, rated on the day of the rating, paid on the day of payment: migration 0030, the same
 * conditions as indicators.definitions.ts). A commune-year is 365 rows and a province-year 36,500, whatever the
 * number of dossiers; `rebuild_dossier_daily_stats()` recomputes it from scratch after a bulk load.
 */
export const dossierDailyStats = pgTable(
  'dossier_daily_stats',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day').notNull(),
    received: integer('received').notNull().default(0),
    online: integer('online').notNull().default(0),
    inPerson: integer('in_person').notNull().default(0),
    postal: integer('postal').notNull().default(0),
    fullOnlineBase: integer('full_online_base').notNull().default(0),
    fullOnline: integer('full_online').notNull().default(0),
    digitized: integer('digitized').notNull().default(0),
    resolved: integer('resolved').notNull().default(0),
    onTime: integer('on_time').notNull().default(0),
    rated: integer('rated').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
    paid: integer('paid').notNull().default(0),
    paidOnline: integer('paid_online').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'dossier_daily_stats_pkey', columns: [t.unitId, t.day] })],
);
