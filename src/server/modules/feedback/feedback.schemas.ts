import { z } from 'zod';
import {
  AnswerState,
  DeadlineUnit,
  staffTicketActions,
  TicketChannel,
  TicketRating,
  TicketSeverity,
  TicketStatus,
} from '../../../shared/feedback.js';
import { Role } from '../../../shared/enums.js';
import { Id, Phone, Text, Version } from '../../lib/http.js';

// The staff side of questions and reports (PAKN): the shapes of the contract in docs/ (issue 16, "Staff API").

export const TicketView = z.enum(['open', 'mine', 'due_soon', 'overdue', 'approval', 'finished', 'abuse']);
export type TicketView = z.infer<typeof TicketView>;

export const TicketListQuery = z.object({
  view: TicketView.default('open'),
  status: z.enum(TicketStatus).optional(),
  categoryId: Id.optional(),
  unitId: Id.optional(),
  severity: z.enum(TicketSeverity).optional(),
  channel: z.enum(TicketChannel).optional(),
  q: Text(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

const Instant = z.string();

export const TicketSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  status: z.enum(TicketStatus),
  severity: z.enum(TicketSeverity),
  channel: z.enum(TicketChannel),
  categoryId: z.number().int(),
  categoryName: z.string(),
  /** The category's English name, for a console read in English (empty when the commune gave none). */
  categoryNameEn: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  receivedAt: Instant,
  /** The due date in force: an approved extension's, else the first one. */
  dueAt: Instant,
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  answerState: z.enum(AnswerState).nullable(),
  rating: z.enum(TicketRating).nullable(),
  mergedIntoId: z.number().int().nullable(),
  version: z.number().int(),
});
export type TicketSummary = z.infer<typeof TicketSummary>;

export const TicketPage = z.object({ items: z.array(TicketSummary), total: z.number().int() });

const AnswerLink = z.object({ label: Text(200).min(1), href: Text(500).min(1) });

export const TicketEventOut = z.object({
  id: z.number().int(),
  at: Instant,
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string().nullable(),
  actorKind: z.enum(['STAFF', 'CITIZEN', 'SYSTEM']),
  body: z.string().nullable(),
  public: z.boolean(),
  fromUnitName: z.string().nullable(),
  toUnitName: z.string().nullable(),
});

export const TicketDetail = TicketSummary.extend({
  body: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  locationUnitId: z.number().int().nullable(),
  locationUnitName: z.string().nullable(),
  publishable: z.boolean(),
  senderName: z.string().nullable(),
  senderPhone: z.string().nullable(),
  senderEmail: z.string().nullable(),
  language: z.string(),
  acceptDueAt: Instant,
  acceptedAt: Instant.nullable(),
  extendedDueAt: Instant.nullable(),
  extensionRequestedUntil: Instant.nullable(),
  extensionReason: z.string().nullable(),
  answeredAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  onTime: z.boolean().nullable(),
  rejectReason: z.string().nullable(),
  answer: z.string().nullable(),
  answerLinks: z.array(z.object({ label: z.string(), href: z.string() })),
  answeredBy: z.number().int().nullable(),
  publishedAt: Instant.nullable(),
  publicTitle: z.string().nullable(),
  publicBody: z.string().nullable(),
  publicAnswer: z.string().nullable(),
  ratingComment: z.string().nullable(),
  ratedAt: Instant.nullable(),
  reopenCount: z.number().int(),
  abuseAt: Instant.nullable(),
  lookupUrl: z.string(),
  files: z.array(
    z.object({
      id: z.number().int(),
      fileName: z.string(),
      mimeType: z.string(),
      size: z.number().int(),
      public: z.boolean(),
    }),
  ),
  events: z.array(TicketEventOut),
  merged: z.array(z.object({ id: z.number().int(), code: z.string() })),
  actions: z.array(z.enum(staffTicketActions)),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,100}$/)
    .optional(),
});

export const CreateTicketInput = z.object({
  communeId: Id,
  channel: z.enum(['COUNTER', 'HOTLINE']),
  categoryId: Id,
  severity: z.enum(TicketSeverity).optional(),
  title: Text(200).min(3),
  body: Text(5000).min(3),
  senderName: Text(120).optional(),
  senderPhone: Phone.optional(),
  senderEmail: z.email().max(200).optional(),
  locationUnitId: Id.optional(),
  address: Text(300).optional(),
  publishable: z.boolean().default(false),
});
export type CreateTicketInput = z.infer<typeof CreateTicketInput>;

const Versioned = { version: Version };
export const VersionInput = z.object(Versioned);
export const RejectInput = z.object({ ...Versioned, reason: Text(2000).min(3) });
export const AssignInput = z.object({ ...Versioned, assigneeId: Id });
export const TransferInput = z.object({ ...Versioned, unitId: Id, note: Text(2000).min(3) });
export const AnswerInput = z.object({
  ...Versioned,
  answer: Text(10_000).min(3),
  links: z.array(AnswerLink).max(10).default([]),
  submit: z.boolean(),
});
export const ReturnAnswerInput = z.object({ ...Versioned, note: Text(2000).min(3) });
export const NoteInput = z.object({ body: Text(4000).min(1) });
export const ExtensionInput = z.object({
  ...Versioned,
  until: z.iso.datetime({ offset: true }),
  reason: Text(2000).min(3),
});
export const DecideExtensionInput = z.object({ ...Versioned, approve: z.boolean(), note: Text(2000).optional() });
export const MergeInput = z.object({ ...Versioned, intoId: Id });
export const AbuseInput = z.object({ ...Versioned, reason: Text(2000).min(3) });
export const PublicationPreview = z.object({
  publicTitle: z.string(),
  publicBody: z.string(),
  publicAnswer: z.string(),
});
export const PublicationInput = z.object({
  ...Versioned,
  publicTitle: Text(200).min(3),
  publicBody: Text(5000).min(3),
  publicAnswer: Text(10_000).min(3),
  publicFileIds: z.array(Id).max(10).default([]),
});
export type PublicationInput = z.infer<typeof PublicationInput>;

export const Assignees = z.array(z.object({ id: z.number().int(), name: z.string(), unitName: z.string() }));
export const FileParams = z.object({ id: Id, fileId: Id });

// Settings, categories, templates (FEEDBACK_MANAGE; templates and categories are read by the officers too).

const Deadline = z.object({ amount: z.number().int().min(1).max(365), unit: z.enum(DeadlineUnit) });
export const SettingsBody = z.object({
  acceptWithin: Deadline,
  deadlines: z.object({ URGENT: Deadline, NORMAL: Deadline, COMPLEX: Deadline }),
  reopenDays: z.number().int().min(0).max(90),
  approvalRequired: z.boolean(),
  dueSoonHours: z.number().int().min(1).max(200),
  perPhonePerDay: z.number().int().min(1).max(1000),
  perAddressPerDay: z.number().int().min(1).max(10_000),
});
export const Settings = SettingsBody.extend({ version: z.number().int() });
/** `version` as read: 0 for a commune still on the shipped defaults. */
export const SettingsInput = SettingsBody.extend({ version: z.number().int().min(0).max(2_147_483_647) });
export type SettingsInput = z.infer<typeof SettingsInput>;
export const CommuneParams = z.object({ communeId: Id });
export const CommuneQuery = z.object({ communeId: Id });

const Translations = z.object({
  ja: z.object({ name: Text(120).min(1) }).optional(),
  zh: z.object({ name: Text(120).min(1) }).optional(),
});
const categoryFields = {
  nameVi: Text(120).min(2),
  nameEn: Text(120).min(2),
  translations: Translations.default({}),
  descriptionVi: Text(1000).nullable().optional(),
  routeUnitId: Id.nullable().optional(),
  routeRole: z.enum(Role).nullable().optional(),
  routeUserId: Id.nullable().optional(),
  defaultSeverity: z.enum(TicketSeverity).default('NORMAL'),
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(1000).default(0),
};
export const CategoryCreateInput = z.object({
  communeId: Id,
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,29}$/),
  ...categoryFields,
});
export type CategoryCreateInput = z.infer<typeof CategoryCreateInput>;
export const CategoryPatchInput = z.object({
  nameVi: categoryFields.nameVi.optional(),
  nameEn: categoryFields.nameEn.optional(),
  translations: Translations.optional(),
  descriptionVi: categoryFields.descriptionVi,
  routeUnitId: categoryFields.routeUnitId,
  routeRole: categoryFields.routeRole,
  routeUserId: categoryFields.routeUserId,
  defaultSeverity: z.enum(TicketSeverity).optional(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
});
export type CategoryPatchInput = z.infer<typeof CategoryPatchInput>;
export const Category = z.object({
  id: z.number().int(),
  communeId: z.number().int(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  translations: z.object({
    ja: z.object({ name: z.string() }).optional(),
    zh: z.object({ name: z.string() }).optional(),
  }),
  descriptionVi: z.string().nullable(),
  routeUnitId: z.number().int().nullable(),
  routeUnitName: z.string().nullable(),
  routeRole: z.string().nullable(),
  routeUserId: z.number().int().nullable(),
  routeUserName: z.string().nullable(),
  defaultSeverity: z.enum(TicketSeverity),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export const Categories = z.array(Category);

export const TemplateInput = z.object({
  communeId: Id,
  categoryId: Id.nullable().optional(),
  title: Text(200).min(2),
  body: Text(10_000).min(3),
});
export const TemplatePatchInput = z.object({
  categoryId: Id.nullable().optional(),
  title: Text(200).min(2).optional(),
  body: Text(10_000).min(3).optional(),
});
export const Template = z.object({
  id: z.number().int(),
  communeId: z.number().int(),
  categoryId: z.number().int().nullable(),
  title: z.string(),
  body: z.string(),
  updatedAt: z.string(),
});
export const Templates = z.array(Template);
