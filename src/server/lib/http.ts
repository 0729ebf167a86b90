import { FieldCode } from '../../shared/field-errors.js';
import { checkPersonalId } from '../../shared/personal-id.js';
import { normalizePhone } from '../../shared/phone.js';
import { z } from 'zod';

/** RFC 9457 problem details, as every error response declares it. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

/** The error responses a private route may give; spread into each route's `response`. */
export const errorResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  429: Problem,
} as const;

export const Id = z.coerce.number().int().min(1).max(2_147_483_647);
/** A row's version for optimistic locking, as the client read it: a 32-bit `integer` column like the ids. */
export const Version = z.number().int().min(1).max(2_147_483_647);
export const IdParams = z.object({ id: Id });

/** Page through lists 1-based; limit capped so a client cannot ask the database for everything at once. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(25),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), limit: z.number().int(), hasMore: z.boolean() });

export const toOffset = (q: { page: number; limit: number }) => ({ limit: q.limit, offset: (q.page - 1) * q.limit });

/** Fetch limit+1 rows to learn whether another page exists without counting the whole match set. */
export function paged<T>(rows: T[], q: { page: number; limit: number }) {
  return { items: rows.slice(0, q.limit), page: q.page, limit: q.limit, hasMore: rows.length > q.limit };
}

export const IsoDate = z.iso.date();
/** A commune's or ward's five-digit code (Decision 19/2025/QĐ-TTg), as in public addresses (`/c/<code>`). */
export const CommuneCode = z.string().regex(/^\d{5}$/);
/** Trimmed text with a hard length cap: every free-text field goes through it. */
export const Text = (max: number) => z.string().trim().max(max);

/** A Vietnamese phone number as typed ("0912 345 678", "+84…"), normalised to E.164 or refused. */
export const Phone = z
  .string()
  .trim()
  .max(20)
  .transform((v, ctx) => {
    const phone = normalizePhone(v);
    if (!phone) ctx.addIssue({ code: 'custom', message: FieldCode.PHONE });
    return phone ?? '';
  });

/** A 12-digit personal ID number whose province, century and gender digits make sense; the codes name what is wrong. */
export const PersonalId = z
  .string()
  .trim()
  .regex(/^\d{12}$/, FieldCode.PERSONAL_ID_LENGTH)
  .refine(
    // Only a 12-digit number is checked further: a short one has one problem, said once.
    (v) => !/^\d{12}$/.test(v) || checkPersonalId(v).length === 0,
    FieldCode.PERSONAL_ID_INVALID,
  );
