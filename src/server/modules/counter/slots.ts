import { isWorkingDay, weekday, type Exceptions } from '../calendar/working-days.js';

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** "07:30-11:30,13:30-17:00" with 30-minute slots → 07:30, 08:00 … 11:00, 13:30 … 16:30 (a slot must end in hours). */
export function slotStarts(counterHours: string, slotMinutes: number): string[] {
  const starts: string[] = [];
  for (const range of counterHours.split(',')) {
    const [open, close] = range.split('-').map(toMinutes) as [number, number];
    for (let m = open; m + slotMinutes <= close; m += slotMinutes) starts.push(toHhmm(m));
  }
  return starts;
}

/**
 * Which slots a day offers: none on a day off (weekends, holidays, from the calendar), a no-appointment weekday or a
 * day the commune closes its counter;
 * on a Saturday the counter opens in the morning only, when the commune keeps Saturday mornings.
 */
export function slotsForDay(
  day: string,
  settings: {
    counterHours: string;
    slotMinutes: number;
    saturdayMorning: boolean;
    noAppointmentWeekdays: number[];
    closedDays?: string[];
  },
  exceptions: Exceptions,
): string[] {
  const w = weekday(day);
  if (settings.noAppointmentWeekdays.includes(w) || settings.closedDays?.includes(day)) return [];
  const all = slotStarts(settings.counterHours, settings.slotMinutes);
  if (isWorkingDay(day, exceptions)) return all;
  if (w === 6 && settings.saturdayMorning && exceptions.get(day) !== 'HOLIDAY') return all.filter((s) => s < '12:00');
  return [];
}
