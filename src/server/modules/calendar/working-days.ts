import { getSolarDate } from '@dqcai/vn-lunar';
import type { TimeUnit } from '../../../shared/onestop.js';

/**
 * Working-day arithmetic over the calendar stored as data (calendar_days). Pure functions over a map of exceptions,
 * so the rules are unit-tested without a database. All dates are Vietnamese local dates (UTC+7, no daylight saving).
 */
export type DayKind = 'HOLIDAY' | 'WORKDAY';
export type Exceptions = ReadonlyMap<string, DayKind>;
export type RuleHoliday = { day: string; nameVi: string; nameEn: string };

const VN_OFFSET_MS = 7 * 3600_000;
/** Office hours end; a deadline falls due at this local time on its day. */
export const END_OF_DAY = '17:00';

export const isoDay = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const toUtcDate = (day: string) => new Date(`${day}T00:00:00Z`);
export function addDays(day: string, n: number): string {
  const d = toUtcDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
/** Calendar days from one date to another (negative when `to` comes first). */
export const daysBetween = (from: string, to: string) =>
  Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / 86_400_000);
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: string) => toUtcDate(day).getUTCDay();

/** The local (Vietnam) date and time of an instant. */
export function localParts(at: Date): { day: string; time: string } {
  const shifted = new Date(at.getTime() + VN_OFFSET_MS).toISOString();
  return { day: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}
/** The instant of a local date and time. */
export const localInstant = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);

export function isWorkingDay(day: string, exceptions: Exceptions): boolean {
  const kind = exceptions.get(day);
  if (kind) return kind === 'WORKDAY';
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

export function nextWorkingDay(day: string, exceptions: Exceptions): string {
  let d = addDays(day, 1);
  while (!isWorkingDay(d, exceptions)) d = addDays(d, 1);
  return d;
}

/** The n-th working day after `day` (n ≥ 0; n = 0 gives `day` itself if it is a working day, else the next one). */
export function addWorkingDays(day: string, n: number, exceptions: Exceptions): string {
  let d = isWorkingDay(day, exceptions) ? day : nextWorkingDay(day, exceptions);
  for (let i = 0; i < n; i++) d = nextWorkingDay(d, exceptions);
  return d;
}

/** Working days in (from, to]: how far a paused clock has to move. */
export function workingDaysBetween(from: string, to: string, exceptions: Exceptions): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, exceptions)) count += 1;
  return count;
}

/**
 * When a dossier received at `receivedAt` falls due. Working-day limits count from the working day after receipt
 * (received Monday with 3 days: due Thursday); same-day and immediate procedures received after the cut-off, or on a
 * day off, are due the next working day; calendar-day limits that end on a day off move to the next working day.
 */
export function dueDate(
  receivedAt: Date,
  amount: number,
  unit: TimeUnit,
  cutoff: string,
  exceptions: Exceptions,
): Date {
  const { day, time } = localParts(receivedAt);
  const receivedOnWorkingDay = isWorkingDay(day, exceptions);
  let dueDay: string;
  switch (unit) {
    case 'SAME_DAY':
    case 'IMMEDIATE':
      dueDay = receivedOnWorkingDay && time < cutoff ? day : nextWorkingDay(day, exceptions);
      break;
    case 'WORKING_DAY': {
      // A receipt on a day off counts as a receipt on the next working day.
      const start = receivedOnWorkingDay ? day : nextWorkingDay(day, exceptions);
      dueDay = addWorkingDays(start, Math.max(amount, 1), exceptions);
      break;
    }
    case 'CALENDAR_DAY':
      dueDay = addWorkingDays(addDays(day, Math.max(amount, 1)), 0, exceptions);
      break;
  }
  return localInstant(dueDay, END_OF_DAY);
}

/** Moves a due date by the working days a dossier spent waiting for the applicant's papers. */
export function resumeDue(due: Date, pausedAt: Date, resumedAt: Date, exceptions: Exceptions): Date {
  const lost = workingDaysBetween(localParts(pausedAt).day, localParts(resumedAt).day, exceptions);
  if (lost === 0) return due;
  const { day, time } = localParts(due);
  return localInstant(addWorkingDays(day, lost, exceptions), time);
}

/** Working days left until `due` (negative when overdue), for the due-soon queue and the status page. */
export function workingDaysLeft(now: Date, due: Date, exceptions: Exceptions): number {
  const today = localParts(now).day;
  const dueDay = localParts(due).day;
  if (now.getTime() > due.getTime()) return -Math.max(1, workingDaysBetween(dueDay, today, exceptions));
  return workingDaysBetween(today, dueDay, exceptions);
}

/**
 * The public holidays of a year under Labour Code 2019 Art. 112, lunar dates computed for Vietnam's time zone:
 * New Year, Tết (the last day of the lunar year and the first four of the new one, the usual split of the five days),
 * Hùng Kings (10th day of the 3rd lunar month), 30 April, 1 May, National Day (2 September and an adjacent day),
 * and a compensatory day for each holiday falling on a weekend (Art. 111). The Prime Minister's yearly swaps differ
 * year to year: admins enter them as data.
 */
export function ruleHolidays(year: number): RuleHoliday[] {
  const lunar = (d: number, m: number, y: number) => {
    const s = getSolarDate(d, m, y);
    return isoDay(s.year, s.month, s.day);
  };
  const tet = lunar(1, 1, year);
  const days: RuleHoliday[] = [
    { day: isoDay(year, 1, 1), nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" },
    { day: addDays(tet, -1), nameVi: 'Tết Nguyên đán (Giao thừa)', nameEn: "Lunar New Year's Eve" },
    ...[0, 1, 2, 3].map((i) => ({
      day: addDays(tet, i),
      nameVi: `Tết Nguyên đán (mùng ${i + 1})`,
      nameEn: `Lunar New Year (day ${i + 1})`,
    })),
    { day: lunar(10, 3, year), nameVi: 'Giỗ Tổ Hùng Vương', nameEn: 'Hùng Kings Commemoration' },
    { day: isoDay(year, 4, 30), nameVi: 'Ngày Chiến thắng', nameEn: 'Reunification Day' },
    { day: isoDay(year, 5, 1), nameVi: 'Ngày Quốc tế Lao động', nameEn: 'International Labour Day' },
    { day: isoDay(year, 9, 2), nameVi: 'Quốc khánh', nameEn: 'National Day' },
  ];
  // The adjacent National Day holiday: the day after when 2 September is a Thursday (a four-day weekend), else the day
  // before.
  days.push(
    weekday(isoDay(year, 9, 2)) === 4
      ? { day: isoDay(year, 9, 3), nameVi: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)' }
      : { day: isoDay(year, 9, 1), nameVi: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)' },
  );
  const taken = new Set(days.map((d) => d.day));
  const compensations: RuleHoliday[] = [];
  for (const h of [...days].sort((a, b) => a.day.localeCompare(b.day))) {
    const w = weekday(h.day);
    if (w !== 0 && w !== 6) continue;
    let d = addDays(h.day, 1);
    while (weekday(d) === 0 || weekday(d) === 6 || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    compensations.push({ day: d, nameVi: `Nghỉ bù ${h.nameVi}`, nameEn: `In lieu of ${h.nameEn}` });
  }
  return [...days, ...compensations].sort((a, b) => a.day.localeCompare(b.day));
}
