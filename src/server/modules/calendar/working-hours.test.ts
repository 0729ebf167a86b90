import { describe, expect, it } from 'vitest';
import { ruleHolidays } from './working-days.js';
import { addWorkingHours, workingMinutesBetween } from './working-hours.js';

const none = new Map();
const at = (s: string) => new Date(`${s}:00+07:00`);
const local = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('working hours', () => {
  it('counts within a session, across lunch and overnight', () => {
    expect(local(addWorkingHours(at('2026-12-07T08:00'), 2, none))).toBe('2026-12-07 10:00');
    expect(local(addWorkingHours(at('2026-12-07T10:30'), 2, none))).toBe('2026-12-07 14:30');
    expect(local(addWorkingHours(at('2026-12-07T13:00'), 4, none))).toBe('2026-12-08 08:00');
    expect(local(addWorkingHours(at('2026-12-07T16:00'), 1, none))).toBe('2026-12-07 17:00');
  });

  it('starts at the next session when received out of hours, and skips the weekend', () => {
    expect(local(addWorkingHours(at('2026-12-07T20:00'), 4, none))).toBe('2026-12-08 11:30');
    // Friday evening → Monday morning.
    expect(local(addWorkingHours(at('2026-12-11T19:00'), 1, none))).toBe('2026-12-14 08:30');
    expect(local(addWorkingHours(at('2026-12-12T09:00'), 0, none))).toBe('2026-12-14 07:30');
  });

  it('skips Tết: an urgent report on the eve of the lunar new year waits for the first working day after', () => {
    // Tết 2027: the lunar new year falls on 6 February 2027; the holidays run from the eve (5 February).
    const holidays = new Map(ruleHolidays(2027).map((h) => [h.day, 'HOLIDAY' as const]));
    const due = addWorkingHours(at('2027-02-04T16:00'), 4, holidays);
    const day = local(due).slice(0, 10);
    expect(holidays.has(day)).toBe(false);
    expect(day > '2027-02-05').toBe(true);
    // One hour on the 4th (16:00–17:00), the other three at the next working day's opening.
    expect(local(due).slice(11)).toBe('10:30');
    expect(workingMinutesBetween(at('2027-02-04T16:00'), due, holidays)).toBe(240);
  });

  it('measures working minutes between two instants', () => {
    expect(workingMinutesBetween(at('2026-12-07T11:00'), at('2026-12-07T14:00'), none)).toBe(60);
    expect(workingMinutesBetween(at('2026-12-07T14:00'), at('2026-12-07T11:00'), none)).toBe(-60);
    expect(workingMinutesBetween(at('2026-12-11T16:00'), at('2026-12-14T08:00'), none)).toBe(90);
  });
});
