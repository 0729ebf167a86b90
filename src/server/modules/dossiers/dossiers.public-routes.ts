import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CLIENT_ID_COOKIE } from '../../../shared/onestop.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { Problem } from '../../lib/http.js';
import { citizenLanguage } from '../../lib/locale.js';
import { createSmsSender } from '../../lib/sms.js';
import { ttlCache } from '../../lib/ttl-cache.js';
import { readUpload } from '../../lib/uploads.js';
import { checkCitizenCsrf, citizenOf } from '../citizens/citizens.service.js';
import {
  APPLICANT_COOKIE,
  type ApplicantProof,
  forgetProof,
  type IssuedProof,
  PROOF_MINUTES,
  proofPath,
  proveWithCode,
  sendApplicantCode,
  viewerOf,
} from './dossiers.applicant.js';
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
  CodeSent,
  FormParams,
  IdempotencyHeaders,
  LookupQuery,
  ProofInput,
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

const publicErrors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  422: Problem,
  429: Problem,
  503: Problem,
} as const;

/** The browser's client id (a random value the web app keeps in a cookie): whose idempotency keys these are. */
const clientIdOf = (request: FastifyRequest) => {
  const value = request.cookies[CLIENT_ID_COOKIE];
  return value && /^[A-Za-z0-9_-]{16,100}$/.test(value) ? value : undefined;
};

/**
 * The citizen's side, no account needed: upload papers, submit, follow the dossier through its secret link (or code
 * plus the last 4 digits of the phone). Changing it — withdrawing, providing requested papers, rating — and
 * downloading its forms need proof of being the applicant: the account that filed it, or a code sent by SMS to the
 * phone on file (dossiers.applicant.ts).
 */
export function registerPublicDossiers(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher, config } = deps;
  const db = database.db;
  const sms = createSmsSender(config, (line) => app.log.warn(line));
  // Public writes are rate limited per client address: a form cannot be used to flood a commune with dossiers.
  const limited = {
    public: true,
    rateLimit: { max: config.publicSubmitPerMinute, timeWindow: '1 minute' },
  } as const;
  // Codes cost an SMS each: per address, the per-minute form limit an hour (30 by default: one address can be a
  // whole commune office or a carrier's shared address), on top of the database's 3 an hour per phone and per
  // dossier. Checking a code: a third of the form limit a minute (each code also burns after 5 wrong tries).
  const codeLimited = {
    public: true,
    rateLimit: { max: config.publicSubmitPerMinute, timeWindow: '1 hour' },
  } as const;
  const proofLimited = {
    public: true,
    rateLimit: { max: Math.max(1, Math.floor(config.publicSubmitPerMinute / 3)), timeWindow: '1 minute' },
  } as const;
  const setProof = (request: FastifyRequest, reply: FastifyReply, proof: IssuedProof) =>
    reply.setCookie(APPLICANT_COOKIE, proof.token, {
      // Sent only with this dossier's requests: a proof opens one dossier.
      path: proofPath(proof.dossierToken),
      httpOnly: true,
      sameSite: 'strict',
      maxAge: PROOF_MINUTES * 60,
      secure: config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure === 'true',
    });

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
      const { result, proofs } = await submitOnline(
        deps,
        request.body,
        citizen,
        actorOf(request),
        retry,
        citizenLanguage(request),
      );
      for (const proof of proofs) setProof(request, reply, proof);
      return reply.status(201).send(submitResult(deps, result));
    },
  });

  const view = (request: FastifyRequest, token: string, applicant: ApplicantProof | null = null) =>
    publicView(db, cipher, token, citizenLanguage(request), applicant);

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
      summary:
        "A dossier's status and timeline through its secret link (initials only); the staff's reasons only to its " +
        'proven applicant',
      security: [],
      params: TokenParams,
      response: { 200: PublicDossier, ...publicErrors },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      // The applicant (proof cookie, or the filing account) sees the reasons: built for them, never cached.
      const applicant = await viewerOf(db, cipher, request, request.params.token);
      if (applicant) return view(request, request.params.token, applicant);
      const key = `${citizenLanguage(request)}:${request.params.token}`;
      let body = statusPages.get(key);
      if (body === undefined) {
        body = JSON.stringify(PublicDossier.parse(await view(request, request.params.token)));
        statusPages.set(key, body);
      }
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
      const token = await lookupToken(database, cipher, request.query.code, request.query.phoneLast4);
      return { ...(await view(request, token)), token };
    },
  });

  r.post('/api/public/dossiers/:token/proof-code', {
    config: codeLimited,
    schema: {
      tags: ['public'],
      summary:
        "Send a 6-digit code by SMS to the applicant's phone on file (never another number) to prove being the " +
        'applicant; 3 an hour per phone and per dossier',
      security: [],
      params: TokenParams,
      response: { 202: CodeSent, ...publicErrors },
    },
    handler: async (request, reply) => {
      const { phoneEnding } = await sendApplicantCode(deps, sms, request.params.token, actorOf(request));
      return reply.status(202).send({ sent: true as const, phoneEnding, minutes: 10 });
    },
  });

  r.post('/api/public/dossiers/:token/proof', {
    config: proofLimited,
    schema: {
      tags: ['public'],
      summary: 'Check the code sent by SMS: a 30-minute proof of being the applicant, for this dossier only (cookie)',
      security: [],
      params: TokenParams,
      body: ProofInput,
      response: { 200: PublicDossier, ...publicErrors },
    },
    handler: async (request, reply) => {
      const proof = await proveWithCode(database, request.params.token, request.body.code, actorOf(request));
      setProof(request, reply, proof);
      return view(request, request.params.token, { via: 'CODE', until: proof.expiresAt, citizenId: null });
    },
  });

  r.delete('/api/public/dossiers/:token/proof', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: 'End the proof of being the applicant on this device before its 30 minutes (a shared phone)',
      security: [],
      params: TokenParams,
      response: { 204: z.null(), ...publicErrors },
    },
    handler: async (request, reply) => {
      await forgetProof(db, request.params.token, request.cookies[APPLICANT_COOKIE]);
      reply.clearCookie(APPLICANT_COOKIE, { path: proofPath(request.params.token) });
      return reply.status(204).send(null);
    },
  });

  r.post('/api/public/dossiers/:token/actions', {
    config: limited,
    schema: {
      tags: ['public'],
      summary: 'The proven applicant withdraws the dossier, or provides the papers asked for',
      security: [],
      params: TokenParams,
      body: ApplicantActionInput,
      response: { 200: PublicDossier, ...publicErrors },
    },
    handler: async (request) => {
      const { token } = request.params;
      return view(request, token, await applicantAction(deps, request, token, request.body, actorOf(request)));
    },
  });

  r.post('/api/public/dossiers/:token/rating', {
    config: limited,
    schema: {
      tags: ['public'],
      summary: 'The proven applicant rates the service once the result is ready (satisfied / acceptable / unsatisfied)',
      security: [],
      params: TokenParams,
      body: RatingInput,
      response: { 200: PublicDossier, ...publicErrors },
    },
    handler: async (request) => {
      const { token } = request.params;
      return view(request, token, await rateDossier(deps, request, token, request.body, actorOf(request)));
    },
  });

  r.get('/api/public/dossiers/:token/forms/:form', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary:
        'Forms 01–05 (receipt, supplement request, refusal, apology, stop) as PDF, for the proven applicant or staff ' +
        'who may read the dossier (audited)',
      security: [],
      params: FormParams,
      response: { 200: z.any(), ...publicErrors },
    },
    handler: async (request, reply) => {
      const { token, form } = request.params;
      const { pdf, fileName } = await formPdf(deps, request, token, form as FormNumber, actorOf(request));
      reply.header('cache-control', 'private, no-store');
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `inline; filename="${fileName}"`);
      return reply.send(pdf);
    },
  });
}
