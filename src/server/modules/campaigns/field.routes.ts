import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { actorOf, scopeOf } from '../../lib/auth-context.js';
import { listConflicts, resolveConflict, syncVisits } from './field.js';
import { downloadForField } from './field.pack.js';
import {
  CampaignFieldPack,
  ResolveConflictInput,
  SyncResult,
  SyncVisitsInput,
  VisitConflict,
  VisitParams,
} from './field.schemas.js';

/**
 * The field app's side of campaigns (issue 5 §4): the offline pack, the visit upload, and conflicts for the group
 * head.
 */
export function registerCampaignField(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher } = deps;
  const visit = { permission: Permission.CAMPAIGN_VISIT };
  const manage = { permission: Permission.CAMPAIGN_MANAGE };

  r.get('/api/campaigns/:id/field', {
    config: visit,
    schema: {
      tags: ['campaigns'],
      summary:
        'My households to take into the field (for offline use): people to see, registry versions, the checklist',
      params: IdParams,
      response: { 200: CampaignFieldPack, ...errorResponses },
    },
    handler: async (request) =>
      downloadForField(database.db, request.scope!, request.params.id, request.auth!.user.id, actorOf(request), cipher),
  });

  r.post('/api/campaigns/:id/visits', {
    config: visit,
    schema: {
      tags: ['campaigns'],
      summary:
        'Upload visits recorded on a device (up to 500 at a time); each is stored once by its id, so a retry is safe',
      description:
        'Each visit answers APPLIED, DUPLICATE (already stored), CONFLICT (stored; made against a household or person changed since download, or one given to another member — the group head decides) or REJECTED (not stored; outside your area or the campaign, with why).',
      params: IdParams,
      body: SyncVisitsInput,
      response: { 200: z.object({ results: z.array(SyncResult) }), ...errorResponses },
    },
    handler: async (request) => {
      // Whoever manages campaigns may apply a visit to a household given to someone else (no NOT_ASSIGNED conflict).
      const manages = scopeOf(request.auth!, Permission.CAMPAIGN_MANAGE).prefixes.length > 0;
      return syncVisits(
        database,
        request.scope!,
        request.params.id,
        request.body,
        request.auth!.user.id,
        manages,
        actorOf(request),
        cipher,
      );
    },
  });

  r.get('/api/campaigns/:id/conflicts', {
    config: manage,
    schema: {
      tags: ['campaigns'],
      summary:
        'Visits waiting for a decision: made against a changed household or person, or by someone the household was not given to',
      params: IdParams,
      response: { 200: z.object({ items: z.array(VisitConflict) }), ...errorResponses },
    },
    handler: async (request) => listConflicts(database.db, request.scope!, request.params.id),
  });

  r.post('/api/campaigns/:id/visits/:visitId/resolve', {
    config: manage,
    schema: {
      tags: ['campaigns'],
      summary: 'Apply a conflicting visit over what changed, or dismiss it (it stays on record)',
      params: VisitParams,
      body: ResolveConflictInput,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await resolveConflict(
        database,
        request.scope!,
        request.params.id,
        request.params.visitId,
        request.body.action,
        request.auth!.user.id,
        actorOf(request),
        cipher,
      );
      return reply.status(204).send(null);
    },
  });
}
