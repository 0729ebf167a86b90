import { describe, expect, it } from 'vitest';
import { fieldProblemOf } from './field-problems.js';

describe('fieldProblemOf (a zod issue as a code and words)', () => {
  it('prefers the code a schema gave, then a missing value, then the field name, then the kind of issue', () => {
    expect(fieldProblemOf({ code: 'custom', message: 'PERSONAL_ID_INVALID' }, 'body.x', 'a').code).toBe(
      'PERSONAL_ID_INVALID',
    );
    expect(fieldProblemOf({ code: 'invalid_type', message: 'Invalid input' }, 'body.fullName', undefined).code).toBe(
      'REQUIRED',
    );
    expect(fieldProblemOf({ code: 'invalid_format', message: 'Invalid' }, 'querystring.phoneLast4', '12').code).toBe(
      'PHONE_LAST4',
    );
    const long = fieldProblemOf({ code: 'too_big', origin: 'string', maximum: 300 }, 'body.address', 'x');
    expect(long).toEqual({ code: 'TOO_LONG', message: { vi: 'Tối đa 300 ký tự', en: 'At most 300 characters' } });
  });
});
