import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { errorResponses, Id, IdParams, Problem, Text } from '../../lib/http.js';
import { contentTypes, streamSheet, type SheetColumn } from '../../lib/spreadsheet.js';
import { actorOf } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { formatPhone } from '../../../shared/phone.js';
import { checkCitizenCsrf, citizenOf } from '../citizens/citizens.service.js';
import { Audience, audienceSize } from './audience.js';
import * as service from './announcements.service.js';
import { registerAttachments } from './attachments.routes.js';
import { registerChannelLimits } from './channel-limits.routes.js';
import { createSenders, pruneChannelUsage, registerDeliveries, wakeDeliveries } from './deliveries.js';
import { registerGroupChannels } from './groups.routes.js';
import { registerLoudspeaker } from './loudspeaker.routes.js';
import { CHANNELS } from './senders.js';
import { registerProviderCallbacks } from './callbacks.routes.js';
import { registerStaffGroups } from './staff-groups.routes.js';
import { registerTemplates } from './templates.routes.js';

const AudienceSize = z
  .object({
    households: z.number().int(),
    people: z.number().int(),
    groups: z.array(
      z.object({ unitId: z.number().int(), name: z.string(), households: z.number().int(), people: z.number().int() }),
    ),
  })
  .meta({ id: 'AudienceSize' });
const Category = z.enum(['POLICY', 'HEALTH', 'CAMPAIGN', 'EMERGENCY', 'EVENT', 'PROCEDURE']);
const Priority = z.enum(['NORMAL', 'HIGH', 'URGENT']);
const AnnouncementInput = z
  .object({
    title: Text(200).min(3),
    body: z.string().max(20_000).min(1),
    category: Category,
    priority: Priority.default('NORMAL'),
    audience: Audience,
    isPublic: z.boolean().default(false),
    ackRequested: z.boolean().default(false),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    /** Goes out by itself at this time (the audience is resolved then). */
    scheduledAt: z.iso.datetime({ offset: true }).optional(),
    translations: z
      .object({ en: z.object({ title: Text(200).min(3), body: z.string().max(20_000).min(1) }).optional() })
      .default({}),
  })
  .refine((a) => !a.expiresAt || !a.scheduledAt || a.expiresAt > a.scheduledAt, {
    path: ['expiresAt'],
    message: 'The expiry must come after the scheduled time',
  });
const Announcement = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    title: z.string(),
    bodyHtml: z.string(),
    category: Category,
    priority: Priority,
    isPublic: z.boolean(),
    ackRequested: z.boolean(),
    status: z.enum(['DRAFT', 'SCHEDULED', 'SENT', 'CANCELLED']),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    scheduledAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    languages: z.array(z.string()),
  })
  .meta({ id: 'Announcement' });
const Opened = z
  .object({
    id: z.number().int(),
    title: z.string(),
    bodyHtml: z.string(),
    category: z.string(),
    priority: z.string(),
    ackRequested: z.boolean(),
    unitName: z.string(),
    sentAt: z.string(),
    translations: z.record(z.string(), z.object({ title: z.string(), bodyHtml: z.string() })),
    files: z.array(z.object({ id: z.number().int(), name: z.string(), size: z.number().int() })),
    /** For a household's link: whether it has acknowledged; null for a public reader. */
    acknowledged: z.boolean().nullable(),
  })
  .meta({ id: 'OpenedAnnouncement' });
const HouseholdLink = z.object({ h: Id, t: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });
const Timeline = z
  .array(
    z.object({ at: z.string(), reached: z.number().int(), read: z.number().int(), acknowledged: z.number().int() }),
  )
  .meta({ id: 'ReachTimeline' });
const Reach = z
  .object({
    id: z.number().int(),
    status: z.string(),
    totals: z.object({
      targeted: z.number().int(),
      reached: z.number().int(),
      read: z.number().int(),
      acknowledged: z.number().int(),
    }),
    /** Messages by delivery status (created, sending, delivered, permanent/temporary/technical failure). */
    deliveries: z.record(z.string(), z.number().int()),
    groups: z.array(
      z.object({
        unitId: z.number().int().nullable(),
        name: z.string(),
        targeted: z.number().int(),
        reached: z.number().int(),
        read: z.number().int(),
        acknowledged: z.number().int(),
      }),
    ),
    /** Households no message reached (no channel delivered): the digital team's list, 200 at most (all in the spreadsheet). */
    notReached: z.array(
      z.object({
        householdId: z.number().int(),
        address: z.string(),
        groupName: z.string().nullable(),
        headName: z.string().nullable(),
      }),
    ),
    /** When an acknowledgement was asked for: households that have not given it. */
    notAcknowledged: z.array(
      z.object({
        householdId: z.number().int(),
        address: z.string(),
        groupName: z.string().nullable(),
        headName: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'AnnouncementReach' });
const Feed = z
  .object({
    commune: z.string(),
    items: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        bodyHtml: z.string(),
        text: z.string(),
        category: z.string(),
        priority: z.string(),
        sentAt: z.string(),
        ackRequested: z.boolean(),
        unitName: z.string(),
      }),
    ),
  })
  .meta({ id: 'AnnouncementFeed' });

type Row = Awaited<ReturnType<typeof service.getAnnouncement>>;
const present = (r: Row) => ({
  id: r.id,
  unitId: r.unitId,
  title: r.title,
  bodyHtml: r.bodyHtml,
  category: r.category as z.infer<typeof Category>,
  priority: r.priority as z.infer<typeof Priority>,
  isPublic: r.isPublic,
  ackRequested: r.ackRequested,
  status: r.status as 'DRAFT' | 'SCHEDULED' | 'SENT' | 'CANCELLED',
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
  scheduledAt: r.scheduledAt?.toISOString() ?? null,
  expiresAt: r.expiresAt?.toISOString() ?? null,
  languages: ['vi', ...Object.keys(r.translations)],
});

/**
 * Announcements (issue 4), first part: write and target (the audience sized before sending), send (households
 * snapshotted), the in-app feed on the commune's public page, acknowledgement by a signed-in citizen, and the reach
 * per residential group with the households still to visit. Delivery over Zalo, SMS, email and push comes next.
 */
export function registerAnnouncements(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher } = deps;
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

  r.post('/api/announcements/audience', {
    config,
    schema: {
      tags: ['announcements'],
      summary: 'Size of an audience (households and people, per residential group) inside your units',
      body: Audience,
      response: { 200: AudienceSize, ...errorResponses },
    },
    handler: async (request) => audienceSize(db, request.scope!, request.body),
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
      return present(
        await service.createAnnouncement(
          database,
          request.scope!,
          request.body,
          request.auth!.user.id,
          actorOf(request),
        ),
      );
    },
  });

  r.get('/api/announcements', {
    config,
    schema: {
      tags: ['announcements'],
      summary: 'Announcements filed in your units, newest first',
      response: { 200: z.object({ items: z.array(Announcement) }), ...errorResponses },
    },
    handler: async (request) => ({ items: (await service.listAnnouncements(db, request.scope!)).map(present) }),
  });

  r.post('/api/announcements/:id/send', {
    config,
    schema: {
      tags: ['announcements'],
      summary:
        'Send (or schedule, when its time is ahead): resolve the audience, keep the households it went to, queue one message per household on its first channel',
      params: IdParams,
      response: {
        200: z.object({
          status: z.enum(['SENT', 'SCHEDULED']),
          households: z.number().int(),
          messages: z.number().int(),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const result = await service.sendAnnouncement(database, request.scope!, request.params.id, actorOf(request));
      wakeDeliveries(deps);
      return result;
    },
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
      response: { 200: Timeline, ...errorResponses },
    },
    handler: async (request) => service.reachTimeline(db, request.scope!, request.params.id),
  });

  r.get('/api/announcements/:id/reach', {
    config,
    schema: {
      tags: ['announcements'],
      summary: 'Reach per residential group and the households not yet reached, for the digital team',
      params: IdParams,
      response: { 200: Reach, ...errorResponses },
    },
    handler: async (request) => service.reachOf(db, request.scope!, request.params.id),
  });

  r.get('/api/announcements/:id/to-visit', {
    config,
    schema: {
      tags: ['announcements'],
      summary:
        "The households to visit (not reached, or not acknowledged), with the head's phone, as .xlsx or .csv for the digital team",
      params: IdParams,
      querystring: z.object({
        which: z.enum(['not-reached', 'not-acknowledged']).default('not-reached'),
        format: z.enum(['xlsx', 'csv']).default('xlsx'),
      }),
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const a = await service.getAnnouncement(db, request.scope!, request.params.id);
      const households = await service.householdsToVisit(db, a.id, request.query.which, 100_000);
      // The file names people and their phones: reading it is recorded like opening their records.
      await insertAudit(db, actorOf(request), {
        action: 'announcement.to-visit',
        entityType: 'announcement',
        entityId: a.id,
        details: { which: request.query.which, households: households.length },
      });
      const columns: SheetColumn[] = [
        { key: 'group', header: 'Thôn, tổ dân phố', width: 22 },
        { key: 'address', header: 'Địa chỉ', width: 40 },
        { key: 'head', header: 'Chủ hộ', width: 26 },
        { key: 'phone', header: 'Số điện thoại', width: 16 },
        { key: 'outcome', header: 'Kết quả đi hộ', width: 30 },
      ];
      async function* rows() {
        for (const h of households)
          yield {
            group: h.groupName ?? '',
            address: h.address,
            head: h.headName ?? '',
            phone: h.phoneEnc ? formatPhone(cipher.decrypt(h.phoneEnc)) : '',
            outcome: '',
          };
      }
      reply.header('content-type', contentTypes[request.query.format]);
      reply.header(
        'content-disposition',
        `attachment; filename="ho-can-den-thong-bao-${a.id}.${request.query.format}"`,
      );
      return reply.send(streamSheet(request.query.format, 'Hộ cần đến', columns, rows()));
    },
  });

  r.get('/api/public/communes/:code/announcements', {
    config: { public: true },
    schema: {
      tags: ['announcements'],
      summary: "A commune's public announcements (no login)",
      security: [],
      params: z.object({ code: z.string().regex(/^\d{5}$/) }),
      response: { 200: Feed, 400: Problem, 404: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return service.publicFeed(db, request.params.code);
    },
  });

  r.get('/api/public/announcements/:id', {
    config: { public: true },
    schema: {
      tags: ['announcements'],
      summary: "Open an announcement: a public one, or the one a household's signed link points to",
      security: [],
      params: IdParams,
      querystring: HouseholdLink.partial(),
      response: { 200: Opened, 400: Problem, 404: Problem, 429: Problem },
    },
    handler: async (request) => {
      const { h, t } = request.query;
      return service.openAnnouncement(deps, request.params.id, h && t ? { householdId: h, token: t } : undefined);
    },
  });

  r.post('/api/public/announcements/:id/read', {
    config: { public: true, rateLimit: { max: deps.config.publicSubmitPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['announcements'],
      summary: 'Record that a household opened its announcement (the page posts this when shown)',
      security: [],
      params: IdParams,
      body: HouseholdLink,
      response: { 204: z.null(), 400: Problem, 404: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      await service.markRead(deps, request.params.id, { householdId: request.body.h, token: request.body.t });
      return reply.status(204).send(null);
    },
  });

  r.post('/api/public/announcements/:id/ack', {
    config: { public: true, rateLimit: { max: deps.config.publicSubmitPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['announcements'],
      summary: "Acknowledge for a household: with the household's signed link, or signed in as a citizen",
      security: [],
      params: IdParams,
      body: HouseholdLink.nullish(),
      response: { 204: z.null(), 400: Problem, 401: Problem, 403: Problem, 404: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      if (request.body) {
        await service.markRead(deps, request.params.id, { householdId: request.body.h, token: request.body.t }, true);
        return reply.status(204).send(null);
      }
      const citizen = await citizenOf(db, cipher, request);
      if (!citizen)
        throw new AppError('UNAUTHENTICATED', 401, {
          vi: 'Vui lòng đăng nhập tài khoản công dân',
          en: 'Please sign in to your citizen account',
        });
      checkCitizenCsrf(request, citizen);
      await service.acknowledge(database, request.params.id, {
        id: citizen.id,
        personalIdBidx: cipher.blindIndex(citizen.personalId, 'pid'),
      });
      return reply.status(204).send(null);
    },
  });
}
