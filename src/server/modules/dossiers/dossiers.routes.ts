import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission, roleGrants, rolePermissions } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { dossierFiles, roleAssignments, units, users } from '../../db/schema/index.js';
import { pathAlongScope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';
import { errorResponses, Id, IdParams, paged } from '../../lib/http.js';
import { requestLocale } from '../../lib/locale.js';
import { actorOf } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { getUnitPath } from '../units/units.service.js';
import { takeAction } from './dossiers.actions.js';
import { actorsOn, presentDetail, presentSummary } from './dossiers.present.js';
import { eventsOf, filesOf, findDossier, inScope, listDossiers, type DossierWithNames } from './dossiers.repo.js';
import {
  ActionInput,
  BulkAssignInput,
  CounterSubmitInput,
  DossierDetail,
  DossierFile,
  DossierPage,
  FileParams,
  IdempotencyHeaders,
  QueueQuery,
  SubmitResult,
} from './dossiers.schemas.js';
import { communeForCounter, submitDossier } from './dossiers.submit.js';
import { formField, readUpload } from '../../lib/uploads.js';
import { checkDocument, storeFile } from './dossiers.uploads.js';
import { submitResult } from './dossiers.public-routes.js';

/** The one-stop officers' side: counter submission, work queues, a dossier with its actions, scans. */
export function registerDossiers(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher } = deps;
  const db = database.db;
  const staff = (request: FastifyRequest) => {
    const auth = request.auth!;
    return {
      kind: 'STAFF' as const,
      actor: actorOf(request),
      userId: auth.user.id,
      name: auth.user.fullName,
      actorsFor: (path: string) => actorsOn(auth, path),
    };
  };
  const detail = async (request: FastifyRequest, row: DossierWithNames) =>
    presentDetail(
      row,
      await eventsOf(db, row.dossier.id),
      await filesOf(db, row.dossier.id),
      cipher,
      actorsOn(request.auth!, row.unitPath),
      requestLocale(request),
    );

  r.get('/api/dossiers', {
    config: { permission: Permission.DOSSIER_READ },
    schema: {
      tags: ['dossiers'],
      summary: 'Work queues: to receive, mine, due soon, overdue, waiting for papers, to approve, to return',
      querystring: QueueQuery,
      response: { 200: DossierPage, ...errorResponses },
    },
    handler: async (request) => {
      if (request.query.unit) await getUnitPath(db, request.query.unit, request.scope!);
      const rows = await listDossiers(db, request.scope!, request.query, {
        userId: request.auth!.user.id,
        now: new Date(),
      });
      const page = paged(rows, request.query);
      return { ...page, items: page.items.map((row) => presentSummary(row, requestLocale(request))) };
    },
  });

  r.post('/api/dossiers', {
    config: { permission: Permission.DOSSIER_SUBMIT },
    schema: {
      tags: ['dossiers'],
      summary: "Submit at the counter on a citizen's behalf (received at once when you are a one-stop officer)",
      headers: IdempotencyHeaders,
      body: CounterSubmitInput,
      response: { 201: SubmitResult, ...errorResponses },
    },
    handler: async (request, reply) => {
      const unit = await communeForCounter(db, request.body.unitId, request.scope!);
      const auth = request.auth!;
      const receives = auth.roles.some(
        (role) => unit.path.startsWith(role.unitPath) && roleGrants(role.role, Permission.DOSSIER_PROCESS),
      );
      const result = await submitDossier(
        database,
        cipher,
        unit,
        request.body,
        request.body.channel,
        { kind: 'STAFF', actor: actorOf(request), userId: auth.user.id, name: auth.user.fullName, receives },
        request.headers['idempotency-key'],
      );
      reply.status(201);
      return submitResult(deps, result);
    },
  });

  r.get('/api/dossiers/:id', {
    config: { permission: Permission.DOSSIER_READ },
    schema: {
      tags: ['dossiers'],
      summary: "A dossier with the applicant's details, its history, papers and the actions you may take (audited)",
      params: IdParams,
      response: { 200: DossierDetail, ...errorResponses },
    },
    handler: async (request) => {
      const row = await findDossier(db, inScope(request.params.id, request.scope!));
      if (!row) throw notFound({ vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' });
      await insertAudit(db, actorOf(request), {
        action: 'dossier.read',
        entityType: 'dossier',
        entityId: row.dossier.id,
        details: { code: row.dossier.code },
      });
      return detail(request, row);
    },
  });

  r.post('/api/dossiers/:id/actions', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['dossiers'],
      summary: 'Take a workflow action (409 when the status does not allow it)',
      params: IdParams,
      body: ActionInput,
      response: { 200: DossierDetail, ...errorResponses },
    },
    handler: async (request) =>
      detail(
        request,
        await takeAction(database, inScope(request.params.id, request.scope!), request.body, staff(request)),
      ),
  });

  r.post('/api/dossiers/assign', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['dossiers'],
      summary: 'Assign several dossiers to one officer at once (each one is checked and recorded)',
      body: BulkAssignInput,
      response: {
        200: z.object({
          assigned: z.array(z.string()),
          refused: z.array(z.object({ id: z.number().int(), detail: z.string() })),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const scope = request.scope!;
      const assigned: string[] = [];
      const refused: { id: number; detail: string }[] = [];
      for (const id of request.body.ids) {
        try {
          // Each dossier as it is now: a bulk action has no screen version to check against.
          const row = await takeAction(
            database,
            inScope(id, scope),
            { action: 'ASSIGN', assigneeId: request.body.assigneeId },
            staff(request),
          );
          assigned.push(row.dossier.code);
        } catch (error) {
          const e = error as { messages?: { vi: string; en: string } };
          if (!e.messages) throw error;
          refused.push({ id, detail: e.messages[requestLocale(request)] });
        }
      }
      return { assigned, refused };
    },
  });

  r.post('/api/dossiers/:id/files', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['dossiers'],
      summary: 'Attach a scan of a paper or the result (PDF, JPEG or PNG, checked by content)',
      params: IdParams,
      consumes: ['multipart/form-data'],
      response: { 201: DossierFile, ...errorResponses },
    },
    handler: async (request, reply) => {
      const found = await findDossier(db, inScope(request.params.id, request.scope!));
      if (!found) throw notFound({ vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' });
      const upload = await readUpload(request);
      const mime = await checkDocument(upload.buffer);
      const kindField = formField(upload.fields, 'kind');
      const labelField = formField(upload.fields, 'label');
      const kind = kindField === 'RESULT' ? 'RESULT' : 'SCAN';
      const file = await db.transaction(async (tx) => {
        const stored = await storeFile(
          tx,
          { ...upload, mime },
          {
            dossierId: found.dossier.id,
            kind,
            label: typeof labelField === 'string' ? labelField.slice(0, 300) : undefined,
            uploadedBy: request.auth!.user.id,
          },
        );
        await insertAudit(tx, actorOf(request), {
          action: 'dossier.file',
          entityType: 'dossier',
          entityId: found.dossier.id,
          details: { file: stored.id, kind },
        });
        return stored;
      });
      reply.status(201);
      return { ...file, kind: file.kind as 'SCAN' | 'RESULT', createdAt: file.createdAt.toISOString() };
    },
  });

  r.get('/api/dossiers/:id/files/:fileId', {
    config: { permission: Permission.DOSSIER_READ },
    schema: {
      tags: ['dossiers'],
      summary: 'Download a paper of a dossier (audited)',
      params: FileParams,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const found = await findDossier(db, inScope(request.params.id, request.scope!));
      if (!found) throw notFound({ vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' });
      const [file] = await db
        .select()
        .from(dossierFiles)
        .where(and(eq(dossierFiles.id, request.params.fileId), eq(dossierFiles.dossierId, found.dossier.id)));
      if (!file) throw notFound({ vi: 'Không tìm thấy tệp', en: 'File not found' });
      await insertAudit(db, actorOf(request), {
        action: 'dossier.file.read',
        entityType: 'dossier',
        entityId: found.dossier.id,
        details: { file: file.id },
      });
      reply.header('content-type', file.mime);
      reply.header('content-disposition', `inline; filename="${encodeURIComponent(file.fileName)}"`);
      return reply.send(file.content);
    },
  });

  r.get('/api/dossiers/counter-units', {
    config: { permission: Permission.DOSSIER_SUBMIT },
    schema: {
      tags: ['dossiers'],
      summary: 'The communes you may submit to at the counter (yours, or the one your residential group belongs to)',
      response: {
        200: z.object({ items: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })) }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const rows = await db
        .select({ id: units.id, code: units.code, name: units.name })
        .from(units)
        .where(and(eq(units.tier, 'COMMUNE'), isNull(units.closedAt), pathAlongScope(units.path, request.scope!)))
        .orderBy(units.name)
        .limit(500);
      return { items: rows };
    },
  });

  r.get('/api/dossiers/officers', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['dossiers'],
      summary: 'Who may be assigned dossiers of a commune (its one-stop officers and leaders)',
      querystring: z.object({ unit: Id }),
      response: {
        200: z.object({
          items: z.array(z.object({ id: z.number().int(), fullName: z.string(), username: z.string() })),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const unit = { path: await getUnitPath(db, request.query.unit, request.scope!) };
      const processing = Object.entries(rolePermissions)
        .filter(([, perms]) => (perms as readonly string[]).includes(Permission.DOSSIER_PROCESS))
        .map(([role]) => role);
      const rows = await db
        .selectDistinct({ id: users.id, fullName: users.fullName, username: users.username })
        .from(users)
        .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
        .innerJoin(units, eq(units.id, roleAssignments.unitId))
        .where(
          and(
            inArray(roleAssignments.role, processing),
            sql`${unit.path} like ${units.path} || '%'`,
            isNull(users.disabledAt),
            sql`${units.tier} <> 'NATION'`,
          ),
        )
        .orderBy(users.fullName);
      return { items: rows };
    },
  });
}
