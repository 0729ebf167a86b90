import { eq } from 'drizzle-orm';
import type { TimeUnit } from '../../../shared/onestop.js';
import type { Tx } from '../../db/client.js';
import { onestopSettings } from '../../db/schema/index.js';
import { loadExceptions } from '../calendar/calendar.repo.js';
import { addWorkingDays, dueDate, END_OF_DAY, localInstant, localParts, resumeDue } from '../calendar/working-days.js';

export type UnitSettings = Omit<typeof onestopSettings.$inferSelect, 'unitId' | 'updatedAt'>;
export const defaultSettings: UnitSettings = {
  codePattern: '{unit}-{yymmdd}-{seq4}',
  sameDayCutoff: '15:00',
  saturdayMorning: false,
  bankBin: null,
  bankAccount: null,
  bankAccountName: null,
  bankName: null,
  cashlessWeekdays: [],
  counterHours: '07:30-11:30,13:30-17:00',
  slotMinutes: 30,
  slotCapacity: 4,
  noAppointmentWeekdays: [],
  closedDays: [],
  officeAddress: null,
  officePhone: null,
};

/** A commune's one-stop settings, or the defaults when it has saved none. */
export async function settingsOf(tx: Tx, unitId: number): Promise<UnitSettings> {
  const [row] = await tx.select().from(onestopSettings).where(eq(onestopSettings.unitId, unitId));
  return row ?? defaultSettings;
}

/** The due date of a dossier received now, from the calendar stored as data. */
export async function computeDue(
  tx: Tx,
  receivedAt: Date,
  procedure: { timeAmount: number; timeUnit: string },
  settings: UnitSettings,
): Promise<Date> {
  const exceptions = await loadExceptions(tx, localParts(receivedAt).day);
  return dueDate(receivedAt, procedure.timeAmount, procedure.timeUnit as TimeUnit, settings.sameDayCutoff, exceptions);
}

/** The due date moved by the working days spent waiting for the applicant's papers. */
export async function computeResumedDue(tx: Tx, due: Date, pausedAt: Date, resumedAt: Date): Promise<Date> {
  const exceptions = await loadExceptions(tx, localParts(pausedAt).day);
  return resumeDue(due, pausedAt, resumedAt, exceptions);
}

/** The end of the second working day from now: what "due soon" means in the officers' queue. */
export async function dueSoonLimit(tx: Tx, now: Date): Promise<Date> {
  const today = localParts(now).day;
  const exceptions = await loadExceptions(tx, today, 30);
  return localInstant(addWorkingDays(today, 2, exceptions), END_OF_DAY);
}

/** The end of the n-th working day after `from`: the 7-working-day limit for papers in interconnected groups. */
export async function workingDaysLater(tx: Tx, from: Date, n: number): Promise<Date> {
  const day = localParts(from).day;
  const exceptions = await loadExceptions(tx, day, n * 3 + 30);
  return localInstant(addWorkingDays(day, n, exceptions), END_OF_DAY);
}
