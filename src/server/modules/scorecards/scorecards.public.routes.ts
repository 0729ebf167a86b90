import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { errorResponses, Problem } from '../../lib/http.js';
import { ttlCache } from '../../lib/ttl-cache.js';
import { insertAudit } from '../audit/audit.repo.js';
import { publicScorecard, snapshotValues } from './scorecards.public.js';
import {
  PublicScorecard,
  PublicScorecardParams,
  SnapshotValues,
  SnapshotValuesParams,
  SnapshotValuesQuery,
} from './scorecards.public.schemas.js';

/** Public answers change only when a month is frozen or a commune changes what it publishes: a minute is plenty. */
const PUBLIC_TTL_MS = 60_000;

/** The frozen values for the province's systems, and a commune's public scorecard. */
export function registerScorecardPublic(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const cache = ttlCache<Awaited<ReturnType<typeof publicScorecard>>>({ ttlMs: PUBLIC_TTL_MS, maxEntries: 500 });

  r.get('/api/scorecards/snapshots/:period/values', {
    config: { permission: Permission.SCORECARD_READ },
    schema: {
      tags: ['scorecards'],
      summary: 'Every frozen value of a month under a unit, with targets and lights (for the province’s systems)',
      description:
        'Example: `GET /api/scorecards/snapshots/2026-10/values?unit=12` with a session of the province officer. ' +
        'Only frozen months (404 otherwise); the caller’s units only.',
      params: SnapshotValuesParams,
      querystring: SnapshotValuesQuery,
      response: { 200: SnapshotValues, ...errorResponses },
    },
    handler: async (request) => {
      const out = await snapshotValues(db, request.scope!, request.params.period, request.query.unit);
      await insertAudit(db, actorOf(request), {
        action: 'scorecards.export',
        entityType: 'unit',
        entityId: request.query.unit,
        details: { what: 'snapshot-values', period: out.period, values: out.values.length },
      });
      return out;
    },
  });

  r.get('/api/public/communes/:code/scorecard', {
    config: { public: true },
    schema: {
      tags: ['public'],
      summary: 'A commune’s public scorecard: the indicators it publishes, its last frozen month, 12 months’ trend',
      security: [],
      params: PublicScorecardParams,
      response: { 200: PublicScorecard, 400: Problem, 404: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      const { code } = request.params;
      let out = cache.get(code);
      if (!out) {
        out = await publicScorecard(db, code);
        cache.set(code, out);
      }
      reply.header('cache-control', `public, max-age=${PUBLIC_TTL_MS / 1000}`);
      return out;
    },
  });
}
