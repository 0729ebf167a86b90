import { z } from 'zod';
import { Bundle, CopyType, OnlineLevel, ProcedureField, ProcedureStatus, TimeUnit } from '../../../shared/onestop.js';
import { Id, IsoDate, Text } from '../../lib/http.js';

/** A national code (mã TTHC) or a local code: letters, digits, dots and dashes. */
export const ProcedureCode = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/);
export const CodeParams = z.object({ code: ProcedureCode });

const Fee = z.object({
  channel: z.enum(['IN_PERSON', 'ONLINE', 'POSTAL']),
  amountVnd: z.number().int().min(0).max(100_000_000),
  noteVi: Text(300).optional(),
  noteEn: Text(300).optional(),
});
const Document = z.object({
  nameVi: Text(300).min(1),
  nameEn: Text(300).min(1),
  copyType: z.enum(CopyType),
  count: z.number().int().min(1).max(20),
  required: z.boolean(),
});
const FormField = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
  labelVi: Text(200).min(1),
  labelEn: Text(200).min(1),
  type: z.enum(['text', 'date', 'textarea']),
  required: z.boolean(),
});

/**
 * The name in the citizen pages' other languages, as the commune entered it (Vietnamese and English have their own
 * fields); a language left out shows the Vietnamese name with a notice.
 */
export const ProcedureTranslations = z.object({
  ja: z.object({ name: Text(300).min(2) }).optional(),
  zh: z.object({ name: Text(300).min(2) }).optional(),
});

export const Procedure = z
  .object({
    id: z.number().int(),
    code: z.string(),
    version: z.number().int(),
    national: z.boolean(),
    nameVi: z.string(),
    nameEn: z.string(),
    field: z.enum(ProcedureField),
    timeAmount: z.number().int(),
    timeUnit: z.enum(TimeUnit),
    onlineLevel: z.enum(OnlineLevel),
    postalAllowed: z.boolean(),
    requiresApproval: z.boolean(),
    fees: z.array(Fee),
    documents: z.array(Document),
    formFields: z.array(FormField),
    bundle: z.enum(Bundle).nullable(),
    legalBasis: z.string().nullable(),
    translations: ProcedureTranslations,
    status: z.enum(ProcedureStatus),
    effectiveFrom: z.string().nullable(),
    publishedAt: z.string().nullable(),
    /** Where the public page lives: what the QR code on the wall opens. */
    publicUrl: z.string(),
  })
  .meta({ id: 'Procedure' });
export type Procedure = z.infer<typeof Procedure>;

export const ProcedureList = z.object({ items: z.array(Procedure) }).meta({ id: 'ProcedureList' });

export const ListProceduresQuery = z.object({
  q: Text(100).optional(),
  field: z.enum(ProcedureField).optional(),
});

export const AdminListQuery = ListProceduresQuery.extend({ status: z.enum(ProcedureStatus).optional() });

/** A new version of a procedure (or a new local procedure): a draft until published. */
export const ProcedureInput = z
  .object({
    code: ProcedureCode,
    national: z.boolean().default(true),
    nameVi: Text(300).min(3),
    nameEn: Text(300).min(3),
    field: z.enum(ProcedureField),
    timeAmount: z.number().int().min(0).max(365),
    timeUnit: z.enum(TimeUnit),
    onlineLevel: z.enum(OnlineLevel),
    postalAllowed: z.boolean(),
    requiresApproval: z.boolean().default(true),
    fees: z.array(Fee).max(6),
    documents: z.array(Document).max(30),
    formFields: z.array(FormField).max(30),
    bundle: z.enum(Bundle).nullable().default(null),
    legalBasis: Text(500).nullable().default(null),
    translations: ProcedureTranslations.default({}),
    effectiveFrom: IsoDate.nullable().default(null),
  })
  .refine((p) => !p.national || /^\d\.\d{6}$/.test(p.code), {
    path: ['code'],
    message: 'A national code looks like 1.001193',
  });
export type ProcedureInput = z.infer<typeof ProcedureInput>;

export const VersionParams = z.object({ id: Id });

export const QrQuery = z.object({ format: z.enum(['svg', 'png']).default('svg') });
export const PosterQuery = z.object({ field: z.enum(ProcedureField).optional() });
