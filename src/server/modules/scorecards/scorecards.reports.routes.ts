import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import { monthOf } from '../../../shared/scorecards.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { errorResponses, Id, IdParams } from '../../lib/http.js';
import { insertAudit } from '../audit/audit.repo.js';
import { MonthParam, UnitRef } from './scorecards.dashboard.schemas.js';
import { loadRanking, rankingAccess } from './scorecards.ranking.js';
import { BoardQuery } from './scorecards.ranking.schemas.js';
import { boardPdf } from './scorecards.reports.pdf.js';
import { listReports, REPORT_QUEUE, reportFile, requestReport, runReport } from './scorecards.reports.js';

const ReportItem = z.object({
  id: z.number().int(),
  unit: UnitRef,
  period: z.string(),
  status: z.enum(['QUEUED', 'RUNNING', 'DONE', 'FAILED']),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  fileName: z.string().nullable(),
});

const pdfHeaders = (fileName: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `inline; filename="${fileName}"`,
});

/** The printed scorecards: the emulation board, and the monthly report drawn by a job (queue `scorecards.report`). */
export function registerScorecardReports(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const config = { permission: Permission.SCORECARD_READ };
  const tags = ['scorecards'];

  void deps.jobs.work<{ reportId: number }>(REPORT_QUEUE, (data) => runReport(deps, data.reportId));

  r.get('/api/scorecards/board.pdf', {
    config,
    schema: {
      tags,
      summary: 'The emulation board (bảng xếp hạng thi đua) of the unit’s children for a month, as a PDF',
      querystring: BoardQuery,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const data = await loadRanking(db, request.scope!, request.query);
      const { unit } = await rankingAccess(db, request.scope!, request.query.unit, data.period);
      await insertAudit(db, actorOf(request), {
        action: 'scorecards.export',
        entityType: 'unit',
        entityId: unit.id,
        details: { what: 'board', period: data.period, set: request.query.set, indicator: request.query.indicator },
      });
      const pdf = await boardPdf(db, unit, data, new Date());
      return reply.headers(pdfHeaders(`bang-xep-hang-${unit.code}-${data.period}.pdf`)).send(pdf);
    },
  });

  r.post('/api/scorecards/reports', {
    config,
    schema: {
      tags,
      summary: 'Ask for a unit’s monthly scorecard report; a job draws the PDF',
      body: z.object({ unit: Id, period: MonthParam.default(() => monthOf(new Date())) }),
      response: { 202: z.object({ id: z.number().int() }), ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(202).send(await requestReport(deps, request.scope!, actorOf(request), request.body)),
  });

  r.get('/api/scorecards/reports', {
    config,
    schema: {
      tags,
      summary: 'A unit’s monthly reports, newest first',
      querystring: z.object({ unit: Id }),
      response: { 200: z.object({ items: z.array(ReportItem) }), ...errorResponses },
    },
    handler: async (request) => listReports(db, request.scope!, request.query.unit),
  });

  r.get('/api/scorecards/reports/:id/file', {
    config,
    schema: {
      tags,
      summary: 'A monthly report’s PDF (409 while it is being drawn)',
      params: IdParams,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const file = await reportFile(db, request.scope!, request.params.id);
      await insertAudit(db, actorOf(request), {
        action: 'scorecards.report.download',
        entityType: 'scorecard_report',
        entityId: request.params.id,
      });
      return reply.headers(pdfHeaders(file.fileName)).send(file.content);
    },
  });
}
