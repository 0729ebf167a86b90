import { describe, expect, it } from 'vitest';
import { formatChangeVi, formatValueVi } from './scorecards.export.js';

describe('scorecard numbers as the PDFs and sheets write them', () => {
  it('writes a value the Vietnamese way', () => {
    expect(formatValueVi('PERCENT', '%', 0.835)).toBe('83,5%');
    expect(formatValueVi('PERCENT', '%', null)).toBe('–');
  });

  it('writes a change with its sign, and one that rounds to nothing as "0", never "−0 điểm %"', () => {
    expect(formatChangeVi('PERCENT', 0.032)).toBe('+3,2 điểm %');
    expect(formatChangeVi('PERCENT', -0.0002)).toBe('0');
    expect(formatChangeVi('PERCENT', -0.001)).toBe('−0,1 điểm %');
    expect(formatChangeVi('COUNT', 0)).toBe('0');
    expect(formatChangeVi('COUNT', -2)).toBe('−2');
    expect(formatChangeVi('PERCENT', null)).toBe('');
  });
});
