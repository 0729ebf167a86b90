import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { dossiers } from './onestop.js';
import { units } from './units.js';
import { users } from './users.js';

/* The counter's day: appointments with capacity, queue numbers, and the post (one-stop shop, issue 3 item 9). */

/** A citizen's booking of a counter slot; the queue number is given when they check in at the counter. */
export const appointments = pgTable(
  'appointments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day').notNull(),
    slotStart: text('slot_start').notNull(),
    token: text('token').notNull(),
    fullName: text('full_name').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    phoneBidx: text('phone_bidx').notNull(),
    procedureCode: text('procedure_code'),
    status: text('status').notNull().default('BOOKED'),
    queueNumber: integer('queue_number'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('appointments_token_key').on(t.token),
    index('appointments_unit_day_idx').on(t.unitId, t.day, t.slotStart),
    check('appointments_status_check', sql`${t.status} in ('BOOKED', 'CANCELLED', 'CHECKED_IN')`),
  ],
);

/**
 * Booked places per slot, incremented only while below capacity (one statement, so two bookings cannot both take the
 * last place).
 */
export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day').notNull(),
    slotStart: text('slot_start').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'appointment_slots_pkey', columns: [t.unitId, t.day, t.slotStart] }),
    check('appointment_slots_booked_check', sql`${t.booked} >= 0`),
  ],
);

/** The counter's daily queue numbers (appointments checking in and walk-ins alike), gap-free like dossier codes. */
export const queueCounters = pgTable(
  'queue_counters',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ name: 'queue_counters_pkey', columns: [t.unitId, t.day] })],
);

/** Papers and results sent by post (Decision 45/2016): inbound dossiers and outbound results, tracked by number. */
export const postalShipments = pgTable(
  'postal_shipments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    direction: text('direction').notNull(),
    carrier: text('carrier').notNull().default('VNPost'),
    trackingNumber: text('tracking_number').notNull(),
    status: text('status').notNull().default('CREATED'),
    address: text('address'),
    feeAmount: integer('fee_amount').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('postal_shipments_tracking_key').on(t.carrier, t.trackingNumber),
    index('postal_shipments_dossier_idx').on(t.dossierId),
    check('postal_shipments_direction_check', sql`${t.direction} in ('IN', 'OUT')`),
    check(
      'postal_shipments_status_check',
      sql`${t.status} in ('CREATED', 'IN_TRANSIT', 'DELIVERED', 'RETURNED_TO_SENDER', 'LOST')`,
    ),
  ],
);
