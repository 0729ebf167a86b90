import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../../db/client.js';
import { appointments, appointmentSlots } from '../../db/schema/index.js';
import { conflict, notFound, validation } from '../../lib/errors.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import { normalizePhone } from '../../../shared/phone.js';
import type { AppDeps } from '../../deps.js';
import { communeByCode } from '../dossiers/dossiers.submit.js';
import type { Actor } from '../../lib/auth-context.js';
import { auditListRead, insertAudit } from '../audit/audit.repo.js';
import type { Scope } from '../../db/scope.js';
import { loadExceptions } from '../calendar/calendar.repo.js';
import { getUnitPath } from '../units/units.service.js';
import { addDays, localParts } from '../calendar/working-days.js';
import { settingsOf } from '../dossiers/dossiers.clock.js';
import type { BookInput, Slot } from './counter.schemas.js';
import { slotsForDay } from './slots.js';

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
  { database, cipher }: Pick<AppDeps, 'database' | 'cipher'>,
  input: BookInput,
  actor: Actor,
  now = new Date(),
) {
  const phone = normalizePhone(input.phone);
  if (!phone)
    throw validation([
      {
        field: 'phone',
        code: 'PHONE',
        message: { vi: 'Số điện thoại không đúng', en: 'Not a Vietnamese phone number' },
      },
    ]);
  const { id: unitId } = await communeByCode(database.db, input.unitCode);
  return database.db.transaction(async (tx) => {
    // The one day asked for, by the same rules as the slots offered: within 30 days, not past, a slot the counter
    // keeps.
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
      insert into appointment_slots as s (unit_id, day, slot_start, booked)
      values (${unitId}, ${input.day}, ${input.start}, 1)
      on conflict (unit_id, day, slot_start) do update set booked = s.booked + 1
        where s.booked < ${settings.slotCapacity}
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
        phoneEnc: cipher.encrypt(phone),
        phoneBidx: cipher.blindIndex(phone, 'phone'),
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

/** A walk-in ticket at a counter in the caller's units. */
export async function walkInNumber(database: Database, scope: Scope, unitId: number) {
  await getUnitPath(database.db, unitId, scope);
  return { queueNumber: await database.db.transaction((tx) => nextQueueNumber(tx, unitId)) };
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

/** The citizen has arrived: the next queue number, for an appointment at a counter in the caller's units. */
export async function checkIn(database: Database, scope: Scope, id: number, actor: Actor) {
  return database.db.transaction(async (tx) => {
    const [a] = await tx.select().from(appointments).where(eq(appointments.id, id)).for('update');
    if (!a) throw notFound({ vi: 'Không tìm thấy lịch hẹn', en: 'Appointment not found' });
    // Checked inside the transaction: PGlite has one connection.
    await getUnitPath(tx, a.unitId, scope);
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

/** A day's appointments at a counter in the caller's units. */
export async function listAppointments(
  db: Tx,
  cipher: PiiCipher,
  scope: Scope,
  query: { unit: number; day: string },
  actor: Actor,
) {
  const { unit: unitId, day } = query;
  await getUnitPath(db, unitId, scope);
  const rows = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.unitId, unitId), eq(appointments.day, day)))
    .orderBy(asc(appointments.slotStart), asc(appointments.id));
  await auditListRead(db, actor, 'appointment', { unit: unitId, day }, rows.length);
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
