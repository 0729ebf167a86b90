import { z } from 'zod';
import { FieldCode } from '../../../shared/field-errors.js';
import { Channel, DossierStatus, dossierActions, Rating, ReturnMethod } from '../../../shared/onestop.js';
import { Id, IsoDate, PageQuery, PersonalId, pageOf, Phone, Text, Version } from '../../lib/http.js';
import { countKeys } from '../indicators/indicators.definitions.js';
import { ProcedureCode } from '../procedures/procedures.schemas.js';

/** An upload made before submitting: its id and the secret key the upload answered with. */
const UploadRef = z.object({
  id: Id,
  key: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/),
  label: Text(300).optional(),
  /** Which paper of the procedure the file is (its position in the procedure's list); left out for an extra file. */
  paper: z.number().int().min(0).max(49).optional(),
  /** In a bundle: whose paper it is (the main procedure when left out). */
  procedureCode: ProcedureCode.optional(),
});
/** A paper of a procedure in the submission, handed over on paper at the counter (no file). */
const PaperRef = z.object({ paper: z.number().int().min(0).max(49), procedureCode: ProcedureCode.optional() });
export type PaperRef = z.infer<typeof PaperRef>;

const Applicant = z.object({
  fullName: Text(120).min(2),
  personalId: PersonalId,
  phone: Phone,
  email: z.email().max(200).optional(),
  address: Text(300).optional(),
});

const submission = {
  procedureCode: ProcedureCode,
  applicant: Applicant,
  /** The procedure's own fields (child's name, date of death…), checked against its definition. */
  fields: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/), Text(2000)).default({}),
  // In a bundle, `fields` holds every procedure's fields once: a key two procedures share (the child's name) is
  // typed once and goes to both.
  returnMethod: z.enum(ReturnMethod),
  postalAddress: Text(300).optional(),
  uploads: z.array(UploadRef).max(40).default([]),
  /** For an interconnected group (birth, death): the other procedures of the group submitted together. */
  bundleWith: z.array(ProcedureCode).max(4).default([]),
};

export const SubmitInput = z.object(submission).refine((s) => s.returnMethod !== 'POST' || !!s.postalAddress, {
  path: ['postalAddress'],
  message: 'A postal address is needed to send the result by post',
});
export type SubmitInput = z.infer<typeof SubmitInput> & { papersOnPaper?: PaperRef[] };

/** At the counter: handed in person, or received by post (Decision 45/2016) and entered by the officer. */
export const CounterSubmitInput = z
  .object({
    ...submission,
    unitId: Id,
    channel: z.enum(['IN_PERSON', 'POSTAL']).default('IN_PERSON'),
    /** Papers the applicant handed over on paper: the officer checked them, no file is kept. */
    papersOnPaper: z.array(PaperRef).max(40).default([]),
  })
  .refine((s) => s.returnMethod !== 'POST' || !!s.postalAddress, {
    path: ['postalAddress'],
    message: 'A postal address is needed to send the result by post',
  });
export type CounterSubmitInput = z.infer<typeof CounterSubmitInput>;

/** Online: a signed-in citizen's applicant details come from the account, so `applicant` may be left out. */
export const PublicSubmitInput = z
  .object({ ...submission, applicant: Applicant.optional(), unitCode: z.string().regex(/^\d{5}$/) })
  .refine((s) => s.returnMethod !== 'POST' || !!s.postalAddress, {
    path: ['postalAddress'],
    message: 'A postal address is needed to send the result by post',
  });
export type PublicSubmitInput = z.infer<typeof PublicSubmitInput>;

export const DossierEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: z.enum(DossierStatus).nullable(),
  toStatus: z.enum(DossierStatus),
  actorKind: z.enum(['STAFF', 'APPLICANT', 'SYSTEM']),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  formType: z.string().nullable(),
  at: z.string(),
});

const dossierCore = {
  code: z.string(),
  status: z.enum(DossierStatus),
  awaitingApproval: z.boolean(),
  channel: z.enum(Channel),
  procedureCode: z.string(),
  procedureName: z.string(),
  unitName: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  extendedDueAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  overdue: z.boolean(),
  feeAmount: z.number().int(),
  paid: z.boolean(),
  returnMethod: z.enum(ReturnMethod),
  rating: z.enum(Rating).nullable(),
};

/** How the caller proved to be the applicant; `until` is when the proof ends (null: while the account is signed in). */
export const ProvenApplicant = z.object({
  via: z.enum(['ACCOUNT', 'CODE', 'SUBMISSION']),
  until: z.string().nullable(),
});

const PublicPaper = z.object({
  paper: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
  copyType: z.string(),
  count: z.number().int(),
  required: z.boolean(),
  held: z.boolean(),
});

/**
 * What the public status page shows: no personal data beyond the applicant's initials and the last 3 digits of the
 * phone a confirmation code would go to; the staff's reasons only to the proven applicant.
 */
export const PublicDossier = z
  .object({
    ...dossierCore,
    /**
     * `procedureName` is in the caller's language (vi, en, or the ja/zh name the commune entered); true when there
     * was none in it and the official Vietnamese name stands in (the page says it is only in Vietnamese).
     */
    procedureNameFallback: z.boolean(),
    applicantInitials: z.string(),
    /** Each step; `reason` is null unless the caller has proven to be the applicant. */
    timeline: z.array(DossierEvent.omit({ actorName: true })),
    /** What the applicant may do now, once proven (withdraw, provide papers). */
    applicantActions: z.array(z.string()),
    canRate: z.boolean(),
    /** The other dossiers submitted with it as an interconnected group, followed together. */
    linked: z.array(
      z.object({
        code: z.string(),
        procedureName: z.string(),
        procedureNameFallback: z.boolean(),
        status: z.enum(DossierStatus),
      }),
    ),
    /**
     * How the applicant can prove it: a code by SMS to the phone on file ending in `phoneEnding` (null: no phone on
     * file), or signing in to the account that filed it (`account`).
     */
    proof: z.object({ phoneEnding: z.string().nullable(), account: z.boolean() }),
    /** The caller's proof of being the applicant, or null for someone who only holds the link. */
    applicant: ProvenApplicant.nullable(),
    /**
     * To the proven applicant only (else null): the papers its procedure version asks for, in order (`paper` is the
     * position a supplement's file is tied to), and whether the dossier already holds each (a file or a paper mark).
     */
    papers: z.array(PublicPaper).nullable(),
  })
  .meta({ id: 'PublicDossier' });
export type PublicDossier = z.infer<typeof PublicDossier>;

export const SubmitResult = z
  .object({
    id: z.number().int(),
    code: z.string(),
    token: z.string(),
    statusUrl: z.string(),
    receiptUrl: z.string(),
    bundle: z.array(z.object({ code: z.string(), token: z.string(), procedureCode: z.string() })),
  })
  .meta({ id: 'SubmitResult' });

export const DossierSummary = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    ...dossierCore,
    applicantName: z.string(),
    assigneeId: z.number().int().nullable(),
    assigneeName: z.string().nullable(),
    bundleId: z.number().int().nullable(),
  })
  .meta({ id: 'DossierSummary' });
export type DossierSummary = z.infer<typeof DossierSummary>;

export const DossierFile = z.object({
  id: z.number().int(),
  kind: z.enum(['UPLOAD', 'SCAN', 'RESULT']),
  label: z.string().nullable(),
  paper: z.number().int().nullable(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const PaperState = z.object({
  paper: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
  copyType: z.enum(['ORIGINAL', 'COPY', 'ELECTRONIC']),
  count: z.number().int(),
  required: z.boolean(),
  files: z.array(z.object({ id: z.number().int(), fileName: z.string() })),
  onPaper: z.boolean(),
});

/** What an officer notes without a file: a paper handed over on paper, the result on paper, the fee waived (why). */
export const MarkInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('PAPER'), paper: z.number().int().min(0).max(49) }),
  z.object({ kind: z.literal('RESULT'), note: Text(300).optional() }),
  z.object({ kind: z.literal('FEE_EXEMPT'), note: Text(300).min(3) }),
]);

export const DossierDetail = DossierSummary.extend({
  applicantPersonalId: z.string().nullable(),
  applicantPhone: z.string().nullable(),
  applicantEmail: z.string().nullable(),
  applicantAddress: z.string().nullable(),
  postalAddress: z.string().nullable(),
  /** The procedure's own fields as declared, labelled in the request's language. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  events: z.array(DossierEvent),
  files: z.array(DossierFile),
  allowedActions: z.array(z.enum(dossierActions as [string, ...string[]])),
  /** Approval or return the workflow allows but `blockers` (no result, fee unsettled) hold back. */
  blockedActions: z.array(z.enum(dossierActions as [string, ...string[]])),
  /** Each paper the procedure asks for, with its files or its "handed over on paper" note. */
  papers: z.array(PaperState),
  result: z.object({ files: z.number().int(), onPaper: z.boolean() }),
  fee: z.object({ amount: z.number().int(), paid: z.boolean(), exempt: z.string().nullable() }),
  blockers: z.array(z.enum(['RESULT', 'FEE'])),
  /** The other dossiers of its bundle (liên thông), reachable from any of them. */
  linked: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      procedureCode: z.string(),
      procedureName: z.string(),
      status: z.enum(DossierStatus),
    }),
  ),
  token: z.string(),
  version: z.number().int(),
}).meta({ id: 'DossierDetail' });
export type DossierDetail = z.infer<typeof DossierDetail>;
/** A detail before its papers, result, fee and bundle are added (dossiers.papers.ts `withPapers`). */
export type DossierDetailCore = Omit<
  DossierDetail,
  'blockedActions' | 'papers' | 'result' | 'fee' | 'blockers' | 'linked'
>;

export const Queue = z.enum([
  'all',
  'to_receive',
  'mine',
  'due_soon',
  'overdue',
  'supplement',
  'to_approve',
  'to_return',
  'closed',
]);
export type Queue = z.infer<typeof Queue>;

export const QueueQuery = PageQuery.extend({
  queue: Queue.default('all'),
  q: Text(100).optional(),
  procedure: ProcedureCode.optional(),
  unit: Id.optional(),
  status: z.enum(DossierStatus).optional(),
  /** The dossiers a leader's indicator counts over `from`–`to` (both needed): the list under each number. */
  indicator: z.enum(countKeys).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type QueueQuery = z.infer<typeof QueueQuery>;
/** `total` (the whole match set counted) only for a list under an indicator, to compare with the number. */
export const DossierPage = pageOf(DossierSummary)
  .extend({ total: z.number().int().optional() })
  .meta({ id: 'DossierPage' });

export const ActionInput = z.object({
  action: z.enum(dossierActions as [string, ...string[]]),
  /** The version the officer saw: a stale screen gets 409 rather than acting on changed data. */
  version: Version,
  reason: Text(1000).optional(),
  assigneeId: Id.optional(),
  /** Form 04: the new date promised. */
  newDueDate: IsoDate.optional(),
  returnMethod: z.enum(ReturnMethod).optional(),
});
export type ActionInput = z.infer<typeof ActionInput>;

export const BulkAssignInput = z.object({ ids: z.array(Id).min(1).max(200), assigneeId: Id });

export const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });
export const LookupQuery = z.object({ code: Text(60).min(5), phoneLast4: z.string().regex(/^\d{4}$/) });
export const RatingInput = z.object({ rating: z.enum(Rating), comment: Text(1000).optional() });
/** The 6-digit code the applicant received by SMS. */
export const ProofInput = z.object({ code: z.string().regex(/^\d{6}$/, FieldCode.CONFIRM_CODE) });
export const CodeSent = z.object({ sent: z.literal(true), phoneEnding: z.string(), minutes: z.number().int() });
export type RatingInput = z.infer<typeof RatingInput>;
export const ApplicantActionInput = z.object({
  action: z.enum(['WITHDRAW', 'SUPPLEMENT']),
  reason: Text(1000).optional(),
  uploads: z.array(UploadRef).max(20).default([]),
});
export type ApplicantActionInput = z.infer<typeof ApplicantActionInput>;

export const UploadResult = z
  .object({ id: z.number().int(), key: z.string(), fileName: z.string(), mime: z.string(), size: z.number().int() })
  .meta({ id: 'UploadResult' });
export const FileParams = z.object({ id: Id, fileId: Id });
export const FormParams = z.object({ token: TokenParams.shape.token, form: z.enum(['01', '02', '03', '04', '05']) });
/**
 * A client that may retry (3G) sends a key; the same caller sending the same key and content to the same commune gets
 * the same dossier back, never a second one; other content with that key is refused (422).
 */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/)
    .optional(),
});

export const AssignResult = z.object({
  assigned: z.array(z.string()),
  refused: z.array(z.object({ id: z.number().int(), detail: z.string() })),
});

export const CounterUnits = z.object({
  items: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
});

export const OfficersQuery = z.object({ unit: Id });
export const Officers = z.object({
  items: z.array(z.object({ id: z.number().int(), fullName: z.string(), username: z.string() })),
});

export const PublicCommunesQuery = z.object({ q: Text(100).optional() });
export const PublicCommunes = z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) });
