import { describe, expect, it } from 'vitest';
import { fullLabel, linear, nearestIndex, niceStep, timeTicks, toPosition, valueTicks } from './chart-scale.js';

describe('the time axis', () => {
  it('places days, months and hours one unit apart, hours on Vietnam’s clock', () => {
    expect(toPosition('2026-03-01', 'day') - toPosition('2026-02-28', 'day')).toBe(1);
    expect(toPosition('2027-01', 'month') - toPosition('2026-12', 'month')).toBe(1);
    // 17:30 UTC on 31 Dec is 00:30 on 1 Jan in Hà Nội: the hour is midnight of the new year.
    const p = toPosition('2026-12-31T17:30:00.000Z', 'hour');
    expect(fullLabel(p, 'hour')).toBe('01/01/2027 00:00');
    expect(fullLabel(toPosition('2026-09-05', 'day'), 'day')).toBe('05/09/2026');
    expect(fullLabel(toPosition('2026-09', 'month'), 'month')).toBe('09/2026');
  });

  it('ticks every day from the first day when there is room, as dd/MM', () => {
    const min = toPosition('2026-09-01', 'day');
    const ticks = timeTicks(min, min + 4, 'day', 10);
    expect(ticks.map((t) => t.label)).toEqual(['01/09', '02/09', '03/09', '04/09', '05/09']);
  });

  it('spaces ticks out to fit a narrow phone: a month of days in six labels is weekly', () => {
    const min = toPosition('2026-09-01', 'day');
    const ticks = timeTicks(min, min + 30, 'day', 6);
    expect(ticks.map((t) => t.label)).toEqual(['01/09', '08/09', '15/09', '22/09', '29/09']);
    expect(ticks.length).toBeLessThanOrEqual(6);
  });

  it('puts hours on round hours with the date under the first and where the day changes', () => {
    const min = toPosition('2026-09-01T13:00:00.000Z', 'hour'); // 20:00 in Vietnam
    const ticks = timeTicks(min, min + 10, 'hour', 4);
    expect(ticks).toEqual([
      { at: min + 1, label: '21:00', sub: '01/09' },
      { at: min + 4, label: '00:00', sub: '02/09' },
      { at: min + 7, label: '03:00' },
      { at: min + 10, label: '06:00' },
    ]);
  });

  it('writes days, not hours, once ticks are a day apart or more', () => {
    const min = toPosition('2026-09-01T00:00:00.000Z', 'hour');
    const ticks = timeTicks(min, min + 24 * 6, 'hour', 4);
    expect(ticks.every((t) => /^\d\d\/\d\d$/.test(t.label))).toBe(true);
  });

  it('ticks months on quarters when twelve will not fit', () => {
    const min = toPosition('2025-10', 'month');
    const ticks = timeTicks(min, toPosition('2026-09', 'month'), 'month', 5);
    expect(ticks.map((t) => t.label)).toEqual(['10/2025', '01/2026', '04/2026', '07/2026']);
  });

  it('gives one tick for a single point, and never loops on an endless span', () => {
    expect(timeTicks(10, 10, 'day', 5)).toHaveLength(1);
    expect(timeTicks(0, 100_000, 'day', 5).length).toBeLessThanOrEqual(5);
  });
});

describe('the value axis', () => {
  it('chooses 1, 2 or 5 times a power of ten', () => {
    expect([0.7, 1.4, 2.6, 4, 8, 23, 0].map(niceStep)).toEqual([0.5, 1, 2, 5, 10, 20, 1]);
  });

  it('covers the largest value in round steps from nought', () => {
    expect(valueTicks(87, 4, { integer: true })).toEqual({ ticks: [0, 20, 40, 60, 80, 100], max: 100 });
    expect(valueTicks(3, 4, { integer: true })).toEqual({ ticks: [0, 1, 2, 3], max: 3 });
  });

  it('never steps a count by a fraction, and still draws an axis when everything is nought', () => {
    expect(valueTicks(2, 5, { integer: true }).ticks).toEqual([0, 1, 2]);
    expect(valueTicks(0, 4, { integer: true })).toEqual({ ticks: [0, 1], max: 1 });
  });

  it('ends a percentage at 100', () => {
    expect(valueTicks(40, 4, { fixedMax: 100 })).toEqual({ ticks: [0, 20, 40, 60, 80, 100], max: 100 });
  });
});

describe('scales and the nearest point', () => {
  it('maps a domain onto pixels, upside down for values', () => {
    const y = linear([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(linear([5, 5], [0, 100])(5)).toBe(50);
  });

  it('finds the point under a finger', () => {
    expect(nearestIndex([0, 3, 7, 10], 6)).toBe(2);
    expect(nearestIndex([], 6)).toBe(-1);
  });
});
