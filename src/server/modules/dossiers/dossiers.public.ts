import { type CitizenLanguage, procedureNameIn } from '../../../shared/languages.js';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import type { Database, Tx } from '../../db/client.js';
import { dossierLookupFailures, dossiers, procedures, units } from '../../db/schema/index.js';
import type { Actor } from '../../lib/auth-context.js';
import { AppError, conflict, notFound, validation } from '../../lib/errors.js';
import { sha256 } from '../../lib/hash.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { CitizenContext } from '../citizens/citizens.service.js';
import { type DocumentFrame, draftFrame, issueDocument } from '../documents/documents.service.js';
import { paymentPayload } from '../payments/payments.service.js';
import { takeAction } from './dossiers.actions.js';
import { type ApplicantProof, issueProofs, requireApplicant, staffReads } from './dossiers.applicant.js';
import { settingsOf } from './dossiers.clock.js';
import { type FormNumber, formDocument, renderForm } from './dossiers.forms.js';
import { unknownPaper } from './dossiers.bundle.js';
import { papersView } from './dossiers.papers.js';
import { presentPublic, statusUrl } from './dossiers.present.js';
import { bundleMembers, byToken, claimUploads, dossierNotFound, eventsOf, getDossier } from './dossiers.repo.js';
import type { ApplicantActionInput, PublicDossier, PublicSubmitInput, RatingInput } from './dossiers.schemas.js';
import { communeByCode, type Idempotency, type Submitted, submitDossier, submissionHash } from './dossiers.submit.js';

// The citizen's side of a dossier, no staff account involved: what the public routes call.

/** What a submission answers: the code, the status page and the receipt (Form 01), and the bundle's other dossiers. */
export function submitResult(deps: Pick<AppDeps, 'config'>, result: Submitted) {
  const base = deps.config.publicUrl;
  return {
    id: result.id,
    code: result.code,
    token: result.token,
    statusUrl: statusUrl(base, result.token),
    receiptUrl: `${base}/api/public/dossiers/${result.token}/forms/01`,
    bundle: result.bundle.map(({ code, token, procedureCode }) => ({ code, token, procedureCode })),
  };
}

/** Open communes and wards by name, to choose where to submit. */
export async function listPublicCommunes(db: Tx, q: string | undefined) {
  return db
    .select({ code: units.code, name: units.name })
    .from(units)
    .where(and(eq(units.tier, 'COMMUNE'), isNull(units.closedAt), q ? sql`${units.name} ilike ${`%${q}%`}` : undefined))
    .orderBy(asc(units.name))
    .limit(200);
}

/**
 * Who an online submission's idempotency key belongs to: the signed-in account, else the browser's client id (a
 * random value the web app keeps in a cookie); with neither, nobody, and the key is not used.
 */
export function submitterScope(citizen: CitizenContext | null, clientId: string | undefined): string | undefined {
  if (citizen) return `citizen:${citizen.id}`;
  return clientId ? `client:${sha256(clientId)}` : undefined;
}

/**
 * An online submission. Signed in to a citizen account, the applicant is the account holder and the dossier is filed
 * under it; otherwise the applicant's details are required, and the submitting client gets a 30-minute proof of
 * being the applicant (to print the receipt, or take back a mistaken submission, without a code).
 */
export async function submitOnline(
  { database, cipher }: Pick<AppDeps, 'database' | 'cipher'>,
  input: PublicSubmitInput,
  citizen: CitizenContext | null,
  actor: Actor,
  retry: { key: string | undefined; clientId: string | undefined },
  language: CitizenLanguage = 'vi',
) {
  const unit = await communeByCode(database.db, input.unitCode);
  const given = input.applicant;
  const applicant = citizen
    ? {
        fullName: citizen.fullName,
        personalId: citizen.personalId,
        phone: citizen.phone,
        email: given?.email,
        address: given?.address,
      }
    : given;
  if (!applicant)
    throw validation([
      {
        field: 'applicant',
        code: 'REQUIRED',
        message: {
          vi: 'Hãy nhập thông tin người nộp hoặc đăng nhập',
          en: "Fill in the applicant's details or sign in",
        },
      },
    ]);
  const scope = submitterScope(citizen, retry.clientId);
  const idempotency: Idempotency | undefined =
    retry.key && scope ? { key: retry.key, scope, bodyHash: submissionHash(input) } : undefined;
  const result = await submitDossier(
    database,
    cipher,
    unit,
    { ...input, applicant },
    'ONLINE',
    { kind: 'APPLICANT', actor, citizenId: citizen?.id, language },
    idempotency,
  );
  const proofs = citizen
    ? []
    : await database.db.transaction((tx) =>
        issueProofs(
          tx,
          [{ id: result.id, token: result.token }, ...result.bundle.map((b) => ({ id: b.id, token: b.token }))],
          'SUBMISSION',
        ),
      );
  return { result, proofs };
}

/**
 * The status page's content: timeline, initials only, and the other dossiers of its bundle. The staff's reasons
 * (what papers are missing, why a dossier was refused or stopped) only to the proven applicant.
 */
export async function publicView(
  db: Tx,
  cipher: PiiCipher,
  token: string,
  language: CitizenLanguage,
  applicant: ApplicantProof | null = null,
) {
  const row = await getDossier(db, byToken(token));
  const linked = (await bundleMembers(db, row.dossier.bundleId, row.dossier.id)).map((m) => {
    const name = procedureNameIn(m, language);
    return {
      code: m.code,
      procedureName: name.name,
      procedureNameFallback: !name.translated,
      status: m.status as PublicDossier['linked'][number]['status'],
    };
  });
  // What the dossier holds of each paper is the applicant's business only: read for them, not for a link holder.
  const papers = applicant ? (await papersView(db, row)).papers : undefined;
  return presentPublic(row, await eventsOf(db, row.dossier.id), { language, linked, cipher, applicant, papers });
}

const LOOKUP_FAILURES_PER_HOUR = 5;

/**
 * A dossier's secret token from its code and the last 4 digits of the applicant's phone. The same 404 whether the
 * code or the digits are wrong. Codes follow each other, so the 10,000 endings are the only secret: after 5 wrong
 * endings in an hour a code is not looked up at all (429) for the rest of the hour, from any address.
 */
export async function lookupToken(database: Database, cipher: PiiCipher, code: string, phoneLast4: string) {
  const token = await database.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: dossiers.id, token: dossiers.lookupToken, phone: dossiers.applicantPhoneEnc })
      .from(dossiers)
      .where(eq(dossiers.code, code.toUpperCase()));
    if (!row) return null;
    // One look-up of a code at a time, so concurrent guesses cannot all slip under the count.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`dossier-lookup:${row.id}`}))`);
    const [{ failures }] = (await tx
      .select({ failures: sql<number>`count(*)::int` })
      .from(dossierLookupFailures)
      .where(
        and(eq(dossierLookupFailures.dossierId, row.id), gt(dossierLookupFailures.at, sql`now() - interval '1 hour'`)),
      )) as [{ failures: number }];
    if (failures >= LOOKUP_FAILURES_PER_HOUR)
      throw new AppError('RATE_LIMITED', 429, {
        vi: 'Mã hồ sơ này đã bị tra cứu sai nhiều lần; vui lòng thử lại sau một giờ, hoặc quét mã QR trên giấy tiếp nhận',
        en: 'This dossier code has had too many wrong look-ups; try again in an hour, or scan the QR code on the receipt',
      });
    if (row.phone && cipher.decrypt(row.phone).endsWith(phoneLast4)) return row.token;
    await tx.insert(dossierLookupFailures).values({ dossierId: row.id });
    return null;
  });
  if (!token) throw dossierNotFound();
  return token;
}

/** What an applicant's change records of its proof (audit details): how, and which account. */
const provenBy = (proof: ApplicantProof) => ({
  via: proof.via,
  ...(proof.citizenId !== null ? { citizenId: proof.citizenId } : {}),
});

/** The proof of being the applicant that a change through the public side needs (401/403 without). */
async function applicantOf(
  { database, cipher }: Pick<AppDeps, 'database' | 'cipher'>,
  request: FastifyRequest,
  token: string,
) {
  const { dossier } = await getDossier(database.db, byToken(token));
  return requireApplicant(database.db, cipher, request, dossier);
}

/**
 * The proven applicant withdraws, or provides the papers asked for; the papers are claimed in the action's
 * transaction. Answers with the proof, for the page to show.
 */
export async function applicantAction(
  deps: Pick<AppDeps, 'database' | 'cipher'>,
  request: FastifyRequest,
  token: string,
  input: ApplicantActionInput,
  actor: Actor,
): Promise<ApplicantProof> {
  const proof = await applicantOf(deps, request, token);
  const { action, reason, uploads } = input;
  const by = { kind: 'APPLICANT' as const, actor, proof: provenBy(proof) };
  await takeAction(deps.database, byToken(token), { action, reason }, by, async (tx, id, found) => {
    // Each file is tied to a paper of the procedure version the dossier was submitted under, or to none ("other
    // papers"); a paper it does not have refuses the whole supplement (the transaction writes nothing).
    const foreign = (u: (typeof uploads)[number]) =>
      (u.procedureCode !== undefined && u.procedureCode !== found.procedureCode) ||
      (u.paper !== undefined && !found.documents[u.paper]);
    if (uploads.some(foreign)) throw unknownPaper('uploads');
    // A supplement whose files are missing changes nothing.
    if ((await claimUploads(tx, id, uploads)) !== uploads.length)
      throw conflict({
        vi: 'Có tệp đính kèm không tìm thấy hoặc đã được dùng',
        en: 'An attached file was not found or was already used',
      });
  });
  return proof;
}

/** The proven applicant rates the service once, when the result is ready (resolved or returned); audited. */
export async function rateDossier(
  deps: Pick<AppDeps, 'database' | 'cipher'>,
  request: FastifyRequest,
  token: string,
  input: RatingInput,
  actor: Actor,
): Promise<ApplicantProof> {
  const database = deps.database;
  const proof = await applicantOf(deps, request, token);
  const updated = await database.db.transaction(async (tx) => {
    const rows = await tx
      .update(dossiers)
      .set({ rating: input.rating, ratingComment: input.comment ?? null, ratedAt: sql`now()` })
      .where(and(byToken(token), isNull(dossiers.rating), sql`${dossiers.status} in ('RESOLVED', 'RETURNED')`))
      .returning({ id: dossiers.id });
    if (rows[0])
      await insertAudit(tx, actor, {
        action: 'dossier.rate',
        entityType: 'dossier',
        entityId: rows[0].id,
        details: { rating: input.rating, ...provenBy(proof) },
      });
    return rows.length;
  });
  if (updated) return proof;
  const { dossier } = await getDossier(database.db, byToken(token));
  throw new AppError(
    'CONFLICT',
    409,
    dossier.rating
      ? { vi: 'Hồ sơ này đã được đánh giá', en: 'This dossier has already been rated' }
      : { vi: 'Ông/bà có thể đánh giá khi đã có kết quả', en: 'You can rate once the result is ready' },
  );
}

/**
 * One of Forms 01–05 of a dossier as a PDF, for its proven applicant or staff who may read it (the forms carry the
 * applicant's full name, the officer's and the reasons); a form its history has not issued yet is not found. Audited.
 */
export async function formPdf(
  deps: Pick<AppDeps, 'database' | 'config' | 'cipher'>,
  request: FastifyRequest,
  token: string,
  form: FormNumber,
  actor: Actor,
) {
  const db = deps.database.db;
  const row = await getDossier(db, byToken(token));
  const via = staffReads(request, row.unitPath)
    ? 'STAFF'
    : (await requireApplicant(db, deps.cipher, request, row.dossier)).via;
  const events = await eventsOf(db, row.dossier.id);
  if (form !== '01' && !events.some((e) => e.formType === `MAU_${form}`))
    throw notFound({ vi: 'Hồ sơ này chưa có mẫu phiếu này', en: 'This dossier has no such form yet' });
  const [procedure] = await db
    .select({ documents: procedures.documents })
    .from(procedures)
    .where(eq(procedures.id, row.dossier.procedureId));
  const payload = form === '01' ? paymentPayload(await settingsOf(db, row.dossier.unitId), row.dossier) : null;
  const url = statusUrl(deps.config.publicUrl, row.dossier.lookupToken);
  // The form is registered in the commune's book the first time it is printed (a receipt once the dossier is
  // received); printed again, it keeps its number and date.
  const what = formDocument(form, row, events);
  const render = (frame: DocumentFrame) => renderForm(frame, form, row, events, procedure!.documents, url, payload);
  const pdf = await db.transaction(async (tx) => {
    const out = what.issued
      ? await issueDocument(tx, { unitPath: row.unitPath, ...what }, actor, render)
      : await render(await draftFrame(tx, { unitPath: row.unitPath, ...what }));
    await insertAudit(tx, actor, {
      action: 'dossier.form',
      entityType: 'dossier',
      entityId: row.dossier.id,
      details: { form, via },
    });
    return out;
  });
  return { pdf, fileName: `mau-${form}-${row.dossier.code}.pdf` };
}
