import { z } from 'zod';
import { answerStates, ticketEventKinds, ticketRatings, ticketStatuses } from '../../../shared/feedback.js';
import { citizenLanguages } from '../../../shared/languages.js';
import { CommuneCode, Id, Phone, Text } from '../../lib/http.js';

/** The citizen's side of feedback (PAKN): the ask form, the status page through its link, and "Hỏi đáp". */

export const CodeParams = z.object({ code: CommuneCode });
export const FeedbackTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });
export const QaParams = z.object({ code: CommuneCode, id: Id });
export const PublicFileParams = z.object({ id: Id });
export const LangQuery = z.object({ lang: z.enum(citizenLanguages).optional() });

export const FeedbackForm = z.object({
  commune: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  categories: z.array(
    z.object({ id: z.number().int(), code: z.string(), name: z.string(), vietnameseOnly: z.boolean() }),
  ),
  groups: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** Whether a citizen is signed in (then the phone may be left out: their account's is used). */
  signedIn: z.boolean(),
});
export type FeedbackForm = z.infer<typeof FeedbackForm>;

const flag = z
  .enum(['0', '1', 'true', 'false', 'on', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'on');
const optionalText = (max: number) =>
  Text(max)
    .optional()
    .transform((v) => (v ? v : undefined));
const coordinate = (limit: number) =>
  z
    .string()
    .trim()
    .max(30)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const n = Number(v);
      if (!Number.isFinite(n) || Math.abs(n) > limit) {
        ctx.addIssue({ code: 'custom', message: 'INVALID' });
        return undefined;
      }
      return n;
    });

/** The ask form's fields, as multipart text (every value a string). */
export const FeedbackSubmitFields = z.object({
  categoryId: z.coerce.number().int().min(1).max(2_147_483_647),
  title: Text(200).min(5),
  body: Text(5000).min(10),
  name: optionalText(120),
  phone: Phone.optional(),
  email: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.email().optional()),
  locationUnitId: z
    .string()
    .regex(/^\d{0,10}$/)
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .pipe(z.number().int().min(1).max(2_147_483_647).optional()),
  address: optionalText(300),
  lat: coordinate(90),
  lng: coordinate(180),
  shareLocation: flag,
  publishable: flag,
  /** The honeypot: people never see it, so it stays empty; a bot fills it in. */
  website: z.string().max(500).optional(),
  language: z.enum(citizenLanguages).optional(),
});
export type FeedbackSubmitFields = z.infer<typeof FeedbackSubmitFields>;

export const FeedbackSubmitted = z.object({ code: z.string(), token: z.string(), statusUrl: z.string() });

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/)
    .optional(),
});

const Link = z.object({ label: z.string(), href: z.string() });

export const PublicTicket = z.object({
  code: z.string(),
  title: z.string(),
  body: z.string(),
  category: z.string(),
  commune: z.object({ code: z.string(), name: z.string() }),
  status: z.enum(ticketStatuses),
  receivedAt: z.string(),
  dueAt: z.string(),
  answeredAt: z.string().nullable(),
  events: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      kind: z.enum(ticketEventKinds),
      toStatus: z.enum(ticketStatuses).nullable(),
      actorKind: z.enum(['STAFF', 'CITIZEN', 'SYSTEM']),
      body: z.string().nullable(),
    }),
  ),
  answerState: z.enum(answerStates).nullable(),
  answer: z.string().nullable(),
  answerLinks: z.array(Link),
  rejectReason: z.string().nullable(),
  rating: z.enum(ticketRatings).nullable(),
  ratingComment: z.string().nullable(),
  canRate: z.boolean(),
  canReopen: z.boolean(),
  reopenUntil: z.string().nullable(),
  canMessage: z.boolean(),
  mergedInto: z.string().nullable(),
});
export type PublicTicket = z.infer<typeof PublicTicket>;

export const RatingInput = z.object({ rating: z.enum(ticketRatings), comment: Text(1000).optional() });
export const ReopenInput = z.object({ reason: Text(2000).min(5) });
export const MessageInput = z.object({ body: Text(2000).min(2) });

export const QaQuery = z.object({
  q: Text(200).optional(),
  categoryId: Id.optional(),
  unitId: Id.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  lang: z.enum(citizenLanguages).optional(),
});
export type QaQuery = z.infer<typeof QaQuery>;

export const QaItem = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  body: z.string(),
  answer: z.string(),
  answerLinks: z.array(Link),
  category: z.string(),
  unitName: z.string().nullable(),
  receivedAt: z.string(),
  answeredAt: z.string().nullable(),
  publishedAt: z.string(),
  files: z.array(z.object({ id: z.number().int(), fileName: z.string(), mimeType: z.string() })),
});
export type QaItem = z.infer<typeof QaItem>;

export const QaPage = z.object({
  commune: z.object({ code: z.string(), name: z.string() }),
  items: z.array(QaItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  categories: z.array(z.object({ id: z.number().int(), name: z.string() })),
  groups: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type QaPage = z.infer<typeof QaPage>;
