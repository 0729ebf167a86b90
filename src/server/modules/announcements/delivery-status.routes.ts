import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { listChannelStates } from './channel-limits.service.js';
import { wakeDeliveries } from './deliveries.js';
import {
  ChannelState,
  DeliveryListQuery,
  DeliveryOverview,
  DeliveryPage,
  RetryInput,
  RetryResult,
} from './delivery-status.schemas.js';
import { deliveryOverview, listDeliveries, retryDeliveries } from './delivery-status.service.js';
import type { Channel } from './senders.js';

/**
 * Every delivery visible (issue 14 §4): an announcement's messages per channel and reason, the messages behind each
 * count, a retry of failed ones, and each provider's state. `configured` says which providers have an account.
 */
export function registerDeliveryStatus(app: App, deps: AppDeps, configured: (c: Channel) => boolean) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const config = { permission: Permission.ANNOUNCEMENT_WRITE };

  r.get('/api/announcements/:id/deliveries', {
    config,
    schema: {
      tags: ['announcements'],
      summary:
        'Messages per channel: queued, with the provider, delivered, failed, and why; the channels each recipient went through; how many a retry would reach',
      params: IdParams,
      response: { 200: DeliveryOverview, ...errorResponses },
    },
    handler: async (request) => deliveryOverview(db, request.scope!, request.params.id, configured),
  });

  r.get('/api/announcements/:id/deliveries/messages', {
    config,
    schema: {
      tags: ['announcements'],
      summary: 'The messages behind a count (by state, channel, reason), each with its recipient and chain of channels',
      params: IdParams,
      querystring: DeliveryListQuery,
      response: { 200: DeliveryPage, ...errorResponses },
    },
    handler: async (request) => listDeliveries(db, request.scope!, request.params.id, request.query),
  });

  r.post('/api/announcements/:id/deliveries/retry', {
    config,
    schema: {
      tags: ['announcements'],
      summary:
        'Send again the last message of recipients whose every message failed (409 when the reason is permanent: unsubscribed, refused, expired)',
      params: IdParams,
      body: RetryInput,
      response: { 200: RetryResult, ...errorResponses },
    },
    handler: async (request) => {
      const result = await retryDeliveries(db, request.scope!, request.params.id, request.body, actorOf(request));
      wakeDeliveries(deps);
      return result;
    },
  });

  r.get('/api/channels', {
    config,
    schema: {
      tags: ['announcements'],
      summary:
        "Each channel's provider: configured or not, last success, last error (time and message), today's use against its limit",
      response: { 200: z.object({ items: z.array(ChannelState) }), ...errorResponses },
    },
    handler: async () => ({ items: await listChannelStates(db, configured) }),
  });
}
