import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, PageQuery, pageOf, paged, toOffset } from '../../lib/http.js';
import { sendSheet, type SheetRow } from '../../lib/spreadsheet.js';
import { actorOf } from '../../lib/auth-context.js';
import { insertAudit, listAudit, listAuditBefore, type AuditFilter } from './audit.repo.js';
import { AuditEntry, AuditQuery } from './audit.schemas.js';

type Row = Awaited<ReturnType<typeof listAudit>>[number];
const present = (r: Row) => ({ ...r, at: r.at.toISOString(), details: r.details ?? null });

export function registerAudit(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const config = { permission: Permission.AUDIT_READ };
  const toFilter = (q: z.infer<typeof AuditQuery>): AuditFilter => ({ ...q });

  r.get('/api/audit', {
    config,
    schema: {
      tags: ['audit'],
      summary: 'The audit log of your units, newest first, with filters',
      querystring: PageQuery.extend(AuditQuery.shape),
      response: { 200: pageOf(AuditEntry), ...errorResponses },
    },
    handler: async (request) => {
      const rows = await listAudit(db, request.scope!, toFilter(request.query), toOffset(request.query));
      return paged(rows.map(present), request.query);
    },
  });

  r.get('/api/audit/export', {
    config,
    schema: {
      tags: ['audit'],
      summary: 'Export the filtered audit log (.xlsx or .csv), streamed',
      querystring: AuditQuery.extend({ format: z.enum(['xlsx', 'csv']).default('csv') }),
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { format, ...q } = request.query;
      const scope = request.scope!;
      await insertAudit(db, actorOf(request), { action: 'export.audit', details: { format, ...q } });
      async function* rows(): AsyncGenerator<SheetRow> {
        let before = Number.MAX_SAFE_INTEGER;
        for (;;) {
          const page = await listAuditBefore(db, scope, toFilter(q), before, 2000);
          for (const e of page) yield { ...present(e), details: e.details ? JSON.stringify(e.details) : '' };
          if (page.length < 2000) return;
          before = page[page.length - 1]!.id;
        }
      }
      const columns = [
        'id',
        'at',
        'username',
        'roles',
        'action',
        'entityType',
        'entityId',
        'ip',
        'userAgent',
        'details',
      ].map((key) => ({ key, header: key }));
      const fileName = `nhat-ky-${new Date().toISOString().slice(0, 10)}`;
      return sendSheet(reply, { format, fileName, sheetName: 'audit', columns, rows: rows() });
    },
  });
}
