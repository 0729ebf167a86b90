import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses } from '../../lib/http.js';
import { loadFeedbackRanking, loadFeedbackStats } from './feedback.stats.js';
import { FeedbackRanking, FeedbackRankingQuery, FeedbackStats, FeedbackStatsQuery } from './feedback.stats.schemas.js';

/** The measures of questions and reports per unit and period, and the province's ranking of its communes. */
export function registerFeedbackStats(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get('/api/feedback/stats', {
    config: { permission: Permission.FEEDBACK_READ },
    schema: {
      tags: ['feedback'],
      summary: 'Measures of a unit over a period: received, answered (on time), overdue, time to answer, satisfaction',
      querystring: FeedbackStatsQuery,
      response: { 200: FeedbackStats, ...errorResponses },
    },
    handler: async (request) => loadFeedbackStats(db, request.scope!, request.query),
  });

  r.get('/api/feedback/ranking', {
    config: { permission: Permission.FEEDBACK_READ },
    schema: {
      tags: ['feedback'],
      summary: 'The communes under a unit (a province) in the caller’s scope, ranked on one measure over a period',
      querystring: FeedbackRankingQuery,
      response: { 200: FeedbackRanking, ...errorResponses },
    },
    handler: async (request) => loadFeedbackRanking(db, request.scope!, request.query),
  });
}
