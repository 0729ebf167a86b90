import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses } from '../../lib/http.js';
import { type SheetColumn, type SheetFormat, type SheetRow, sendSheet } from '../../lib/spreadsheet.js';
import { actorOf } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { householdFilterForAudit, householdFilterOf } from '../households/households.service.js';
import { residentFilterForAudit, residentFilterOf } from '../residents/residents.service.js';
import { householdRows, residentRows } from './exports.rows.js';
import { registryColumns } from '../imports/registry-columns.js';
import { HouseholdsExportQuery, ResidentsExportQuery } from './exports.schemas.js';

export const householdColumns: SheetColumn[] = [
  { key: 'code', header: 'Số hộ', width: 10 },
  { key: 'address', header: 'Địa chỉ', width: 40 },
  { key: 'kind', header: 'Loại hộ', width: 12 },
  { key: 'unitCode', header: 'Mã thôn/tổ', width: 12 },
  { key: 'unitName', header: 'Thôn/tổ', width: 20 },
  { key: 'headName', header: 'Chủ hộ', width: 26 },
  { key: 'memberCount', header: 'Số nhân khẩu', width: 10 },
];

/** A registry list as a file named after it and today's date, so successive exports sort by day. */
const sendList = (
  reply: FastifyReply,
  format: SheetFormat,
  name: string,
  columns: SheetColumn[],
  rows: AsyncIterable<SheetRow | SheetRow[]>,
) =>
  sendSheet(reply, {
    format,
    fileName: `${name}-${new Date().toISOString().slice(0, 10)}`,
    sheetName: name,
    columns,
    rows,
  });

/** A filter as an audit row keeps it: only the fields that were set. */
const auditDetails = (filter: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''));

/** Streamed exports of any registry list, in the import template's columns so a list can go round-trip. */
export function registerExports(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get('/api/exports/residents', {
    config: { permission: Permission.REGISTRY_EXPORT },
    schema: {
      tags: ['exports'],
      summary: 'Export residents (filtered like the list) as .xlsx or .csv, streamed; audited',
      querystring: ResidentsExportQuery,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const q = request.query;
      const scope = request.scope!;
      const filter = await residentFilterOf(deps, scope, q);
      await insertAudit(db, actorOf(request), {
        action: 'export.residents',
        details: { format: q.format, filter: auditDetails(residentFilterForAudit(filter, q.unit)) },
      });
      return sendList(reply, q.format, 'nhan-khau', registryColumns, residentRows(db, deps.cipher, scope, filter));
    },
  });

  r.get('/api/exports/households', {
    config: { permission: Permission.REGISTRY_EXPORT },
    schema: {
      tags: ['exports'],
      summary: 'Export households as .xlsx or .csv, streamed; audited',
      querystring: HouseholdsExportQuery,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const q = request.query;
      const scope = request.scope!;
      const filter = await householdFilterOf(db, scope, q);
      await insertAudit(db, actorOf(request), {
        action: 'export.households',
        details: { format: q.format, filter: auditDetails(householdFilterForAudit(filter, q)) },
      });
      return sendList(reply, q.format, 'ho-gia-dinh', householdColumns, householdRows(db, scope, filter));
    },
  });
}
