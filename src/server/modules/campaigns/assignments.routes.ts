import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import { listAssignments, moveAll } from './assignments.js';
import { Assignments, AssignmentsQuery, MoveAllInput } from './assignments.schemas.js';

/** The assignment screen's API: who holds what, and moving a member's whole list to another member. */
export function registerCampaignAssignments(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const manage = { permission: Permission.CAMPAIGN_MANAGE };

  r.get('/api/campaigns/:id/assignments', {
    config: manage,
    schema: {
      tags: ['campaigns'],
      summary:
        "Team members' loads and logins, households unassigned or held by someone who cannot work them; one member's list",
      params: IdParams,
      querystring: AssignmentsQuery,
      response: { 200: Assignments, ...errorResponses },
    },
    handler: async (request) => listAssignments(database.db, request.scope!, request.params.id, request.query),
  });

  r.post('/api/campaigns/:id/assignments/move', {
    config: manage,
    schema: {
      tags: ['campaigns'],
      summary: 'Give every household a member still has to visit to another member who can sign in (audited)',
      params: IdParams,
      body: MoveAllInput,
      response: { 200: z.object({ moved: z.number().int() }), ...errorResponses },
    },
    handler: async (request) => moveAll(database, request.scope!, request.params.id, request.body, actorOf(request)),
  });
}
