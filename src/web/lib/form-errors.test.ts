import { describe, expect, it } from 'vitest';
import { fieldChecks, fieldMessage } from '../../shared/field-errors.js';
import { checkFields } from './form-errors.js';

describe('field checks a citizen form runs before sending', () => {
  it('names a short ID number, an impossible one, a bad phone and a missing field with the server codes', () => {
    expect(fieldChecks.personalId('03119000555')).toBe('PERSONAL_ID_LENGTH');
    expect(fieldChecks.personalId('003190005555')).toBe('PERSONAL_ID_INVALID');
    expect(fieldChecks.personalId('031190005555')).toBeNull();
    expect(fieldChecks.phone('0912 345 678')).toBeNull();
    expect(fieldChecks.phone('12345')).toBe('PHONE');
    expect(
      checkFields({
        fullName: { value: '  ', required: true },
        email: { value: '' },
        phone: { value: '0912', required: true, rule: 'phone' },
      }),
    ).toEqual({ fullName: 'REQUIRED', phone: 'PHONE' });
  });

  it('fills in the numbers of a length message in both languages', () => {
    expect(fieldMessage('TOO_LONG', { max: 120 })).toEqual({ vi: 'Tối đa 120 ký tự', en: 'At most 120 characters' });
  });
});
