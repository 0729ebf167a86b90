import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { insertAudit } from '../audit/audit.repo.js';
import { freezeMonth, monthEnded, periodNotEnded } from './scorecards.compute.js';
import { queueRefresh, registerScorecardJobs } from './scorecards.jobs.js';
import { listRuns, provinceFor, publishRun } from './scorecards.snapshots.js';
import {
  FreezeInput,
  FreezeResult,
  RefreshInput,
  RefreshQueued,
  SnapshotRun,
  SnapshotRuns,
  SnapshotsQuery,
} from './scorecards.snapshots.schemas.js';

/**
 * The read model's upkeep (issue 17): a refresh on demand, the monthly snapshots (list, run one for an ended month,
 * publish one to the communes), and the jobs that refresh every hour and freeze every night.
 */
export function registerScorecardSnapshots(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  registerScorecardJobs(app, deps);

  r.post('/api/scorecards/refresh', {
    config: { permission: Permission.SCORECARD_MANAGE },
    schema: {
      tags: ['scorecards'],
      summary: 'Recompute the province’s current month now (queued; the values change within a minute)',
      body: RefreshInput,
      response: { 202: RefreshQueued, ...errorResponses },
    },
    handler: async (request, reply) => {
      const province = await provinceFor(db, request.body.province, request.scope!);
      await queueRefresh(deps.jobs, { provinceId: province.id });
      return reply.status(202).send({ queued: true as const });
    },
  });

  r.get('/api/scorecards/snapshots', {
    config: { permission: Permission.SCORECARD_READ },
    schema: {
      tags: ['scorecards'],
      summary: 'The province’s monthly snapshots: when each ran, how many values it froze, whether it is published',
      querystring: SnapshotsQuery,
      response: { 200: SnapshotRuns, ...errorResponses },
    },
    handler: async (request) => {
      const province = await provinceFor(db, request.query.province, request.scope!, true);
      return listRuns(db, province.id);
    },
  });

  r.post('/api/scorecards/snapshots', {
    config: { permission: Permission.SCORECARD_MANAGE },
    schema: {
      tags: ['scorecards'],
      summary: 'Freeze an ended month of the province now (the nightly job does it at 02:00); a frozen month stays',
      body: FreezeInput,
      response: { 200: FreezeResult, ...errorResponses },
    },
    handler: async (request) => {
      const { period } = request.body;
      const province = await provinceFor(db, request.body.province, request.scope!);
      if (!monthEnded(period, new Date())) throw periodNotEnded();
      const run = await freezeMonth(deps.database, province.id, period);
      if (!run.alreadyFrozen)
        await insertAudit(db, actorOf(request), {
          action: 'scorecard.snapshot_run',
          entityType: 'scorecard_snapshot',
          entityId: run.id,
          details: { provinceId: province.id, period, values: run.values },
        });
      return { id: run.id, period, values: run.values, alreadyFrozen: run.alreadyFrozen };
    },
  });

  r.post('/api/scorecards/snapshots/:id/publish', {
    config: { permission: Permission.SCORECARD_MANAGE },
    schema: {
      tags: ['scorecards'],
      summary: 'Publish a frozen month to the province’s communes: they may then see its ranking',
      params: IdParams,
      response: { 200: SnapshotRun, ...errorResponses },
    },
    handler: async (request) =>
      db.transaction((tx) => publishRun(tx, request.params.id, request.scope!, actorOf(request))),
  });
}
