import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { errorResponses } from '../../lib/http.js';
import { ChannelLimit, ChannelLimitsInput, ChannelParams } from './announcements.schemas.js';
import { listChannelLimits, setChannelLimits } from './channel-limits.service.js';

/** Each channel's provider limits: read by announcement writers, set by those who manage the channels. */
export function registerChannelLimits(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get('/api/channels/limits', {
    config: { permission: Permission.ANNOUNCEMENT_WRITE },
    schema: {
      tags: ['announcements'],
      summary: "Each channel's provider limits (messages a minute and a day)",
      response: { 200: z.object({ items: z.array(ChannelLimit) }), ...errorResponses },
    },
    handler: async () => ({ items: await listChannelLimits(db) }),
  });

  r.put('/api/channels/limits/:channel', {
    config: { permission: Permission.CHANNEL_MANAGE },
    schema: {
      tags: ['announcements'],
      summary: "Set a channel's limits from the provider's contract",
      params: ChannelParams,
      body: ChannelLimitsInput,
      response: { 200: ChannelLimit, ...errorResponses },
    },
    handler: async (request) => setChannelLimits(db, request.params.channel, request.body, actorOf(request)),
  });
}
