import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, AppDeps } from '../../deps.js';
import { dossiers, procedures, units } from '../../db/schema/index.js';
import { AppError, conflict, notFound, validation } from '../../lib/errors.js';
import { checkCitizenCsrf, citizenOf } from '../citizens/citizens.service.js';
import { Problem, Text } from '../../lib/http.js';
import { requestLocale } from '../../lib/locale.js';
import { ttlCache } from '../../lib/ttl-cache.js';
import { actorOf } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { paymentPayload } from '../payments/payments.service.js';
import { takeAction } from './dossiers.actions.js';
import { settingsOf } from './dossiers.clock.js';
import { renderForm, type FormNumber } from './dossiers.forms.js';
import { presentPublic, statusUrl } from './dossiers.present.js';
import { bundleMembers, byToken, changedDossiers, claimUploads, eventsOf, findDossier } from './dossiers.repo.js';
import {
  ApplicantActionInput,
  FormParams,
  IdempotencyHeaders,
  LookupQuery,
  PublicDossier,
  PublicSubmitInput,
  RatingInput,
  SubmitResult,
  TokenParams,
  UploadResult,
} from './dossiers.schemas.js';
import { communeByCode, submitDossier, type Submitted } from './dossiers.submit.js';
import { readUpload } from '../../lib/uploads.js';
import { checkDocument, storeFile } from './dossiers.uploads.js';

const publicErrors = { 400: Problem, 404: Problem, 409: Problem, 413: Problem, 429: Problem } as const;

export function submitResult(deps: AppDeps, result: Submitted) {
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

const notFoundDossier = () => notFound({ vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' });

/**
 * The citizen's side, no account needed: upload papers, submit, follow the dossier through its secret link (or code
 * plus the last 4 digits of the phone), withdraw or provide requested papers, print the receipt, rate the service.
 */
export function registerPublicDossiers(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher } = deps;
  const db = database.db;
  // Public writes are rate limited per client address: a form cannot be used to flood a commune with dossiers.
  const limited = {
    public: true,
    rateLimit: { max: deps.config.publicSubmitPerMinute, timeWindow: '1 minute' },
  } as const;

  r.get('/api/public/communes', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: 'Communes and wards that take dossiers (to choose where to submit)',
      security: [],
      querystring: z.object({ q: Text(100).optional() }),
      response: {
        200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }),
        ...publicErrors,
      },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      const rows = await db
        .select({ code: units.code, name: units.name })
        .from(units)
        .where(
          and(
            eq(units.tier, 'COMMUNE'),
            isNull(units.closedAt),
            request.query.q ? sql`${units.name} ilike ${`%${request.query.q}%`}` : undefined,
          ),
        )
        .orderBy(asc(units.name))
        .limit(200);
      return { items: rows };
    },
  });

  r.post('/api/public/uploads', {
    config: limited,
    schema: {
      tags: ['public'],
      summary: 'Upload one paper before submitting (PDF, JPEG or PNG up to 10 MB, checked by content)',
      security: [],
      consumes: ['multipart/form-data'],
      response: { 201: UploadResult, ...publicErrors },
    },
    handler: async (request, reply) => {
      const upload = await readUpload(request);
      const mime = await checkDocument(upload.buffer);
      const stored = await db.transaction((tx) => storeFile(tx, { ...upload, mime }, null));
      reply.status(201);
      return stored;
    },
  });

  r.post('/api/public/dossiers', {
    config: limited,
    schema: {
      tags: ['public'],
      summary: 'Submit a dossier online without an account; answers with the code, the status link and the receipt',
      security: [],
      headers: IdempotencyHeaders,
      body: PublicSubmitInput,
      response: { 201: SubmitResult, ...publicErrors },
    },
    handler: async (request, reply) => {
      const unit = await communeByCode(db, request.body.unitCode);
      // Signed in to a citizen account: the applicant is the account holder, and the dossier is filed under it.
      const citizen = await citizenOf(db, cipher, request);
      if (citizen) checkCitizenCsrf(request, citizen);
      const given = request.body.applicant;
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
      const result = await submitDossier(
        database,
        cipher,
        unit,
        { ...request.body, applicant },
        'ONLINE',
        { kind: 'APPLICANT', actor: actorOf(request), citizenId: citizen?.id },
        request.headers['idempotency-key'],
      );
      reply.status(201);
      return submitResult(deps, result);
    },
  });

  const publicView = async (request: FastifyRequest, token: string) => {
    const row = await findDossier(db, byToken(token));
    if (!row) throw notFoundDossier();
    const locale = requestLocale(request);
    const linked = (await bundleMembers(db, row.dossier.bundleId, row.dossier.id)).map((m) => ({
      code: m.code,
      procedureName: locale === 'en' ? m.nameEn : m.nameVi,
      status: m.status as PublicDossier['linked'][number]['status'],
    }));
    return presentPublic(row, await eventsOf(db, row.dossier.id), locale, linked);
  };

  // The status page is what every receipt's QR code opens, read far more often than it changes (a dossier moves a few
  // times over days): each process keeps the rendered page for 30 s, and forgets them all as soon as it changes any
  // dossier itself, so the applicant's own action always shows; a change made through another process shows within 30 s.
  const statusPages = ttlCache<string>({ ttlMs: 30_000, maxEntries: 20_000 });
  app.addHook('onResponse', async (request, reply) => {
    if (changedDossiers(request, reply)) statusPages.clear();
  });

  r.get('/api/public/dossiers/:token', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: "A dossier's status and timeline through its secret link (initials only, no personal data)",
      security: [],
      params: TokenParams,
      response: { 200: PublicDossier, ...publicErrors },
    },
    handler: async (request, reply) => {
      const key = `${requestLocale(request)}:${request.params.token}`;
      let body = statusPages.get(key);
      if (body === undefined) {
        body = JSON.stringify(PublicDossier.parse(await publicView(request, request.params.token)));
        statusPages.set(key, body);
      }
      reply.header('cache-control', 'no-store');
      // Already checked against the schema and serialised when it was cached.
      return reply.type('application/json; charset=utf-8').send(body as unknown as PublicDossier);
    },
  });

  r.get('/api/public/dossier-lookup', {
    config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'],
      summary: 'Find a dossier by its code and the last 4 digits of the phone given when submitting',
      security: [],
      querystring: LookupQuery,
      response: { 200: PublicDossier.extend({ token: z.string() }), ...publicErrors },
    },
    handler: async (request) => {
      const [row] = await db
        .select({ token: dossiers.lookupToken, phone: dossiers.applicantPhoneEnc })
        .from(dossiers)
        .where(eq(dossiers.code, request.query.code.toUpperCase()));
      // The same answer whether the code or the digits are wrong: the lookup tells nothing about which dossiers exist.
      if (!row?.phone || !cipher.decrypt(row.phone).endsWith(request.query.phoneLast4)) throw notFoundDossier();
      return { ...(await publicView(request, row.token)), token: row.token };
    },
  });

  r.post('/api/public/dossiers/:token/actions', {
    config: limited,
    schema: {
      tags: ['public'],
      summary: 'The applicant withdraws the dossier, or provides the papers asked for',
      security: [],
      params: TokenParams,
      body: ApplicantActionInput,
      response: { 200: PublicDossier, ...publicErrors },
    },
    handler: async (request) => {
      const { action, reason, uploads } = request.body;
      // The papers are claimed in the action's transaction: a supplement whose files are missing changes nothing.
      await takeAction(
        database,
        byToken(request.params.token),
        { action, reason },
        { kind: 'APPLICANT', actor: actorOf(request) },
        async (tx, dossierId) => {
          if ((await claimUploads(tx, dossierId, uploads)) !== uploads.length)
            throw conflict({
              vi: 'Có tệp đính kèm không tìm thấy hoặc đã được dùng',
              en: 'An attached file was not found or was already used',
            });
        },
      );
      return publicView(request, request.params.token);
    },
  });

  r.post('/api/public/dossiers/:token/rating', {
    config: limited,
    schema: {
      tags: ['public'],
      summary: 'Rate the service once the result is ready (satisfied / acceptable / unsatisfied)',
      security: [],
      params: TokenParams,
      body: RatingInput,
      response: { 200: PublicDossier, ...publicErrors },
    },
    handler: async (request) => {
      const updated = await db.transaction(async (tx) => {
        const rows = await tx
          .update(dossiers)
          .set({ rating: request.body.rating, ratingComment: request.body.comment ?? null, ratedAt: sql`now()` })
          .where(
            and(
              byToken(request.params.token),
              isNull(dossiers.rating),
              sql`${dossiers.status} in ('RESOLVED', 'RETURNED')`,
            ),
          )
          .returning({ id: dossiers.id });
        if (rows[0])
          await insertAudit(tx, actorOf(request), {
            action: 'dossier.rate',
            entityType: 'dossier',
            entityId: rows[0].id,
            details: { rating: request.body.rating },
          });
        return rows.length;
      });
      if (!updated) {
        const view = await publicView(request, request.params.token);
        throw new AppError(
          'CONFLICT',
          409,
          view.rating
            ? { vi: 'Hồ sơ này đã được đánh giá', en: 'This dossier has already been rated' }
            : { vi: 'Ông/bà có thể đánh giá khi đã có kết quả', en: 'You can rate once the result is ready' },
        );
      }
      return publicView(request, request.params.token);
    },
  });

  r.get('/api/public/dossiers/:token/forms/:form', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: 'Forms 01–05 (receipt, supplement request, refusal, apology, stop) as PDF',
      security: [],
      params: FormParams,
      response: { 200: z.any(), ...publicErrors },
    },
    handler: async (request, reply) => {
      const row = await findDossier(db, byToken(request.params.token));
      if (!row) throw notFoundDossier();
      const form = request.params.form as FormNumber;
      const events = await eventsOf(db, row.dossier.id);
      if (form !== '01' && !events.some((e) => e.formType === `MAU_${form}`))
        throw notFound({ vi: 'Hồ sơ này chưa có mẫu phiếu này', en: 'This dossier has no such form yet' });
      const [procedure] = await db
        .select({ documents: procedures.documents })
        .from(procedures)
        .where(eq(procedures.id, row.dossier.procedureId));
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `inline; filename="mau-${form}-${row.dossier.code}.pdf"`);
      const payload = form === '01' ? paymentPayload(await settingsOf(db, row.dossier.unitId), row.dossier) : null;
      return reply.send(
        await renderForm(
          form,
          row,
          events,
          procedure!.documents,
          statusUrl(deps.config.publicUrl, row.dossier.lookupToken),
          payload,
        ),
      );
    },
  });
}
