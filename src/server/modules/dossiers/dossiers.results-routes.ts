import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { contentDisposition } from '../../lib/downloads.js';
import { Id, Problem } from '../../lib/http.js';
import { ShipmentStatus } from '../counter/counter.schemas.js';
import { byToken, getDossier } from './dossiers.repo.js';
import { downloadResult, resultsFor, trackingOf } from './dossiers.results.js';
import { TokenParams } from './dossiers.schemas.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 429: Problem } as const;

const Results = z
  .object({
    /** Returned electronically: the files below are the citizen's to download. */
    ready: z.boolean(),
    items: z.array(
      z.object({
        id: z.number().int(),
        fileName: z.string(),
        size: z.number().int(),
        /** Signed and short-lived (10 minutes): asks for no cookie, so it opens in any browser or app. */
        url: z.string(),
        expiresAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'DossierResults' });

const Tracking = z
  .object({
    items: z.array(
      z.object({ carrier: z.string(), trackingNumber: z.string(), status: ShipmentStatus, createdAt: z.string() }),
    ),
  })
  .meta({ id: 'DossierTracking' });

/** The citizen's side of the result: the electronic result's download, the postal return's tracking number. */
export function registerDossierResults(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get('/api/public/dossiers/:token/results', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary:
        "The electronic result's files, each with a signed 10-minute download link, for the proven applicant once " +
        'the dossier was returned online',
      security: [],
      params: TokenParams,
      response: { 200: Results, ...errors },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return resultsFor(deps, request, request.params.token);
    },
  });

  r.get('/api/public/results/:fileId', {
    // No route limit of its own: a forged link costs one HMAC and reads nothing.
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: 'Download an electronic result through its signed link (audited)',
      security: [],
      params: z.object({ fileId: Id }),
      querystring: z.object({
        /** Unix seconds, as digits (a string: no 32-bit cap, no 2038). */
        expires: z.string().regex(/^\d{1,12}$/),
        sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
      }),
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const { expires, sig } = request.query;
      const link = { fileId: request.params.fileId, expires: Number(expires), sig };
      const file = await downloadResult(deps, link, actorOf(request));
      reply.header('cache-control', 'private, no-store');
      reply.header('content-type', file.mime);
      reply.header('content-disposition', contentDisposition('attachment', file.fileName));
      return reply.send(file.content);
    },
  });

  r.get('/api/public/dossiers/:token/shipments', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: 'Where a result sent by post is: carrier, tracking number and status of each outgoing shipment',
      security: [],
      params: TokenParams,
      response: { 200: Tracking, ...errors },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { dossier } = await getDossier(db, byToken(request.params.token));
      return { items: await trackingOf(db, dossier.id) };
    },
  });
}
