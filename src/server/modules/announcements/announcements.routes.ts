import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { contentTypes } from '../../lib/spreadsheet.js';
import { actorOf } from '../../lib/auth-context.js';
import {
  Announcement,
  AnnouncementInput,
  AnnouncementReach,
  AudienceSize,
  ReachTimeline,
  SendOutcome,
  ToVisitQuery,
} from './announcements.schemas.js';
import { Audience, audienceSize } from './audience.js';
import * as service from './announcements.service.js';
import { registerAttachments } from './attachments.routes.js';
import { registerChannelLimits } from './channel-limits.routes.js';
import { createSenders, pruneChannelUsage, registerDeliveries, wakeDeliveries } from './deliveries.js';
import { registerGroupChannels } from './groups.routes.js';
import { registerLoudspeaker } from './loudspeaker.routes.js';
import { registerPublicAnnouncements } from './public.routes.js';
import { reachOf, reachTimeline, toVisitSheet } from './reach.service.js';
import { CHANNELS, type Channel } from './senders.js';
import { registerDeliveryStatus } from './delivery-status.routes.js';
import { registerProviderCallbacks } from './callbacks.routes.js';
import { registerStaffGroups } from './staff-groups.routes.js';
import { registerTemplates } from './templates.routes.js';

/**
 * Announcements (issue 4), first part: write and target (the audience sized before sending), send (households
 * snapshotted), the in-app feed on the commune's public page, acknowledgement by a signed-in citizen, and the reach
 * per residential group with the households still to visit. Delivery over Zalo, SMS, email and push comes next.
 */
export function registerAnnouncements(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const db = database.db;
  const config = { permission: Permission.ANNOUNCEMENT_WRITE };
  const senders = createSenders(deps, (line) => app.log.warn(line));
  registerGroupChannels(app, deps, () => CHANNELS.filter((c) => senders[c]?.configured));
  // What an announcement carries beyond its text: attached files, the loudspeaker, internal staff groups to send
  // to, and each channel's provider limits.
  registerAttachments(app, deps);
  registerLoudspeaker(app, deps);
  registerStaffGroups(app, deps);
  registerChannelLimits(app, deps);
  registerProviderCallbacks(app, deps);
  registerDeliveries(app, deps, senders, async () => {
    await service.sendScheduled(database);
    await pruneChannelUsage(db);
  });
  registerTemplates(app, deps);
  const configured = (c: Channel) => !!senders[c]?.configured;
  registerDeliveryStatus(app, deps, configured);

  r.post('/api/announcements/audience', {
    config,
    schema: {
      tags: ['announcements'],
      summary:
        'Size of an audience (households and people, per residential group) inside your units, and how it will be reached (first channel per recipient)',
      body: Audience,
      response: { 200: AudienceSize, ...errorResponses },
    },
    handler: async (request) => audienceSize(db, request.scope!, request.body, configured),
  });

  r.post('/api/announcements', {
    config,
    schema: {
      tags: ['announcements'],
      summary: 'Write an announcement (a draft until sent); its formatting is sanitised',
      body: AnnouncementInput,
      response: { 201: Announcement, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.status(201);
      const { scope, body, auth } = request;
      const row = await service.createAnnouncement(database, scope!, body, auth!.user.id, actorOf(request));
      return service.presentAnnouncement(row);
    },
  });

  r.get('/api/announcements', {
    config,
    schema: {
      tags: ['announcements'],
      summary:
        "Announcements filed in your units, and those sent into them from above (`part`: you see your units' part), newest first",
      response: { 200: z.object({ items: z.array(Announcement) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: (await service.listAnnouncements(db, request.scope!)).map((a) =>
        service.presentAnnouncement(a.row, a.whole),
      ),
    }),
  });

  r.post('/api/announcements/:id/send', {
    config,
    schema: {
      tags: ['announcements'],
      summary:
        'Send (or schedule, when its time is ahead): resolve the audience, keep the households it went to, queue one message per household on its first channel',
      params: IdParams,
      response: { 200: SendOutcome, ...errorResponses },
    },
    handler: async (request) => {
      const result = await service.sendAnnouncement(database, request.scope!, request.params.id, actorOf(request));
      wakeDeliveries(deps);
      return result;
    },
  });

  r.get('/api/announcements/:id/audience', {
    config,
    schema: {
      tags: ['announcements'],
      summary:
        'How a saved draft would go out if sent now: households and people, and the split by first channel (to confirm before sending)',
      params: IdParams,
      response: { 200: AudienceSize, ...errorResponses },
    },
    handler: async (request) => service.draftAudience(db, request.scope!, request.params.id, configured),
  });

  r.post('/api/announcements/:id/cancel', {
    config,
    schema: {
      tags: ['announcements'],
      summary: 'Cancel a draft or a scheduled announcement',
      params: IdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await service.cancelAnnouncement(database, request.scope!, request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/announcements/:id/reach/timeline', {
    config,
    schema: {
      tags: ['announcements'],
      summary: 'Households reached, read and acknowledged over time (cumulative, per hour)',
      params: IdParams,
      response: { 200: ReachTimeline, ...errorResponses },
    },
    handler: async (request) => reachTimeline(db, request.scope!, request.params.id),
  });

  r.get('/api/announcements/:id/reach', {
    config,
    schema: {
      tags: ['announcements'],
      summary:
        "Reach per residential group and the households not yet reached, for the digital team (your units' part of an announcement filed above them)",
      params: IdParams,
      response: { 200: AnnouncementReach, ...errorResponses },
    },
    handler: async (request) => reachOf(db, request.scope!, request.params.id),
  });

  r.get('/api/announcements/:id/to-visit', {
    config,
    schema: {
      tags: ['announcements'],
      summary:
        "The households to visit (not reached, or not acknowledged), with the head's phone, as .xlsx or .csv for the digital team",
      params: IdParams,
      querystring: ToVisitQuery,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const sheet = await toVisitSheet(deps, request.scope!, request.params.id, request.query, actorOf(request));
      reply.header('content-type', contentTypes[request.query.format]);
      reply.header('content-disposition', `attachment; filename="${sheet.fileName}"`);
      return reply.send(sheet.content);
    },
  });

  registerPublicAnnouncements(app, deps);
}
