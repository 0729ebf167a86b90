import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { errorResponses, IdParams, Problem } from '../../lib/http.js';
import { Broadcast, BroadcastStatusParams, PlanBroadcastsInput } from './announcements.schemas.js';
import {
  broadcastsOf,
  getBulletin,
  markBroadcast,
  planBroadcasts,
  printBulletin,
  speakBulletin,
} from './loudspeaker.js';

/** The loudspeaker: planned broadcasts of an announcement, the printable script, and a speech file. */
export function registerLoudspeaker(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const config = { permission: Permission.ANNOUNCEMENT_WRITE };

  r.post('/api/announcements/:id/broadcasts', {
    config,
    schema: {
      tags: ['loudspeaker'],
      summary: "Plan loudspeaker broadcasts: a group's (or the commune's) speakers, at set times",
      params: IdParams,
      body: PlanBroadcastsInput,
      response: { 201: z.object({ items: z.array(Broadcast) }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const items = await planBroadcasts(db, request.scope!, request.params.id, request.body, actorOf(request));
      reply.status(201);
      return { items };
    },
  });

  r.get('/api/announcements/:id/broadcasts', {
    config,
    schema: {
      tags: ['loudspeaker'],
      summary: 'The broadcast schedule of an announcement',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Broadcast) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await broadcastsOf(db, request.scope!, request.params.id) }),
  });

  r.post('/api/announcements/:id/broadcasts/:broadcastId/:status', {
    config,
    schema: {
      tags: ['loudspeaker'],
      summary: 'Mark a planned broadcast aired or cancelled',
      params: BroadcastStatusParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { id, broadcastId, status } = request.params;
      await markBroadcast(db, request.scope!, id, broadcastId, status === 'aired' ? 'AIRED' : 'CANCELLED');
      return reply.status(204).send(null);
    },
  });

  r.get('/api/announcements/:id/bulletin.pdf', {
    config,
    schema: {
      tags: ['loudspeaker'],
      summary: 'The printable script to read on the loudspeakers, with the schedule',
      params: IdParams,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const pdf = await printBulletin(db, request.scope!, request.params.id, actorOf(request));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="ban-tin-${request.params.id}.pdf"`)
        .send(pdf);
    },
  });

  r.get('/api/announcements/:id/audio.wav', {
    config,
    schema: {
      tags: ['loudspeaker'],
      summary: 'The announcement read aloud in Vietnamese (WAV, espeak-ng); 503 when the server has no synthesiser',
      params: IdParams,
      response: { 200: z.any(), ...errorResponses, 503: Problem },
    },
    handler: async (request, reply) => {
      const bulletin = await getBulletin(db, request.scope!, request.params.id);
      return reply
        .type('audio/wav')
        .header('content-disposition', `attachment; filename="thong-bao-${request.params.id}.wav"`)
        .send(await speakBulletin(bulletin, deps.config.espeakPath));
    },
  });
}
