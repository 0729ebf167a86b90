import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, AppDeps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { IdParams, Problem } from '../../lib/http.js';
import { checkCitizenCsrf, citizenOf } from '../citizens/citizens.service.js';
import {
  AnnouncementFeed,
  CommuneCodeParams,
  HouseholdLinkInput,
  OpenedAnnouncement,
} from './announcements.schemas.js';
import { acknowledge, markRead, openAnnouncement, publicFeed, type HouseholdLink } from './public.service.js';

/** The household's signed link as the service reads it. */
const linkOf = (l: { h: number; t: string }): HouseholdLink => ({ householdId: l.h, token: l.t });

/**
 * Announcements for citizens, without a staff login: a commune's public feed, one announcement opened (a public one,
 * or a household's own by its signed link), and the household's "read" and acknowledgement.
 */
export function registerPublicAnnouncements(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher } = deps;
  const db = database.db;
  const limited = { public: true, rateLimit: { max: deps.config.publicSubmitPerMinute, timeWindow: '1 minute' } };

  /** The citizen signed in on this request, with the CSRF check a change needs (401 when nobody is signed in). */
  async function signedInCitizen(request: FastifyRequest) {
    const citizen = await citizenOf(db, cipher, request);
    if (!citizen)
      throw new AppError('UNAUTHENTICATED', 401, {
        vi: 'Vui lòng đăng nhập tài khoản công dân',
        en: 'Please sign in to your citizen account',
      });
    checkCitizenCsrf(request, citizen);
    return {
      id: citizen.id,
      phoneBidx: cipher.blindIndex(citizen.phone, 'phone'),
      personalIdBidx: cipher.blindIndex(citizen.personalId, 'pid'),
    };
  }

  r.get('/api/public/communes/:code/announcements', {
    config: { public: true },
    schema: {
      tags: ['announcements'],
      summary: "A commune's public announcements (no login)",
      security: [],
      params: CommuneCodeParams,
      response: { 200: AnnouncementFeed, 400: Problem, 404: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return publicFeed(db, request.params.code);
    },
  });

  r.get('/api/public/announcements/:id', {
    config: { public: true },
    schema: {
      tags: ['announcements'],
      summary: "Open an announcement: a public one, or the one a household's signed link points to",
      security: [],
      params: IdParams,
      querystring: HouseholdLinkInput.partial(),
      response: { 200: OpenedAnnouncement, 400: Problem, 404: Problem, 429: Problem },
    },
    handler: async (request) => {
      const { h, t } = request.query;
      return openAnnouncement(deps, request.params.id, h && t ? linkOf({ h, t }) : undefined);
    },
  });

  r.post('/api/public/announcements/:id/read', {
    config: limited,
    schema: {
      tags: ['announcements'],
      summary: 'Record that a household opened its announcement (the page posts this when shown)',
      security: [],
      params: IdParams,
      body: HouseholdLinkInput,
      response: { 204: z.null(), 400: Problem, 404: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      await markRead(deps, request.params.id, linkOf(request.body));
      return reply.status(204).send(null);
    },
  });

  r.post('/api/public/announcements/:id/ack', {
    config: limited,
    schema: {
      tags: ['announcements'],
      summary: "Acknowledge for a household: with the household's signed link, or signed in as a citizen",
      security: [],
      params: IdParams,
      body: HouseholdLinkInput.nullish(),
      response: { 204: z.null(), 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      if (request.body) await markRead(deps, request.params.id, linkOf(request.body), true);
      else await acknowledge(database, request.params.id, await signedInCitizen(request));
      return reply.status(204).send(null);
    },
  });
}
