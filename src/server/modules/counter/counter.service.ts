import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../../db/client.js';
import { appointments, appointmentSlots, postalShipments } from '../../db/schema/index.js';
import { AppError, conflict, isUniqueViolation, notFound, validation } from '../../lib/errors.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { loadExceptions } from '../calendar/calendar.repo.js';
import { addDays, localParts } from '../calendar/working-days.js';
import { settingsOf } from '../dossiers/dossiers.clock.js';
import { slotsForDay } from './slots.js';

export type Slot = { day: string; start: string; capacity: number; booked: number; available: number };

/** The bookable slots of the coming `days` days (today's remaining ones included), with what is left in each. */
export async function openSlots(db: Tx, unitId: number, now: Date, days = 10): Promise<Slot[]> {
  const settings = await settingsOf(db, unitId);
  const today = localParts(now);
  const exceptions = await loadExceptions(db, today.day, days + 7);
  const last = addDays(today.day, days - 1);
  const booked = await db
    .select()
    .from(appointmentSlots)
    .where(and(eq(appointmentSlots.unitId, unitId), sql`${appointmentSlots.day} between ${today.day} and ${last}`));
  const taken = new Map(booked.map((b) => [`${b.day} ${b.slotStart}`, b.booked]));
  const slots: Slot[] = [];
  for (let day = today.day; day <= last; day = addDays(day, 1)) {
    for (const start of slotsForDay(day, settings, exceptions)) {
      if (day === today.day && start <= today.time) continue;
      const n = taken.get(`${day} ${start}`) ?? 0;
      slots.push({
        day,
        start,
        capacity: settings.slotCapacity,
        booked: n,
        available: Math.max(0, settings.slotCapacity - n),
      });
    }
  }
  return slots;
}

/**
 * Books a place: the slot must be one the counter offers, and its count goes up only while below capacity, in one
 * statement, so two people can never both take the last place.
 */
export async function book(
  database: Database,
  cipher: PiiCipher,
  unitId: number,
  input: { day: string; start: string; fullName: string; phone: string; procedureCode?: string },
  actor: Actor,
  now = new Date(),
) {
  return database.db.transaction(async (tx) => {
    // The one day asked for, by the same rules as the slots offered: within 30 days, not past, a slot the counter keeps.
    const settings = await settingsOf(tx, unitId);
    const today = localParts(now);
    const offered =
      input.day >= today.day &&
      input.day <= addDays(today.day, 29) &&
      !(input.day === today.day && input.start <= today.time) &&
      slotsForDay(input.day, settings, await loadExceptions(tx, input.day, 1)).includes(input.start);
    if (!offered)
      throw validation([
        {
          field: 'start',
          code: 'NO_SUCH_SLOT',
          message: {
            vi: 'Khung giờ này không nhận lịch hẹn (ngày nghỉ, ngoài giờ hoặc đã qua)',
            en: 'This slot takes no appointments (a day off, outside hours, or past)',
          },
        },
      ]);
    const [taken] = await queryRows<{ booked: number }>(
      tx,
      sql`
      insert into appointment_slots as s (unit_id, day, slot_start, booked) values (${unitId}, ${input.day}, ${input.start}, 1)
      on conflict (unit_id, day, slot_start) do update set booked = s.booked + 1 where s.booked < ${settings.slotCapacity}
      returning booked`,
    );
    if (!taken)
      throw conflict({
        vi: 'Khung giờ này đã kín chỗ, vui lòng chọn giờ khác',
        en: 'This slot is full; choose another time',
      });
    const token = randomBytes(18).toString('base64url');
    const [row] = await tx
      .insert(appointments)
      .values({
        unitId,
        day: input.day,
        slotStart: input.start,
        token,
        fullName: input.fullName,
        phoneEnc: cipher.encrypt(input.phone),
        phoneBidx: cipher.blindIndex(input.phone, 'phone'),
        procedureCode: input.procedureCode ?? null,
      })
      .returning({ id: appointments.id });
    await insertAudit(tx, actor, {
      action: 'appointment.book',
      entityType: 'appointment',
      entityId: row!.id,
      details: { day: input.day, start: input.start },
    });
    return { token, day: input.day, start: input.start };
  });
}

export async function cancel(database: Database, token: string, actor: Actor) {
  return database.db.transaction(async (tx) => {
    const [a] = await tx.select().from(appointments).where(eq(appointments.token, token)).for('update');
    if (!a) throw notFound({ vi: 'Không tìm thấy lịch hẹn', en: 'Appointment not found' });
    if (a.status !== 'BOOKED')
      throw conflict({ vi: 'Lịch hẹn này không còn hủy được', en: 'This appointment can no longer be cancelled' });
    await tx.update(appointments).set({ status: 'CANCELLED', updatedAt: sql`now()` }).where(eq(appointments.id, a.id));
    await tx
      .update(appointmentSlots)
      .set({ booked: sql`${appointmentSlots.booked} - 1` })
      .where(
        and(
          eq(appointmentSlots.unitId, a.unitId),
          eq(appointmentSlots.day, a.day),
          eq(appointmentSlots.slotStart, a.slotStart),
        ),
      );
    await insertAudit(tx, actor, { action: 'appointment.cancel', entityType: 'appointment', entityId: a.id });
  });
}

/** The next queue number of the counter today, gap-free (taken in the caller's transaction). */
export async function nextQueueNumber(tx: Tx, unitId: number, now = new Date()): Promise<number> {
  const [row] = await queryRows<{ last: number }>(
    tx,
    sql`
    insert into queue_counters (unit_id, day, last) values (${unitId}, ${localParts(now).day}, 1)
    on conflict (unit_id, day) do update set last = queue_counters.last + 1 returning last`,
  );
  return row!.last;
}

/** `inScope` checks the appointment's unit against the caller's scope, inside the transaction (PGlite has one connection). */
export async function checkIn(
  database: Database,
  inScope: (tx: Tx, unitId: number) => Promise<void>,
  id: number,
  actor: Actor,
) {
  return database.db.transaction(async (tx) => {
    const [a] = await tx.select().from(appointments).where(eq(appointments.id, id)).for('update');
    if (!a) throw notFound({ vi: 'Không tìm thấy lịch hẹn', en: 'Appointment not found' });
    await inScope(tx, a.unitId);
    if (a.status !== 'BOOKED')
      throw conflict({
        vi: 'Lịch hẹn này đã hủy hoặc đã vào quầy',
        en: 'This appointment is cancelled or already checked in',
      });
    const queueNumber = await nextQueueNumber(tx, a.unitId);
    await tx
      .update(appointments)
      .set({ status: 'CHECKED_IN', queueNumber, updatedAt: sql`now()` })
      .where(eq(appointments.id, a.id));
    await insertAudit(tx, actor, {
      action: 'appointment.checkin',
      entityType: 'appointment',
      entityId: a.id,
      details: { queueNumber },
    });
    return { queueNumber };
  });
}

export async function listAppointments(db: Tx, cipher: PiiCipher, unitId: number, day: string) {
  const rows = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.unitId, unitId), eq(appointments.day, day)))
    .orderBy(asc(appointments.slotStart), asc(appointments.id));
  return rows.map((a) => ({
    id: a.id,
    day: a.day,
    start: a.slotStart,
    fullName: a.fullName,
    phone: cipher.decrypt(a.phoneEnc),
    procedureCode: a.procedureCode,
    status: a.status as 'BOOKED' | 'CANCELLED' | 'CHECKED_IN',
    queueNumber: a.queueNumber,
  }));
}

const shipmentStatuses = ['CREATED', 'IN_TRANSIT', 'DELIVERED', 'RETURNED_TO_SENDER', 'LOST'] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];
/** A shipment moves forward only; a delivered or returned one is final. */
const nextShipmentStatuses: Record<ShipmentStatus, ShipmentStatus[]> = {
  CREATED: ['IN_TRANSIT', 'DELIVERED', 'LOST'],
  IN_TRANSIT: ['DELIVERED', 'RETURNED_TO_SENDER', 'LOST'],
  DELIVERED: [],
  RETURNED_TO_SENDER: [],
  LOST: [],
};

export async function addShipment(
  tx: Tx,
  dossierId: number,
  input: { direction: 'IN' | 'OUT'; carrier: string; trackingNumber: string; address?: string; feeAmount: number },
  userId: number,
  actor: Actor,
) {
  try {
    const [row] = await tx
      .insert(postalShipments)
      .values({ dossierId, ...input, address: input.address ?? null, createdBy: userId })
      .returning();
    await insertAudit(tx, actor, {
      action: 'shipment.create',
      entityType: 'dossier',
      entityId: dossierId,
      details: { direction: input.direction, trackingNumber: input.trackingNumber },
    });
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, 'postal_shipments_tracking_key')) {
      throw conflict({
        vi: 'Số vận đơn này đã được ghi cho một hồ sơ khác',
        en: 'This tracking number is already recorded',
      });
    }
    throw error;
  }
}

export async function moveShipment(
  tx: Tx,
  shipment: typeof postalShipments.$inferSelect,
  status: ShipmentStatus,
  actor: Actor,
) {
  if (!nextShipmentStatuses[shipment.status as ShipmentStatus].includes(status)) {
    throw new AppError('CONFLICT', 409, {
      vi: 'Không thể chuyển bưu gửi sang trạng thái này',
      en: 'The shipment cannot move to this status',
    });
  }
  const [row] = await tx
    .update(postalShipments)
    .set({ status, updatedAt: sql`now()` })
    .where(eq(postalShipments.id, shipment.id))
    .returning();
  await insertAudit(tx, actor, {
    action: 'shipment.status',
    entityType: 'dossier',
    entityId: shipment.dossierId,
    details: { shipment: shipment.id, status },
  });
  return row!;
}
