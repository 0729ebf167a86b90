import { type FieldCode, fieldMessage, isFieldCode } from '../../shared/field-errors.js';
import type { Message } from './errors.js';

/** A zod issue as fastify-type-provider-zod hands it over (zod 4's shape, only what is read here). */
export type ZodIssueLike = {
  code?: string;
  message?: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
};

/** Fields whose name alone says what they hold, wherever they sit in a body or query. */
const byName: Record<string, FieldCode> = {
  personalId: 'PERSONAL_ID_LENGTH',
  phone: 'PHONE',
  phoneLast4: 'PHONE_LAST4',
  email: 'EMAIL',
};

/**
 * One zod issue as a stable code and plain words, in both languages: a code a schema gave as its message
 * (`.regex(…, 'PERSONAL_ID_LENGTH')`) first, then a missing value, then what the field's name says it holds, then
 * the kind of issue. The field path stays in `field`, never in the message a person reads; `value` is what the
 * request held there.
 */
export function fieldProblemOf(
  issue: ZodIssueLike,
  field: string,
  value: unknown,
): { code: FieldCode; message: Message } {
  const named = byName[field.split('.').pop() ?? ''];
  const code = ((): FieldCode => {
    if (isFieldCode(issue.message)) return issue.message;
    // zod's core parse (the one the type provider calls) leaves the input out of its issues, so the caller says it.
    const missing = issue.code === 'invalid_type' && (value === undefined || value === null);
    const empty = issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1;
    if (missing || empty) return 'REQUIRED';
    if (named && issue.code !== 'too_big') return named;
    switch (issue.code) {
      case 'too_small':
        return issue.origin === 'string' ? 'TOO_SHORT' : 'INVALID';
      case 'too_big':
        return issue.origin === 'string' ? 'TOO_LONG' : 'INVALID';
      case 'invalid_value':
        return 'CHOICE';
      case 'invalid_format':
        return issue.format === 'email' ? 'EMAIL' : issue.format === 'date' ? 'DATE' : 'FORMAT';
      default:
        return 'INVALID';
    }
  })();
  return { code, message: fieldMessage(code, { min: Number(issue.minimum), max: Number(issue.maximum) }) };
}

/** The value at a JSON pointer ("/applicant/personalId") in what the request sent, or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  let at = data;
  for (const key of pointer.split('/').filter(Boolean)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return at;
}
