import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CLIENT_ID_COOKIE } from '../../../shared/onestop.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { Problem } from '../../lib/http.js';
import { requestLocale } from '../../lib/locale.js';
import { ttlCache } from '../../lib/ttl-cache.js';
import { readUpload } from '../../lib/uploads.js';
import { checkCitizenCsrf, citizenOf } from '../citizens/citizens.service.js';
import type { FormNumber } from './dossiers.forms.js';
import {
  applicantAction,
  formPdf,
  listPublicCommunes,
  lookupToken,
  publicView,
  rateDossier,
  submitOnline,
  submitResult,
} from './dossiers.public.js';
import { changedDossiers } from './dossiers.repo.js';
import {
  ApplicantActionInput,
  FormParams,
  IdempotencyHeaders,
  LookupQuery,
  PublicCommunes,
  PublicCommunesQuery,
  PublicDossier,
  PublicSubmitInput,
  RatingInput,
  SubmitResult,
  TokenParams,
  UploadResult,
} from './dossiers.schemas.js';
import { checkDocument, storeFile } from './dossiers.uploads.js';

const publicErrors = { 400: Problem, 404: Problem, 409: Problem, 413: Problem, 422: Problem, 429: Problem } as const;

/** The browser's client id (a random value the web app keeps in a cookie): whose idempotency keys these are. */
const clientIdOf = (request: FastifyRequest) => {
  const value = request.cookies[CLIENT_ID_COOKIE];
  return value && /^[A-Za-z0-9_-]{16,100}$/.test(value) ? value : undefined;
};

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
      querystring: PublicCommunesQuery,
      response: { 200: PublicCommunes, ...publicErrors },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { items: await listPublicCommunes(db, request.query.q) };
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
      const citizen = await citizenOf(db, cipher, request);
      if (citizen) checkCitizenCsrf(request, citizen);
      const retry = { key: request.headers['idempotency-key'], clientId: clientIdOf(request) };
      const result = await submitOnline(deps, request.body, citizen, actorOf(request), retry);
      return reply.status(201).send(submitResult(deps, result));
    },
  });

  const view = (request: FastifyRequest, token: string) => publicView(db, token, requestLocale(request));

  // The status page is what every receipt's QR code opens, read far more often than it changes (a dossier moves a few
  // times over days): each process keeps the rendered page for 30 s, and forgets them all as soon as it changes any
  // dossier itself, so the applicant's own action always shows; a change made through another process shows within 30
  // s.
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
        body = JSON.stringify(PublicDossier.parse(await view(request, request.params.token)));
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
      const token = await lookupToken(db, cipher, request.query.code, request.query.phoneLast4);
      return { ...(await view(request, token)), token };
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
      await applicantAction(database, request.params.token, request.body, actorOf(request));
      return view(request, request.params.token);
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
      await rateDossier(database, request.params.token, request.body, actorOf(request));
      return view(request, request.params.token);
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
      const { pdf, fileName } = await formPdf(deps, request.params.token, request.params.form as FormNumber);
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `inline; filename="${fileName}"`);
      return reply.send(pdf);
    },
  });
}
