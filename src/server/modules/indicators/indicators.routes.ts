import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses } from '../../lib/http.js';
import { sendSheet } from '../../lib/spreadsheet.js';
import { actorOf } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { IndicatorExportQuery, IndicatorQuery, Indicators } from './indicators.schemas.js';
import { indicatorsSheet, loadIndicators } from './indicators.service.js';

/**
 * The one-stop indicators a commune is judged on (Decision 766 style), per unit and period; compared across communes.
 */
export function registerIndicators(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get('/api/indicators/onestop', {
    config: { permission: Permission.DOSSIER_READ },
    schema: {
      tags: ['indicators'],
      summary: 'One-stop indicators of a unit over a period: totals, by month, and each commune under it',
      querystring: IndicatorQuery,
      response: { 200: Indicators, ...errorResponses },
    },
    handler: async (request) => loadIndicators(db, request.scope!, request.query),
  });

  r.get('/api/indicators/onestop/export', {
    config: { permission: Permission.DOSSIER_READ },
    schema: {
      tags: ['indicators'],
      summary: 'The same indicators, one row per commune, as .xlsx or .csv',
      querystring: IndicatorExportQuery,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { format, ...query } = request.query;
      const data = await loadIndicators(db, request.scope!, query);
      await insertAudit(db, actorOf(request), {
        action: 'indicators.export',
        entityType: 'unit',
        entityId: query.unit,
        details: data.period,
      });
      return sendSheet(reply, {
        format,
        fileName: `chi-so-mot-cua-${query.from}-${query.to}`,
        ...indicatorsSheet(data),
      });
    },
  });
}
