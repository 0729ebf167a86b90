import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import type { Database, Tx } from '../../db/client.js';
import { dossiers, procedures, units } from '../../db/schema/index.js';
import type { Actor } from '../../lib/auth-context.js';
import { AppError, conflict, notFound, validation } from '../../lib/errors.js';
import { sha256 } from '../../lib/hash.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { CitizenContext } from '../citizens/citizens.service.js';
import { paymentPayload } from '../payments/payments.service.js';
import { takeAction } from './dossiers.actions.js';
import { settingsOf } from './dossiers.clock.js';
import { type FormNumber, renderForm } from './dossiers.forms.js';
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
 * under it; otherwise the applicant's details are required.
 */
export async function submitOnline(
  { database, cipher }: Pick<AppDeps, 'database' | 'cipher'>,
  input: PublicSubmitInput,
  citizen: CitizenContext | null,
  actor: Actor,
  retry: { key: string | undefined; clientId: string | undefined },
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
  return submitDossier(
    database,
    cipher,
    unit,
    { ...input, applicant },
    'ONLINE',
    { kind: 'APPLICANT', actor, citizenId: citizen?.id },
    idempotency,
  );
}

/** The status page's content: timeline, initials only, and the other dossiers of its bundle. */
export async function publicView(db: Tx, token: string, locale: 'vi' | 'en') {
  const row = await getDossier(db, byToken(token));
  const linked = (await bundleMembers(db, row.dossier.bundleId, row.dossier.id)).map((m) => ({
    code: m.code,
    procedureName: locale === 'en' ? m.nameEn : m.nameVi,
    status: m.status as PublicDossier['linked'][number]['status'],
  }));
  return presentPublic(row, await eventsOf(db, row.dossier.id), locale, linked);
}

/**
 * A dossier's secret token from its code and the last 4 digits of the applicant's phone. The same 404 whether the
 * code or the digits are wrong: the lookup tells nothing about which dossiers exist.
 */
export async function lookupToken(db: Tx, cipher: PiiCipher, code: string, phoneLast4: string) {
  const [row] = await db
    .select({ token: dossiers.lookupToken, phone: dossiers.applicantPhoneEnc })
    .from(dossiers)
    .where(eq(dossiers.code, code.toUpperCase()));
  if (!row?.phone || !cipher.decrypt(row.phone).endsWith(phoneLast4)) throw dossierNotFound();
  return row.token;
}

/** The applicant withdraws, or provides the papers asked for; the papers are claimed in the action's transaction. */
export async function applicantAction(database: Database, token: string, input: ApplicantActionInput, actor: Actor) {
  const { action, reason, uploads } = input;
  await takeAction(database, byToken(token), { action, reason }, { kind: 'APPLICANT', actor }, async (tx, id) => {
    // A supplement whose files are missing changes nothing.
    if ((await claimUploads(tx, id, uploads)) !== uploads.length)
      throw conflict({
        vi: 'Có tệp đính kèm không tìm thấy hoặc đã được dùng',
        en: 'An attached file was not found or was already used',
      });
  });
}

/** Rates the service once, when the result is ready (resolved or returned); audited. */
export async function rateDossier(database: Database, token: string, input: RatingInput, actor: Actor) {
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
        details: { rating: input.rating },
      });
    return rows.length;
  });
  if (updated) return;
  const { dossier } = await getDossier(database.db, byToken(token));
  throw new AppError(
    'CONFLICT',
    409,
    dossier.rating
      ? { vi: 'Hồ sơ này đã được đánh giá', en: 'This dossier has already been rated' }
      : { vi: 'Ông/bà có thể đánh giá khi đã có kết quả', en: 'You can rate once the result is ready' },
  );
}

/** One of Forms 01–05 of a dossier as a PDF; a form its history has not issued yet is not found. */
export async function formPdf(deps: Pick<AppDeps, 'database' | 'config'>, token: string, form: FormNumber) {
  const db = deps.database.db;
  const row = await getDossier(db, byToken(token));
  const events = await eventsOf(db, row.dossier.id);
  if (form !== '01' && !events.some((e) => e.formType === `MAU_${form}`))
    throw notFound({ vi: 'Hồ sơ này chưa có mẫu phiếu này', en: 'This dossier has no such form yet' });
  const [procedure] = await db
    .select({ documents: procedures.documents })
    .from(procedures)
    .where(eq(procedures.id, row.dossier.procedureId));
  const payload = form === '01' ? paymentPayload(await settingsOf(db, row.dossier.unitId), row.dossier) : null;
  const url = statusUrl(deps.config.publicUrl, row.dossier.lookupToken);
  const pdf = await renderForm(form, row, events, procedure!.documents, url, payload);
  return { pdf, fileName: `mau-${form}-${row.dossier.code}.pdf` };
}
