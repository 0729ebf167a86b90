import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from './format.js';

describe('formatting per language', () => {
  it('writes money in đồng in every language', () => {
    expect(formatMoney(30_000, 'vi')).toBe('30.000 đ');
    expect(formatMoney(30_000, 'en')).toBe('30,000 VND');
    expect(formatMoney(30_000, 'ja')).toBe('30,000ドン');
    expect(formatMoney(30_000, 'zh')).toBe('30,000越南盾');
    expect(formatMoney(1_250_000, 'vi')).toBe('1.250.000 đ');
  });

  it('writes dates day first in Vietnamese and English, year first in Japanese and Chinese', () => {
    expect(formatDate('2026-12-02', 'vi')).toBe('02/12/2026');
    expect(formatDate('2026-12-02', 'en')).toBe('02/12/2026');
    expect(formatDate('2026-12-02', 'ja')).toBe('2026年12月2日');
    expect(formatDate('2026-12-02', 'zh')).toBe('2026年12月2日');
    expect(formatDate(null, 'vi')).toBe('');
  });

  it("writes a time in Vietnam's time zone, in each language's date order", () => {
    expect(formatDateTime('2026-12-02T10:05:00Z', 'vi')).toBe('02/12/2026 17:05');
    expect(formatDateTime('2026-12-02T10:05:00Z', 'ja')).toBe('2026年12月2日 17:05');
    expect(formatDateTime('2026-12-01T20:00:00Z', 'zh')).toBe('2026年12月2日 03:00');
    expect(formatDateTime('2026-12-01T20:00:00Z', 'en')).toBe('02/12/2026 03:00');
  });

  it('groups digits and writes decimals as each language does', () => {
    expect(formatNumber(12_345.6, 'vi')).toBe('12.345,6');
    expect(formatNumber(12_345.6, 'en')).toBe('12,345.6');
    expect(formatNumber(12_345.6, 'ja')).toBe('12,345.6');
    expect(formatNumber(12_345.6, 'zh')).toBe('12,345.6');
  });

  it('writes percentages with no space before the sign', () => {
    expect(formatPercent(0.75, 'vi')).toBe('75%');
    expect(formatPercent(0.416, 'vi')).toBe('41,6%');
    expect(formatPercent(0.416, 'en')).toBe('41.6%');
    expect(formatPercent(0.75, 'ja')).toBe('75%');
    expect(formatPercent(0.416, 'zh')).toBe('41.6%');
  });
});
