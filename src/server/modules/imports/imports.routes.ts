import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { validation } from '../../lib/errors.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { requestLocale } from '../../lib/locale.js';
import { sendSheet } from '../../lib/spreadsheet.js';
import { formField, readUpload } from '../../lib/uploads.js';
import { actorOf } from '../../lib/auth-context.js';
import { wake, wakeEvery } from '../../jobs/jobs.js';
import { registryColumns, templateExamples } from './registry-columns.js';
import { CommitImportInput, ImportJob, TemplateQuery } from './imports.schemas.js';
import { listImports } from './imports.repo.js';
import { runImportJob } from './imports.job.js';
import * as service from './imports.service.js';

export function registerImports(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: Permission.REGISTRY_IMPORT };
  const db = deps.database.db;

  void deps.jobs.work<{ importId: number }>(service.IMPORT_QUEUE, (data) => runImportJob(deps, data.importId));
  // Resume imports a dead process left half-way and delete files nobody used, at start and every minute.
  void deps.jobs.work(service.IMPORT_SWEEP_QUEUE, async () => void (await service.sweepImports(deps)));
  wake(deps.jobs, service.IMPORT_SWEEP_QUEUE);
  wakeEvery(app, deps.jobs, service.IMPORT_SWEEP_QUEUE, 60_000);

  r.get('/api/imports/template', {
    config,
    schema: {
      tags: ['imports'],
      summary: 'The household and resident list template (.xlsx or .csv)',
      querystring: TemplateQuery,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const format = request.query.format;
      async function* rows() {
        yield* templateExamples;
      }
      const sheet = { format, fileName: 'mau-danh-sach-ho', sheetName: 'Danh sách', columns: registryColumns };
      return sendSheet(reply, { ...sheet, rows: rows() });
    },
  });

  r.post('/api/imports', {
    config,
    schema: {
      tags: ['imports'],
      summary: 'Upload an .xlsx or .csv list for a unit; it is checked (dry run) and nothing is written yet',
      consumes: ['multipart/form-data'],
      response: { 202: ImportJob, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { buffer: file, fileName, fields } = await readUpload(request);
      const unitId = z.coerce.number().int().min(1).max(2_147_483_647).safeParse(formField(fields, 'unitId'));
      if (!unitId.success)
        throw validation([
          {
            field: 'unitId',
            code: 'REQUIRED',
            message: { vi: 'Chưa chọn đơn vị nhập', en: 'Choose the unit to import into' },
          },
        ]);
      const id = await service.createImport(
        deps,
        request.scope!,
        { unitId: unitId.data, fileName, file },
        { ...actorOf(request), userId: request.auth!.user.id },
      );
      reply.status(202);
      return service.presentImport(await service.getImport(db, request.scope!, id), requestLocale(request));
    },
  });

  r.get('/api/imports', {
    config,
    schema: {
      tags: ['imports'],
      summary: 'Import history of your units: who, when, which file, rows added, changed and skipped',
      response: { 200: z.object({ items: z.array(ImportJob) }), ...errorResponses },
    },
    handler: async (request) => {
      const rows = await listImports(db, request.scope!, 50);
      return { items: rows.map((row) => service.presentImport({ ...row, errors: [] }, requestLocale(request))) };
    },
  });

  r.get('/api/imports/:id', {
    config,
    schema: {
      tags: ['imports'],
      summary: 'Progress and error report of an import',
      params: IdParams,
      response: { 200: ImportJob, ...errorResponses },
    },
    handler: async (request) =>
      service.presentImport(await service.getImport(db, request.scope!, request.params.id), requestLocale(request)),
  });

  r.get('/api/imports/:id/report', {
    config,
    schema: {
      tags: ['imports'],
      summary: 'The error report (.xlsx): the bad rows as the file had them, with an error column; audited',
      params: IdParams,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) =>
      sendSheet(
        reply,
        await service.importReport(deps, request.scope!, request.params.id, requestLocale(request), actorOf(request)),
      ),
  });

  r.post('/api/imports/:id/commit', {
    config,
    schema: {
      tags: ['imports'],
      summary: 'Import a checked file (optionally skipping the bad rows)',
      params: IdParams,
      body: CommitImportInput,
      response: { 202: ImportJob, ...errorResponses },
    },
    handler: async (request, reply) => {
      await service.commitImport(deps, request.scope!, request.params.id, request.body.skipBadRows, actorOf(request));
      reply.status(202);
      return service.presentImport(
        await service.getImport(db, request.scope!, request.params.id),
        requestLocale(request),
      );
    },
  });

  r.post('/api/imports/:id/cancel', {
    config,
    schema: {
      tags: ['imports'],
      summary: 'Cancel an import not yet written; the uploaded file is deleted at once',
      params: IdParams,
      response: { 200: ImportJob, ...errorResponses },
    },
    handler: async (request) => {
      await service.cancelImport(deps, request.scope!, request.params.id, actorOf(request));
      return service.presentImport(
        await service.getImport(db, request.scope!, request.params.id),
        requestLocale(request),
      );
    },
  });
}
