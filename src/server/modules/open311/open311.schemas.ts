import { z } from 'zod';
import { normalizePhone } from '../../../shared/phone.js';
import { Id, Text } from '../../lib/http.js';

/** The spec's search window: at most 90 days, the last 90 by default, and at most 1,000 requests a page. */
export const WINDOW_DAYS = 90;
export const MAX_PAGE_SIZE = 1000;

/** The spec: "optional" means an empty parameter is the same as an absent one. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** A W3C date-time that carries its timezone, as the spec requires. */
const DateTime = z.iso.datetime({ offset: true, local: false, message: 'a date-time with a timezone (ISO 8601)' });

export const FormatParams = z.object({ format: z.enum(['json', 'xml']) });
export const FileParams = z.object({ file: z.string().min(1).max(200) });

export const JurisdictionQuery = z.object({ jurisdiction_id: optional(z.string().trim().max(20)) });

export const RequestsQuery = z.object({
  jurisdiction_id: optional(z.string().trim().max(20)),
  service_request_id: optional(z.string().trim().max(2000)),
  service_code: optional(z.string().trim().max(1000)),
  start_date: optional(DateTime),
  end_date: optional(DateTime),
  status: optional(z.enum(['open', 'closed'])),
  /** The `page`/`page_size` extension, the most widely implemented one (DOMAIN-2 §2). */
  page: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(100_000).default(1)),
  page_size: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(MAX_PAGE_SIZE),
  ),
});
export type RequestsQuery = z.infer<typeof RequestsQuery>;

const Coordinate = (min: number, max: number) => z.coerce.number().min(min).max(max);

/**
 * A POSTed service request (form-encoded). Location: `lat` and `long` together, or `address_string`; `address_id`
 * alone is refused (the communes keep no address ids). `attribute[…]` fields are ignored: no service has any.
 */
export const PostRequestInput = z
  .object({
    jurisdiction_id: optional(z.string().trim().max(20)),
    api_key: optional(z.string().trim().max(200)),
    service_code: z.string().trim().min(1, 'required').max(50),
    lat: optional(Coordinate(-90, 90)),
    long: optional(Coordinate(-180, 180)),
    address_string: optional(Text(500)),
    address_id: optional(Text(100)),
    email: optional(z.string().trim().max(200).pipe(z.email())),
    device_id: optional(Text(200)),
    account_id: optional(Text(200)),
    first_name: optional(Text(100)),
    last_name: optional(Text(100)),
    phone: optional(
      z
        .string()
        .trim()
        .max(20)
        .transform((v, ctx) => {
          const phone = normalizePhone(v);
          if (!phone) ctx.addIssue({ code: 'custom', message: 'not a Vietnamese phone number' });
          return phone ?? '';
        }),
    ),
    /** Plain text up to 4,000 characters, no HTML (the spec). */
    description: optional(
      z
        .string()
        .trim()
        .max(4000)
        .refine((v) => !/<[a-z!/][^>]*>/i.test(v), 'no HTML'),
    ),
    /** Kept as a link in the ticket's body, never fetched. */
    media_url: optional(
      z
        .string()
        .trim()
        .max(2000)
        .pipe(z.url({ protocol: /^https?$/ })),
    ),
    /** An extension: the sender lets the commune publish the (masked) question and answer on "Hỏi đáp". */
    publishable: optional(z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')),
  })
  .superRefine((v, ctx) => {
    const hasPoint = v.lat !== undefined && v.long !== undefined;
    if ((v.lat === undefined) !== (v.long === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['long'], message: 'lat and long go together' });
    } else if (!hasPoint && !v.address_string) {
      ctx.addIssue({
        code: 'custom',
        path: ['lat'],
        message: v.address_id
          ? 'address_id is not known here: send lat and long, or address_string'
          : 'a location is required: lat and long, or address_string',
      });
    }
  });
export type PostRequestInput = z.infer<typeof PostRequestInput>;

/** Console API: the keys a commune issued to client apps. */
export const Open311Client = z
  .object({
    id: z.number().int(),
    communeId: z.number().int(),
    name: z.string(),
    contact: z.string().nullable(),
    keyPrefix: z.string(),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .meta({ id: 'Open311Client' });
export const Open311ClientList = z.object({ items: z.array(Open311Client) });
/** The new key, shown this once: only its hash is kept. */
export const IssuedOpen311Client = Open311Client.extend({ apiKey: z.string() }).meta({ id: 'IssuedOpen311Client' });

export const ClientsQuery = z.object({ communeId: Id });
export const IssueClientInput = z.object({
  communeId: Id,
  name: Text(100).min(1),
  contact: Text(200).nullable().default(null),
});
export type IssueClientInput = z.infer<typeof IssueClientInput>;
