import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import {
  announcementFiles,
  broadcasts,
  channelLimits,
  staffGroupMembers,
  staffGroups,
  units,
} from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';
import { conflict, notFound } from '../../lib/errors.js';
import { errorResponses, Id, IdParams, Phone, Problem, Text } from '../../lib/http.js';
import { readUpload } from '../../lib/uploads.js';
import { actorOf } from '../../lib/auth-context.js';
import { audited } from '../audit/audit.repo.js';
import { checkDocument } from '../dossiers/dossiers.uploads.js';
import { getUnitPath } from '../units/units.service.js';
import { getAnnouncement, openAnnouncement } from './announcements.service.js';
import { bulletinPdf, bulletinText, listBroadcasts, setBroadcastStatus, speechAudio } from './loudspeaker.js';
import { CHANNELS } from './senders.js';

const FileParams = z.object({ id: Id, fileId: Id });
const StoredFile = z
  .object({ id: z.number().int(), name: z.string(), mime: z.string(), size: z.number().int() })
  .meta({ id: 'AnnouncementFile' });
const Broadcast = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    unitName: z.string(),
    airAt: z.string(),
    status: z.enum(['PLANNED', 'AIRED', 'CANCELLED']),
  })
  .meta({ id: 'Broadcast' });
const StaffGroup = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    name: z.string(),
    kind: z.enum(['GROUP_HEADS', 'PARTY_CELLS', 'ASSOCIATION', 'OTHER']),
    members: z.array(
      z.object({
        id: z.number().int(),
        fullName: z.string(),
        title: z.string().nullable(),
        hasPhone: z.boolean(),
        hasEmail: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'StaffGroup' });
const Limit = z
  .object({ channel: z.enum(CHANNELS), perMinute: z.number().int(), perDay: z.number().int() })
  .meta({ id: 'ChannelLimit' });

/**
 * What an announcement carries beyond its text: attached files, the loudspeaker (planned broadcasts, the printable
 * script, a speech file), internal staff groups to send to, and each channel's provider limits.
 */
export function registerAnnouncementExtras(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher } = deps;
  const db = database.db;
  const config = { permission: Permission.ANNOUNCEMENT_WRITE };
  const sendFile = (reply: FastifyReply, f: { name: string; mime: string; content: Buffer }) =>
    reply
      .type(f.mime)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(f.content);

  r.post('/api/announcements/:id/files', {
    config,
    schema: {
      tags: ['announcements'],
      summary: 'Attach a PDF, JPEG or PNG (up to 10 MB) to a draft',
      params: IdParams,
      consumes: ['multipart/form-data'],
      response: { 201: StoredFile, ...errorResponses },
    },
    handler: async (request, reply) => {
      const a = await getAnnouncement(db, request.scope!, request.params.id);
      if (a.status !== 'DRAFT' && a.status !== 'SCHEDULED')
        throw conflict({
          vi: 'Chỉ đính kèm được khi thông báo chưa gửi',
          en: 'Files can be attached only before sending',
        });
      const upload = await readUpload(request);
      const mime = await checkDocument(upload.buffer);
      const [f] = await audited(
        db,
        actorOf(request),
        (tx) =>
          tx
            .insert(announcementFiles)
            .values({
              announcementId: a.id,
              name: upload.fileName,
              mime,
              size: upload.buffer.length,
              content: upload.buffer,
            })
            .returning({
              id: announcementFiles.id,
              name: announcementFiles.name,
              mime: announcementFiles.mime,
              size: announcementFiles.size,
            }),
        { action: 'announcement.file', entityType: 'announcement', entityId: a.id },
      );
      reply.status(201);
      return f!;
    },
  });

  r.get('/api/announcements/:id/files/:fileId', {
    config,
    schema: {
      tags: ['announcements'],
      summary: 'An attached file',
      params: FileParams,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await getAnnouncement(db, request.scope!, request.params.id);
      const [f] = await db
        .select()
        .from(announcementFiles)
        .where(
          and(eq(announcementFiles.id, request.params.fileId), eq(announcementFiles.announcementId, request.params.id)),
        );
      if (!f) throw notFound({ vi: 'Không tìm thấy tệp', en: 'File not found' });
      return sendFile(reply, f);
    },
  });

  r.get('/api/public/announcements/:id/files/:fileId', {
    config: { public: true },
    schema: {
      tags: ['announcements'],
      summary: "An attached file of a public announcement, or of the one a household's link opens",
      security: [],
      params: FileParams,
      querystring: z.object({ h: Id.optional(), t: z.string().max(40).optional() }),
      response: { 200: z.any(), 400: Problem, 404: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      const { h, t } = request.query;
      await openAnnouncement(deps, request.params.id, h && t ? { householdId: h, token: t } : undefined);
      const [f] = await db
        .select()
        .from(announcementFiles)
        .where(
          and(eq(announcementFiles.id, request.params.fileId), eq(announcementFiles.announcementId, request.params.id)),
        );
      if (!f) throw notFound({ vi: 'Không tìm thấy tệp', en: 'File not found' });
      return sendFile(reply, f);
    },
  });

  r.post('/api/announcements/:id/broadcasts', {
    config,
    schema: {
      tags: ['loudspeaker'],
      summary: "Plan loudspeaker broadcasts: a group's (or the commune's) speakers, at set times",
      params: IdParams,
      body: z.object({
        unitId: Id,
        airAt: z
          .array(z.iso.datetime({ offset: true }))
          .min(1)
          .max(20),
      }),
      response: { 201: z.object({ items: z.array(Broadcast) }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const a = await getAnnouncement(db, request.scope!, request.params.id);
      await getUnitPath(db, request.body.unitId, request.scope!);
      await audited(
        db,
        actorOf(request),
        (tx) =>
          tx.insert(broadcasts).values(
            request.body.airAt.map((at) => ({
              announcementId: a.id,
              unitId: request.body.unitId,
              airAt: new Date(at),
            })),
          ),
        {
          action: 'announcement.broadcast',
          entityType: 'announcement',
          entityId: a.id,
          details: { unitId: request.body.unitId, times: request.body.airAt.length },
        },
      );
      reply.status(201);
      return { items: await listBroadcasts(db, a.id) };
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
    handler: async (request) => ({
      items: await listBroadcasts(db, (await getAnnouncement(db, request.scope!, request.params.id)).id),
    }),
  });

  r.post('/api/announcements/:id/broadcasts/:broadcastId/:status', {
    config,
    schema: {
      tags: ['loudspeaker'],
      summary: 'Mark a planned broadcast aired or cancelled',
      params: z.object({ id: Id, broadcastId: Id, status: z.enum(['aired', 'cancelled']) }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await getAnnouncement(db, request.scope!, request.params.id);
      if (
        !(await setBroadcastStatus(
          db,
          request.params.id,
          request.params.broadcastId,
          request.params.status === 'aired' ? 'AIRED' : 'CANCELLED',
        ))
      ) {
        throw notFound({ vi: 'Không tìm thấy lượt phát đang chờ', en: 'No planned broadcast with this id' });
      }
      return reply.status(204).send(null);
    },
  });

  const withUnit = async (scope: Scope, id: number) => {
    const a = await getAnnouncement(db, scope, id);
    const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, a.unitId));
    return { title: a.title, bodyHtml: a.bodyHtml, unitName: u!.name };
  };

  r.get('/api/announcements/:id/bulletin.pdf', {
    config,
    schema: {
      tags: ['loudspeaker'],
      summary: 'The printable script to read on the loudspeakers, with the schedule',
      params: IdParams,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const a = await withUnit(request.scope!, request.params.id);
      const schedule = (await listBroadcasts(db, request.params.id)).filter((b) => b.status === 'PLANNED');
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="ban-tin-${request.params.id}.pdf"`)
        .send(await bulletinPdf(a, schedule));
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
      const a = await withUnit(request.scope!, request.params.id);
      const audio = await speechAudio(deps.config.espeakPath, bulletinText(a).join('\n'));
      return reply
        .type('audio/wav')
        .header('content-disposition', `attachment; filename="thong-bao-${request.params.id}.wav"`)
        .send(audio);
    },
  });

  r.post('/api/staff-groups', {
    config,
    schema: {
      tags: ['groups'],
      summary:
        'An internal group of staff (village heads, Party cell secretaries, an association) to send announcements to',
      body: z.object({ unitId: Id, name: Text(120).min(2), kind: StaffGroup.shape.kind }),
      response: { 201: StaffGroup, ...errorResponses },
    },
    handler: async (request, reply) => {
      await getUnitPath(db, request.body.unitId, request.scope!);
      const [g] = await audited(
        db,
        actorOf(request),
        (tx) => tx.insert(staffGroups).values(request.body).returning(),
        (made) => ({ action: 'staff-group.create', entityType: 'staff-group', entityId: made[0]!.id }),
      );
      reply.status(201);
      return {
        id: g!.id,
        unitId: g!.unitId,
        name: g!.name,
        kind: g!.kind as z.infer<typeof StaffGroup>['kind'],
        members: [],
      };
    },
  });

  r.get('/api/staff-groups', {
    config,
    schema: {
      tags: ['groups'],
      summary: 'Internal staff groups in your units, with their members',
      response: { 200: z.object({ items: z.array(StaffGroup) }), ...errorResponses },
    },
    handler: async (request) => {
      const gs = await db
        .select()
        .from(staffGroups)
        .where(unitInScope(staffGroups.unitId, request.scope!))
        .orderBy(asc(staffGroups.name));
      const ms = gs.length
        ? await db
            .select()
            .from(staffGroupMembers)
            .where(
              and(
                inArray(
                  staffGroupMembers.staffGroupId,
                  gs.map((g) => g.id),
                ),
                isNull(staffGroupMembers.removedAt),
              ),
            )
            .orderBy(asc(staffGroupMembers.id))
        : [];
      return {
        items: gs.map((g) => ({
          id: g.id,
          unitId: g.unitId,
          name: g.name,
          kind: g.kind as z.infer<typeof StaffGroup>['kind'],
          members: ms
            .filter((m) => m.staffGroupId === g.id)
            .map((m) => ({
              id: m.id,
              fullName: m.fullName,
              title: m.title,
              hasPhone: m.phoneEnc !== null,
              hasEmail: m.emailEnc !== null,
            })),
        })),
      };
    },
  });

  r.post('/api/staff-groups/:id/members', {
    config,
    schema: {
      tags: ['groups'],
      summary: 'Add someone to a staff group (a phone for SMS, an email, or both)',
      params: IdParams,
      body: z
        .object({
          fullName: Text(120).min(2),
          title: Text(120).optional(),
          phone: Phone.optional(),
          email: z.email().max(200).optional(),
        })
        .refine((b) => b.phone || b.email, { path: ['phone'], message: 'A phone or an email is needed' }),
      response: { 201: z.object({ id: z.number().int() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const [g] = await db
        .select({ id: staffGroups.id })
        .from(staffGroups)
        .where(and(eq(staffGroups.id, request.params.id), unitInScope(staffGroups.unitId, request.scope!)));
      if (!g) throw notFound({ vi: 'Không tìm thấy nhóm', en: 'Staff group not found' });
      const b = request.body;
      const [m] = await audited(
        db,
        actorOf(request),
        (tx) =>
          tx
            .insert(staffGroupMembers)
            .values({
              staffGroupId: g.id,
              fullName: b.fullName,
              title: b.title ?? null,
              phoneEnc: b.phone ? cipher.encrypt(b.phone) : null,
              emailEnc: b.email ? cipher.encrypt(b.email) : null,
            })
            .returning({ id: staffGroupMembers.id }),
        { action: 'staff-group.member.add', entityType: 'staff-group', entityId: g.id },
      );
      reply.status(201);
      return m!;
    },
  });

  r.get('/api/channels/limits', {
    config,
    schema: {
      tags: ['announcements'],
      summary: "Each channel's provider limits (messages a minute and a day)",
      response: { 200: z.object({ items: z.array(Limit) }), ...errorResponses },
    },
    handler: async () => ({
      items: (await db.select().from(channelLimits).orderBy(asc(channelLimits.channel))).map((l) => ({
        channel: l.channel as z.infer<typeof Limit>['channel'],
        perMinute: l.perMinute,
        perDay: l.perDay,
      })),
    }),
  });

  r.put('/api/channels/limits/:channel', {
    config: { permission: Permission.CHANNEL_MANAGE },
    schema: {
      tags: ['announcements'],
      summary: "Set a channel's limits from the provider's contract",
      params: z.object({ channel: z.enum(CHANNELS) }),
      body: z.object({
        perMinute: z.number().int().min(0).max(1_000_000),
        perDay: z.number().int().min(0).max(100_000_000),
      }),
      response: { 200: Limit, ...errorResponses },
    },
    handler: async (request) => {
      await audited(
        db,
        actorOf(request),
        (tx) =>
          tx
            .update(channelLimits)
            .set({ ...request.body, updatedAt: sql`now()` })
            .where(eq(channelLimits.channel, request.params.channel)),
        { action: 'channel.limits', entityType: 'channel', entityId: request.params.channel, details: request.body },
      );
      return { channel: request.params.channel, ...request.body };
    },
  });
}
