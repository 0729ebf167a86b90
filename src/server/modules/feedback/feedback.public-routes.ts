import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CLIENT_ID_COOKIE } from '../../../shared/onestop.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { contentDisposition } from '../../lib/downloads.js';
import { validation } from '../../lib/errors.js';
import { Problem } from '../../lib/http.js';
import { qrImage } from '../../lib/pdf.js';
import { citizenLanguage } from '../../lib/locale.js';
import { checkCitizenCsrf, citizenOf } from '../citizens/citizens.service.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, sniffPhoto } from './feedback.photos.js';
import { getPublicFile, getQa, listQa } from './feedback.public-qa.js';
import {
  addCitizenMessage,
  feedbackForm,
  type Photo,
  publicTicket,
  rateTicket,
  reopenTicket,
  submitFeedback,
} from './feedback.public.js';
import {
  CodeParams,
  FeedbackForm,
  FeedbackSubmitted,
  FeedbackTokenParams,
  IdempotencyHeaders,
  LangQuery,
  MessageInput,
  PublicFileParams,
  PublicTicket,
  QaItem,
  QaPage,
  QaParams,
  QaQuery,
  RatingInput,
  ReopenInput,
} from './feedback.public.schemas.js';

const publicErrors = {
  400: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  429: Problem,
  503: Problem,
} as const;
const Done = z.object({ ok: z.literal(true) });

const clientIdOf = (request: FastifyRequest) => {
  const value = request.cookies[CLIENT_ID_COOKIE];
  return value && /^[A-Za-z0-9_-]{16,100}$/.test(value) ? value : undefined;
};

/** The ask form's multipart body: its text fields and up to three photos, each read under the size limit. */
async function readSubmission(request: FastifyRequest) {
  if (!request.isMultipart()) {
    throw validation([
      {
        field: 'body',
        code: 'REQUIRED',
        message: { vi: 'Hãy gửi biểu mẫu dạng multipart/form-data', en: 'Send the form as multipart/form-data' },
      },
    ]);
  }
  const fields: Record<string, string> = {};
  const photos: Photo[] = [];
  const parts = request.parts({ limits: { files: MAX_PHOTOS, fileSize: MAX_PHOTO_BYTES, fields: 20 } });
  for await (const part of parts) {
    if (part.type === 'file') {
      const file = part as MultipartFile;
      const content = await file.toBuffer();
      // A file box left empty still sends a part with no name and no bytes.
      if (file.fieldname !== 'photos' || (content.length === 0 && !file.filename)) continue;
      const mimeType = await sniffPhoto(content);
      photos.push({ fileName: (file.filename || 'photo').slice(0, 200), mimeType, content });
    } else {
      const value = (part as MultipartValue).value;
      if (typeof value === 'string') fields[part.fieldname] = value;
    }
  }
  return { fields, photos };
}

/**
 * The citizen's side of feedback (PAKN), no account needed: the ask form and sending it, the status page behind the
 * ticket's secret link (rating, reopening, writing again), and the commune's "Hỏi đáp" of published answers.
 */
export function registerPublicFeedback(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher, config } = deps;
  const db = database.db;
  const limited = { public: true, rateLimit: { max: config.publicSubmitPerMinute, timeWindow: '1 minute' } } as const;

  r.get('/api/public/communes/:code/feedback/form', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: "A commune's feedback form: its categories (in the reader's language) and its groups and alleys",
      security: [],
      params: CodeParams,
      querystring: LangQuery,
      response: { 200: FeedbackForm, ...publicErrors },
    },
    handler: async (request) => {
      const citizen = await citizenOf(db, cipher, request);
      return feedbackForm(db, request.params.code, citizenLanguage(request), Boolean(citizen));
    },
  });

  r.post('/api/public/communes/:code/feedback', {
    config: limited,
    schema: {
      tags: ['public'],
      summary:
        'Send a question or report (multipart: fields and up to 3 photos); answers with its code and status link',
      security: [],
      consumes: ['multipart/form-data'],
      params: CodeParams,
      headers: IdempotencyHeaders,
      response: { 201: FeedbackSubmitted, ...publicErrors, 403: Problem },
    },
    handler: async (request, reply) => {
      const citizen = await citizenOf(db, cipher, request);
      if (citizen) checkCitizenCsrf(request, citizen);
      const { fields, photos } = await readSubmission(request);
      const actor = actorOf(request);
      const key = request.headers['idempotency-key'];
      const result = await submitFeedback(deps, request.params.code, {
        fields,
        photos,
        citizen,
        actor,
        retry: key ? { key, scope: `web:${clientIdOf(request) ?? actor.ip}` } : undefined,
        language: citizenLanguage(request),
      });
      return reply.status(201).send(result);
    },
  });

  r.get('/api/public/feedback/:token', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: "A report's status page through its secret link: status, deadline, public journal, answer",
      security: [],
      params: FeedbackTokenParams,
      querystring: LangQuery,
      response: { 200: PublicTicket, ...publicErrors },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return publicTicket(db, request.params.token, citizenLanguage(request));
    },
  });

  r.get('/api/public/feedback/:token/qr', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: "QR code (SVG) opening a report's status page, shown after sending it",
      security: [],
      params: FeedbackTokenParams,
      response: { 200: z.any(), ...publicErrors },
    },
    handler: async (request, reply) => {
      // Only for a link that exists: a QR code is no oracle for guessed tokens, but nor should it draw them.
      await publicTicket(db, request.params.token, 'vi');
      reply.header('content-type', 'image/svg+xml').header('cache-control', 'private, max-age=3600');
      return reply.send(await qrImage(`${config.publicUrl}/q/${request.params.token}`, 'svg'));
    },
  });

  r.post('/api/public/feedback/:token/rating', {
    config: limited,
    schema: {
      tags: ['public'],
      summary: 'Rate the answer: satisfied or not, with a comment',
      security: [],
      params: FeedbackTokenParams,
      body: RatingInput,
      response: { 200: Done, ...publicErrors },
    },
    handler: async (request) => rateTicket(deps, request.params.token, request.body, actorOf(request)),
  });

  r.post('/api/public/feedback/:token/reopen', {
    config: limited,
    schema: {
      tags: ['public'],
      summary: "Reopen an answered report within the commune's reopening window, with a reason",
      security: [],
      params: FeedbackTokenParams,
      body: ReopenInput,
      response: { 200: Done, ...publicErrors },
    },
    handler: async (request) => reopenTicket(deps, request.params.token, request.body.reason, actorOf(request)),
  });

  r.post('/api/public/feedback/:token/messages', {
    config: limited,
    schema: {
      tags: ['public'],
      summary: 'Write again about an open report (shown in its journal)',
      security: [],
      params: FeedbackTokenParams,
      body: MessageInput,
      response: { 200: Done, ...publicErrors },
    },
    handler: async (request) => addCitizenMessage(deps, request.params.token, request.body.body, actorOf(request)),
  });

  r.get('/api/public/communes/:code/qa', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: '"Hỏi đáp": published questions and answers, searched without accents, by category and group',
      security: [],
      params: CodeParams,
      querystring: QaQuery,
      response: { 200: QaPage, ...publicErrors },
    },
    handler: async (request) => listQa(db, request.params.code, request.query, citizenLanguage(request)),
  });

  r.get('/api/public/communes/:code/qa/:id', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: 'One published question and its answer',
      security: [],
      params: QaParams,
      querystring: LangQuery,
      response: { 200: QaItem, ...publicErrors },
    },
    handler: async (request) => getQa(db, request.params.code, request.params.id, citizenLanguage(request)),
  });

  r.get('/api/public/feedback/files/:id', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: 'A public file of a published question (an officer chose to show it)',
      security: [],
      params: PublicFileParams,
      response: { 200: z.any(), ...publicErrors },
    },
    handler: async (request, reply) => {
      const file = await getPublicFile(db, request.params.id);
      return reply
        .type(file.mimeType)
        .header('content-disposition', contentDisposition('attachment', file.fileName))
        .header('cache-control', 'public, max-age=300')
        .send(file.content);
    },
  });
}
