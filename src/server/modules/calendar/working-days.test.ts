import { describe, expect, it } from 'vitest';
import { dueDate, localParts, resumeDue, ruleHolidays, workingDaysLeft, type Exceptions } from './working-days.js';

const exceptionsFor = (...years: number[]): Map<string, 'HOLIDAY' | 'WORKDAY'> =>
  new Map(years.flatMap((y) => ruleHolidays(y).map((h) => [h.day, 'HOLIDAY' as const])));
const at = (local: string) => new Date(`${local}:00+07:00`);
const dueDay = (
  received: string,
  amount: number,
  unit: Parameters<typeof dueDate>[2],
  ex: Exceptions,
  cutoff = '15:00',
) => localParts(dueDate(at(received), amount, unit, cutoff, ex)).day;

describe('public holidays as rules', () => {
  it('computes Tết and the Hùng Kings day from the Vietnamese lunar calendar', () => {
    const days = ruleHolidays(2026).map((h) => h.day);
    // Tết Bính Ngọ: 1st day of the 1st lunar month is 17/02/2026; the eve is 16/02.
    expect(days).toEqual(
      expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']),
    );
    // 10/3 lunar = Sunday 26/04/2026, so Monday 27/04 is given in lieu.
    expect(days).toEqual(
      expect.arrayContaining(['2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-02']),
    );
    // 2025: Tết on 29/01, Hùng Kings on 07/04 (the dates the government announced).
    expect(ruleHolidays(2025).map((h) => h.day)).toEqual(expect.arrayContaining(['2025-01-29', '2025-04-07']));
  });

  it('uses Vietnam’s meridian, not China’s: Tết 1985 was on 21 January in Vietnam', () => {
    expect(ruleHolidays(1985).find((h) => h.nameEn === 'Lunar New Year (day 1)')?.day).toBe('1985-01-21');
  });

  it('gives a weekday in lieu of a holiday on a weekend, never onto another holiday', () => {
    // 1 January 2028 is a Saturday.
    const h2028 = ruleHolidays(2028);
    expect(h2028.find((h) => h.nameEn === "In lieu of New Year's Day")?.day).toBe('2028-01-03');
    for (const year of [2025, 2026, 2027, 2028, 2029, 2030]) {
      const days = ruleHolidays(year).map((h) => h.day);
      expect(new Set(days).size).toBe(days.length);
    }
  });
});

describe('due dates in working days', () => {
  const ex = exceptionsFor(2026);

  it('counts from the working day after receipt, across the Tết holiday', () => {
    // Friday 13/02/2026, 3 working days: Tết closes 16–20/02, so Mon 23, Tue 24, Wed 25.
    expect(dueDay('2026-02-13T10:00', 3, 'WORKING_DAY', ex)).toBe('2026-02-25');
  });

  it('skips a Sunday holiday’s day in lieu and the 30/4–1/5 break', () => {
    // Friday 24/04/2026: Mon 27 is in lieu of the Hùng Kings day; 28, 29, then 30/4 and 1/5 are holidays.
    expect(dueDay('2026-04-24T09:00', 2, 'WORKING_DAY', ex)).toBe('2026-04-29');
    expect(dueDay('2026-04-24T09:00', 3, 'WORKING_DAY', ex)).toBe('2026-05-04');
  });

  it('treats a receipt on a day off as a receipt on the next working day', () => {
    expect(dueDay('2026-02-15T09:00', 1, 'WORKING_DAY', ex)).toBe('2026-02-24');
  });

  it('returns same-day procedures the next working day after the afternoon cut-off', () => {
    expect(dueDay('2026-03-10T14:59', 0, 'SAME_DAY', ex)).toBe('2026-03-10');
    expect(dueDay('2026-03-10T15:00', 0, 'SAME_DAY', ex)).toBe('2026-03-11');
    expect(dueDay('2026-03-13T16:00', 0, 'IMMEDIATE', ex)).toBe('2026-03-16');
    expect(dueDay('2026-03-10T15:30', 0, 'SAME_DAY', ex, '16:00')).toBe('2026-03-10');
  });

  it('moves a calendar-day limit that ends on a day off to the next working day', () => {
    expect(dueDay('2026-03-04T09:00', 30, 'CALENDAR_DAY', ex)).toBe('2026-04-03');
    expect(dueDay('2026-03-27T09:00', 30, 'CALENDAR_DAY', ex)).toBe('2026-04-28');
  });

  it('honours a swapped working Saturday stored as data', () => {
    const swapped = new Map(ex);
    swapped.set('2026-02-07', 'WORKDAY');
    expect(dueDay('2026-02-05T09:00', 2, 'WORKING_DAY', ex)).toBe('2026-02-09');
    expect(dueDay('2026-02-05T09:00', 2, 'WORKING_DAY', swapped)).toBe('2026-02-07');
  });

  it('moves the due date by the working days spent waiting for papers', () => {
    const due = at('2026-03-12T17:00');
    // Paused Tuesday 10/03, papers back Monday 16/03: Wed, Thu, Fri, Mon = 4 working days.
    expect(localParts(resumeDue(due, at('2026-03-10T10:00'), at('2026-03-16T08:00'), ex)).day).toBe('2026-03-18');
    expect(resumeDue(due, at('2026-03-10T10:00'), at('2026-03-10T16:00'), ex)).toEqual(due);
  });

  it('says how many working days are left, negative once overdue', () => {
    const due = at('2026-03-13T17:00');
    expect(workingDaysLeft(at('2026-03-11T09:00'), due, ex)).toBe(2);
    expect(workingDaysLeft(at('2026-03-13T09:00'), due, ex)).toBe(0);
    expect(workingDaysLeft(at('2026-03-16T09:00'), due, ex)).toBe(-1);
  });
});
