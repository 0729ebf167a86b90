import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, Problem } from '../../lib/http.js';
import { qrImage } from '../../lib/pdf.js';
import { actorOf } from '../../lib/auth-context.js';
import {
  AdminListQuery,
  CodeParams,
  ListProceduresQuery,
  PosterQuery,
  Procedure,
  ProcedureInput,
  ProcedureList,
  QrQuery,
  VersionParams,
} from './procedures.schemas.js';
import * as service from './procedures.service.js';

const publicErrors = { 400: Problem, 404: Problem, 429: Problem } as const;

export function registerProcedures(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const publicUrl = deps.config.publicUrl;
  const present = (row: Parameters<typeof service.presentProcedure>[0]) => service.presentProcedure(row, publicUrl);

  // Public: what a citizen sees after scanning the QR code on the wall. No login, cacheable for a few minutes.
  r.get('/api/public/procedures', {
    config: { public: true },
    schema: {
      tags: ['procedures'],
      summary: 'Published procedures, searchable by name (without accents) or code',
      security: [],
      querystring: ListProceduresQuery,
      response: { 200: ProcedureList, ...publicErrors },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { items: (await service.listPublished(db, request.query)).map(present) };
    },
  });

  r.get('/api/public/procedures/:code', {
    config: { public: true },
    schema: {
      tags: ['procedures'],
      summary: 'One published procedure: documents, time limit, fees, how to submit',
      security: [],
      params: CodeParams,
      response: { 200: Procedure, ...publicErrors },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return present(await service.getPublished(db, request.params.code));
    },
  });

  r.get('/api/public/procedures/:code/qr', {
    config: { public: true },
    schema: {
      tags: ['procedures'],
      summary: "QR code (SVG or PNG) opening the procedure's public page",
      security: [],
      params: CodeParams,
      querystring: QrQuery,
      response: { 200: z.any(), ...publicErrors },
    },
    handler: async (request, reply) => {
      const row = await service.getPublished(db, request.params.code);
      const format = request.query.format;
      reply.header('content-type', format === 'svg' ? 'image/svg+xml' : 'image/png');
      reply.header('cache-control', 'public, max-age=3600');
      return reply.send(await qrImage(service.procedurePageUrl(publicUrl, row.code), format));
    },
  });

  r.get('/api/public/procedures-poster', {
    config: { public: true },
    schema: {
      tags: ['procedures'],
      summary: 'Printable A4 poster (PDF) of QR codes for every procedure or one field',
      security: [],
      querystring: PosterQuery,
      response: { 200: z.any(), ...publicErrors },
    },
    handler: async (request, reply) => {
      const rows = await service.listPublished(db, { field: request.query.field });
      reply.header('content-type', 'application/pdf');
      reply.header(
        'content-disposition',
        `inline; filename="ma-qr-thu-tuc${request.query.field ? `-${request.query.field.toLowerCase()}` : ''}.pdf"`,
      );
      return reply.send(await service.renderPoster(rows, publicUrl, null));
    },
  });

  // Administration: every version, drafts included; a change is a new version, published when ready.
  r.get('/api/procedures', {
    config: { permission: Permission.PROCEDURE_MANAGE },
    schema: {
      tags: ['procedures'],
      summary: 'Every version of every procedure, drafts and retired ones included',
      querystring: AdminListQuery,
      response: { 200: ProcedureList, ...errorResponses },
    },
    handler: async (request) => ({ items: (await service.listAllVersions(db, request.query)).map(present) }),
  });

  r.post('/api/procedures', {
    config: { permission: Permission.PROCEDURE_MANAGE },
    schema: {
      tags: ['procedures'],
      summary: 'Create a draft: the next version of a code (re-issued or edited) or a new local procedure',
      body: ProcedureInput,
      response: { 201: Procedure, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return present(await service.createDraft(deps.database, request.body, actorOf(request)));
    },
  });

  r.post('/api/procedures/:id/publish', {
    config: { permission: Permission.PROCEDURE_MANAGE },
    schema: {
      tags: ['procedures'],
      summary: 'Publish a draft; the version published before it is retired',
      params: VersionParams,
      response: { 200: Procedure, ...errorResponses },
    },
    handler: async (request) =>
      present(await service.publishVersion(deps.database, request.params.id, actorOf(request))),
  });

  r.post('/api/procedures/:id/retire', {
    config: { permission: Permission.PROCEDURE_MANAGE },
    schema: {
      tags: ['procedures'],
      summary: 'Stop publishing a procedure (abolished, or its code re-issued under a new one)',
      params: VersionParams,
      response: { 200: Procedure, ...errorResponses },
    },
    handler: async (request) =>
      present(await service.retireVersion(deps.database, request.params.id, actorOf(request))),
  });
}
