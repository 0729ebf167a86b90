import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission, roleGrants } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { contentDisposition } from '../../lib/downloads.js';
import { errorResponses, IdParams, Problem } from '../../lib/http.js';
import { requestLocale } from '../../lib/locale.js';
import { formField, readUpload } from '../../lib/uploads.js';
import { takeAction } from './dossiers.actions.js';
import { actorsOn } from './dossiers.present.js';
import { submitResult } from './dossiers.public.js';
import { registerPaperMarks } from './dossiers.papers-routes.js';
import { inScope } from './dossiers.repo.js';
import {
  ActionInput,
  AssignResult,
  BulkAssignInput,
  CounterSubmitInput,
  CounterUnits,
  DossierDetail,
  DossierFile,
  DossierPage,
  FileParams,
  IdempotencyHeaders,
  Officers,
  OfficersQuery,
  QueueQuery,
  SubmitResult,
} from './dossiers.schemas.js';
import {
  assignMany,
  attachFile,
  listQueue,
  counterUnits,
  detailOf,
  officersOf,
  readDossier,
  readFile,
} from './dossiers.service.js';
import { communeForCounter, type Idempotency, submissionHash, submitDossier } from './dossiers.submit.js';

/** At the counter an idempotency key is the staff member's own: looked up among their submissions only. */
const counterRetry = (key: string | undefined, userId: number, body: unknown): Idempotency | undefined =>
  key ? { key, scope: `staff:${userId}`, bodyHash: submissionHash(body) } : undefined;

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
  const detail = (request: FastifyRequest, row: Parameters<typeof detailOf>[3]) =>
    detailOf(db, cipher, request.auth!, row, requestLocale(request));

  r.get('/api/dossiers', {
    config: { permission: Permission.DOSSIER_READ },
    schema: {
      tags: ['dossiers'],
      summary: 'Work queues: to receive, mine, due soon, overdue, waiting for papers, to approve, to return',
      querystring: QueueQuery,
      response: { 200: DossierPage, ...errorResponses },
    },
    handler: async (request) =>
      listQueue(db, request.scope!, request.query, {
        userId: request.auth!.user.id,
        actor: actorOf(request),
        locale: requestLocale(request),
      }),
  });

  r.post('/api/dossiers', {
    config: { permission: Permission.DOSSIER_SUBMIT },
    schema: {
      tags: ['dossiers'],
      summary: "Submit at the counter on a citizen's behalf (received at once when you are a one-stop officer)",
      headers: IdempotencyHeaders,
      body: CounterSubmitInput,
      response: { 201: SubmitResult, 422: Problem, ...errorResponses },
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
        counterRetry(request.headers['idempotency-key'], auth.user.id, request.body),
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
    handler: async (request) =>
      detail(request, await readDossier(db, request.scope!, request.params.id, actorOf(request))),
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
      response: { 200: AssignResult, ...errorResponses },
    },
    handler: async (request) =>
      assignMany(database, request.scope!, request.body, staff(request), requestLocale(request)),
  });

  r.post('/api/dossiers/:id/files', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['dossiers'],
      summary: 'Attach a scan of a paper (tied to the paper by its position) or the result (PDF, JPEG or PNG)',
      params: IdParams,
      consumes: ['multipart/form-data'],
      response: { 201: DossierFile, ...errorResponses },
    },
    handler: async (request, reply) => {
      const upload = await readUpload(request);
      const label = formField(upload.fields, 'label');
      // Which paper of the procedure a scan is (its position), sent as a form field beside the file.
      const paper = /^\d{1,2}$/.test(String(formField(upload.fields, 'paper') ?? ''))
        ? Number(formField(upload.fields, 'paper'))
        : undefined;
      const file = await attachFile(
        database,
        request.scope!,
        request.params.id,
        {
          buffer: upload.buffer,
          fileName: upload.fileName,
          kind: formField(upload.fields, 'kind') === 'RESULT' ? 'RESULT' : 'SCAN',
          label: typeof label === 'string' ? label.slice(0, 300) : undefined,
          paper,
        },
        request.auth!.user.id,
        actorOf(request),
      );
      return reply.status(201).send(file);
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
      const file = await readFile(db, request.scope!, request.params, actorOf(request));
      reply.header('content-type', file.mime);
      reply.header('content-disposition', contentDisposition('attachment', file.fileName));
      return reply.send(file.content);
    },
  });

  registerPaperMarks(app, deps, detail);

  r.get('/api/dossiers/counter-units', {
    config: { permission: Permission.DOSSIER_SUBMIT },
    schema: {
      tags: ['dossiers'],
      summary: 'The communes you may submit to at the counter (yours, or the one your residential group belongs to)',
      response: { 200: CounterUnits, ...errorResponses },
    },
    handler: async (request) => ({ items: await counterUnits(db, request.scope!) }),
  });

  r.get('/api/dossiers/officers', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['dossiers'],
      summary: 'Who may be assigned dossiers of a commune (its one-stop officers and leaders)',
      querystring: OfficersQuery,
      response: { 200: Officers, ...errorResponses },
    },
    handler: async (request) => ({ items: await officersOf(db, request.scope!, request.query.unit) }),
  });
}
