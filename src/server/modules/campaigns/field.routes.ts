import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { VisitOutcome } from '../../../shared/enums.js';
import { errorResponses, Id, IdParams } from '../../lib/http.js';
import { actorOf, scopeOf } from '../../lib/auth-context.js';
import * as field from './field.js';

const Person = z.object({
  residentId: z.number().int().nullable(),
  fullName: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  vneidLevel: z.string().nullable(),
  phoneTail: z.string().nullable(),
  version: z.number().int().nullable(),
  checks: z.array(z.string()),
  done: z.boolean(),
  lastOutcome: z.string().nullable(),
});
const FieldPack = z
  .object({
    campaign: z.object({
      id: z.number().int(),
      name: z.string(),
      kind: z.string(),
      level: z.string(),
      deadline: z.string(),
      checklist: z.array(z.object({ key: z.string(), label: z.string() })),
      fieldUpdates: z.array(z.enum(['vneidLevel', 'phone'])),
    }),
    households: z.array(
      z.object({
        householdId: z.number().int(),
        address: z.string(),
        unitName: z.string(),
        version: z.number().int(),
        lastOutcome: z.string().nullable(),
        bestTime: z.string().nullable(),
        people: z.array(Person),
      }),
    ),
    downloadedAt: z.string(),
  })
  .meta({ id: 'CampaignFieldPack' });
const SyncResult = z.object({
  id: z.string(),
  status: z.enum(['APPLIED', 'CONFLICT', 'DUPLICATE', 'REJECTED']),
  conflict: z.enum(['HOUSEHOLD_CHANGED', 'PERSON_CHANGED', 'NOT_ASSIGNED']).optional(),
  error: z.object({ code: z.string(), vi: z.string(), en: z.string() }).optional(),
});
const ConflictRow = z.object({
  id: z.string(),
  householdId: z.number().int(),
  address: z.string(),
  unitName: z.string(),
  recordedBy: z.string().nullable(),
  visitedAt: z.string(),
  outcome: z.enum(VisitOutcome),
  bestTime: z.string().nullable(),
  note: z.string().nullable(),
  conflict: z.string(),
  baseVersion: z.number().int(),
  version: z.number().int(),
});

/** The field app's side of campaigns (issue 5 §4): the offline pack, the visit upload, and conflicts for the group head. */
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
      response: { 200: FieldPack, ...errorResponses },
    },
    handler: async (request) =>
      field.downloadForField(
        database.db,
        request.scope!,
        request.params.id,
        request.auth!.user.id,
        actorOf(request),
        cipher,
      ),
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
      body: field.SyncBody,
      response: { 200: z.object({ results: z.array(SyncResult) }), ...errorResponses },
    },
    handler: async (request) => {
      const manages = scopeOf(request.auth!, Permission.CAMPAIGN_MANAGE).prefixes.length > 0;
      return field.syncVisits(
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
      response: { 200: z.object({ items: z.array(ConflictRow) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: (await field.listConflicts(database.db, request.scope!, request.params.id)) as z.infer<
        typeof ConflictRow
      >[],
    }),
  });

  r.post('/api/campaigns/:id/visits/:visitId/resolve', {
    config: manage,
    schema: {
      tags: ['campaigns'],
      summary: 'Apply a conflicting visit over what changed, or dismiss it (it stays on record)',
      params: z.object({ id: Id, visitId: z.uuid() }),
      body: z.object({ action: z.enum(['APPLY', 'DISMISS']) }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await field.resolveConflict(
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
