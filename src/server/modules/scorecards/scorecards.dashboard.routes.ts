import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { errorResponses } from '../../lib/http.js';
import { type SheetRow, sendSheet } from '../../lib/spreadsheet.js';
import { insertAudit } from '../audit/audit.repo.js';
import { loadDashboard, loadTrend } from './scorecards.dashboard.js';
import { Dashboard, DashboardExportQuery, DashboardQuery, Trend, TrendQuery } from './scorecards.dashboard.schemas.js';
import { dashboardSheet, rankingSheet } from './scorecards.export.js';
import { loadRanking } from './scorecards.ranking.js';
import { Ranking, RankingExportQuery, RankingQuery, Score, ScoreQuery } from './scorecards.ranking.schemas.js';
import { loadScore } from './scorecards.score.js';

async function* each(rows: SheetRow[]) {
  yield rows;
}

/** The scorecards' read side: dashboard, trend, ranking, a set's score, and their exports (issue 17). */
export function registerScorecardDashboards(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const config = { permission: Permission.SCORECARD_READ };
  const tags = ['scorecards'];

  r.get('/api/scorecards/dashboard', {
    config,
    schema: {
      tags,
      summary: 'A unit and its children × indicators for a month: values, targets, lights, change, what moved',
      querystring: DashboardQuery,
      response: { 200: Dashboard, ...errorResponses },
    },
    handler: async (request) => loadDashboard(db, request.scope!, request.query),
  });

  r.get('/api/scorecards/dashboard/export', {
    config,
    schema: {
      tags,
      summary: 'The dashboard as .xlsx or .csv, one row per unit and indicator',
      querystring: DashboardExportQuery,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { format, ...query } = request.query;
      const data = await loadDashboard(db, request.scope!, query);
      await insertAudit(db, actorOf(request), {
        action: 'scorecards.export',
        entityType: 'unit',
        entityId: data.unit.id,
        details: { what: 'dashboard', period: data.period, format },
      });
      const sheet = dashboardSheet(data);
      return sendSheet(reply, {
        format,
        fileName: `chi-so-${data.unit.code}-${data.period}`,
        sheetName: sheet.sheetName,
        columns: sheet.columns,
        rows: each(sheet.rows),
      });
    },
  });

  r.get('/api/scorecards/trend', {
    config,
    schema: {
      tags,
      summary: 'One indicator of a unit over the months up to a period (12 by default), with targets and lights',
      querystring: TrendQuery,
      response: { 200: Trend, ...errorResponses },
    },
    handler: async (request) => loadTrend(db, request.scope!, request.query),
  });

  r.get('/api/scorecards/ranking', {
    config,
    schema: {
      tags,
      summary:
        'The unit’s children ranked on an indicator or a scored set, with last month’s rank; a commune sees its province’s ranking of a published month',
      querystring: RankingQuery,
      response: { 200: Ranking, ...errorResponses },
    },
    handler: async (request) => loadRanking(db, request.scope!, request.query),
  });

  r.get('/api/scorecards/ranking/export', {
    config,
    schema: {
      tags,
      summary: 'The ranking as .xlsx or .csv',
      querystring: RankingExportQuery,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { format, ...query } = request.query;
      const data = await loadRanking(db, request.scope!, query);
      await insertAudit(db, actorOf(request), {
        action: 'scorecards.export',
        entityType: 'unit',
        entityId: data.unit.id,
        details: { what: 'ranking', period: data.period, indicator: query.indicator, set: query.set, format },
      });
      const sheet = rankingSheet(data);
      return sendSheet(reply, {
        format,
        fileName: `xep-hang-${data.unit.code}-${data.period}`,
        sheetName: sheet.sheetName,
        columns: sheet.columns,
        rows: each(sheet.rows),
      });
    },
  });

  r.get('/api/scorecards/score', {
    config,
    schema: {
      tags,
      summary: 'A unit’s points on a scored set for a month, per pillar and per item',
      querystring: ScoreQuery,
      response: { 200: Score, ...errorResponses },
    },
    handler: async (request) => loadScore(db, request.scope!, request.query),
  });
}
