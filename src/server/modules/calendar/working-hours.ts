import { addDays, type Exceptions, isWorkingDay, localInstant, localParts } from './working-days.js';

/**
 * Working-hour arithmetic for deadlines counted in hours (an urgent report: 4 working hours; acceptance: 8). Office
 * hours are a morning and an afternoon session (the usual 7:30–11:30 and 13:30–17:00 of a commune office, passed in
 * by the caller so a commune can set its own); hours outside them, weekends and holidays do not count. Pure, so the
 * rules are unit-tested without a database.
 */
export type OfficeHours = readonly (readonly [string, string])[];
export const DEFAULT_OFFICE_HOURS: OfficeHours = [
  ['07:30', '11:30'],
  ['13:30', '17:00'],
];

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The instant `hours` working hours after `from`. Received during a session, the clock runs from then; received
 * outside office hours, from the next session's start (4 hours from 13:00 on a Monday: 13:30–17:00 is 3.5 h, the
 * last half hour runs Tuesday 7:30–8:00). A deadline that ends exactly at a session's end stays there.
 */
export function addWorkingHours(
  from: Date,
  hours: number,
  exceptions: Exceptions,
  office: OfficeHours = DEFAULT_OFFICE_HOURS,
): Date {
  let left = Math.max(0, Math.round(hours * 60));
  let { day, time } = localParts(from);
  let now = minutesOf(time);
  for (let guard = 0; guard < 3660; guard += 1) {
    if (isWorkingDay(day, exceptions)) {
      for (const [start, end] of office) {
        const s = minutesOf(start);
        const e = minutesOf(end);
        if (now >= e) continue;
        const begin = Math.max(now, s);
        if (left <= e - begin) return localInstant(day, hhmmOf(begin + left));
        left -= e - begin;
        now = e;
      }
    }
    day = addDays(day, 1);
    now = 0;
  }
  throw new Error('no working hours within ten years');
}

/** Working minutes between two instants (negative when `to` comes first): how late, how long an answer took. */
export function workingMinutesBetween(
  from: Date,
  to: Date,
  exceptions: Exceptions,
  office: OfficeHours = DEFAULT_OFFICE_HOURS,
): number {
  if (to.getTime() < from.getTime()) return -workingMinutesBetween(to, from, exceptions, office);
  const a = localParts(from);
  const b = localParts(to);
  let total = 0;
  for (let day = a.day; day <= b.day; day = addDays(day, 1)) {
    if (!isWorkingDay(day, exceptions)) continue;
    const lo = day === a.day ? minutesOf(a.time) : 0;
    const hi = day === b.day ? minutesOf(b.time) : 24 * 60;
    for (const [start, end] of office) {
      total += Math.max(0, Math.min(hi, minutesOf(end)) - Math.max(lo, minutesOf(start)));
    }
  }
  return total;
}
