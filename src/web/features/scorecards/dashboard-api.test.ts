import { describe, expect, it } from 'vitest';
import i18next from '../../lib/i18n.js';
import '../../locales/console.js';
import { changeAsShown, changeSense, formatChange, formatValue } from './dashboard-api.js';

describe('scorecard values as the dashboards write them', () => {
  it('writes a value by its measure, the Vietnamese way, and a dash when there is none', () => {
    expect(formatValue('PERCENT', 0.6875, 'vi')).toBe('68,8%');
    expect(formatValue('PERCENT', 0.6875, 'en')).toBe('68.8%');
    expect(formatValue('COUNT', 12, 'vi')).toBe('12');
    expect(formatValue('AVERAGE', 4.25, 'vi', 'năm')).toBe('4,3 năm');
    expect(formatValue('PERCENT', null, 'vi')).toBe('—');
  });

  it('writes a change with its sign in words, percentage points for a percentage', async () => {
    await i18next.changeLanguage('vi');
    expect(formatChange('PERCENT', 0.25, 'vi')).toBe('+25 điểm %');
    expect(formatChange('PERCENT', -0.032, 'vi')).toBe('−3,2 điểm %');
    expect(formatChange('COUNT', 3, 'vi')).toBe('+3');
    expect(formatChange('COUNT', 0, 'vi')).toBe('±0');
    expect(formatChange('PERCENT', null, 'vi')).toBe('—');
  });

  it('calls a rise good news only when more is better (the computers’ age is better lower)', () => {
    expect(changeSense('HIGHER', 0.1)).toBe('better');
    expect(changeSense('HIGHER', -0.1)).toBe('worse');
    expect(changeSense('LOWER', 0.5)).toBe('worse');
    expect(changeSense('LOWER', -0.5)).toBe('better');
    expect(changeSense('LOWER', 0)).toBe('same');
    expect(changeSense('HIGHER', null)).toBe('same');
  });

  it('judges a change as it is written: −0,02 points shows "±0" and is no change at all', () => {
    expect(formatChange('PERCENT', -0.0002, 'vi')).toBe('±0');
    expect(changeSense('HIGHER', changeAsShown('PERCENT', -0.0002))).toBe('same');
    expect(changeSense('HIGHER', changeAsShown('PERCENT', -0.001))).toBe('worse');
  });
});
