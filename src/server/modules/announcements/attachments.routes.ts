import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { contentDisposition } from '../../lib/downloads.js';
import { errorResponses, IdParams, Problem } from '../../lib/http.js';
import { AnnouncementFile, FileLinkQuery, FileParams } from './announcements.schemas.js';
import { attachFile, getFile, getPublicFile } from './attachments.service.js';

/** A file as sent back: a download under its own name and its sniffed type, never rendered as a page of the site. */
const sendFile = (reply: FastifyReply, f: { name: string; mime: string; content: Buffer }) =>
  reply.type(f.mime).header('content-disposition', contentDisposition('attachment', f.name)).send(f.content);

/** Files attached to an announcement: attached to a draft, read by staff, and by readers of a public or linked one. */
export function registerAttachments(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const config = { permission: Permission.ANNOUNCEMENT_WRITE };

  r.post('/api/announcements/:id/files', {
    config,
    schema: {
      tags: ['announcements'],
      summary: 'Attach a PDF, JPEG or PNG (up to 10 MB) to a draft',
      params: IdParams,
      consumes: ['multipart/form-data'],
      response: { 201: AnnouncementFile, ...errorResponses },
    },
    handler: async (request, reply) => {
      const f = await attachFile(db, request.scope!, request.params.id, request, actorOf(request));
      reply.status(201);
      return f;
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
    handler: async (request, reply) =>
      sendFile(reply, await getFile(db, request.scope!, request.params.id, request.params.fileId)),
  });

  r.get('/api/public/announcements/:id/files/:fileId', {
    config: { public: true },
    schema: {
      tags: ['announcements'],
      summary: "An attached file of a public announcement, or of the one a household's link opens",
      security: [],
      params: FileParams,
      querystring: FileLinkQuery,
      response: { 200: z.any(), 400: Problem, 404: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      const { h, t } = request.query;
      const link = h && t ? { householdId: h, token: t } : undefined;
      return sendFile(reply, await getPublicFile(deps, request.params.id, request.params.fileId, link));
    },
  });
}
