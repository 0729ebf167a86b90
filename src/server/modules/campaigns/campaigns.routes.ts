import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import { assignAutomatically, myHouseholds, reassign } from './assignment.js';
import {
  AssigneeParams,
  AssignResult,
  Campaign,
  CampaignProgress,
  CampaignTemplate,
  CreateCampaignInput,
  CreatedCampaign,
  MyHousehold,
  ReassignInput,
  RefreshResult,
  UnitQuery,
} from './campaigns.schemas.js';
import * as service from './campaigns.service.js';

/** Door-to-door campaigns (issue 5 §2): templates, creation with targets from the registry, refresh, progress. */
export function registerCampaigns(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const db = database.db;
  const read = { permission: Permission.UNIT_READ };
  const manage = { permission: Permission.CAMPAIGN_MANAGE };

  r.get('/api/campaign-templates', {
    config: read,
    schema: {
      tags: ['campaigns'],
      summary: 'What a campaign can start from (VNeID level 2, digitising, online payment, digital skills, custom)',
      response: { 200: z.object({ items: z.array(CampaignTemplate) }), ...errorResponses },
    },
    handler: async () => service.listTemplates(),
  });

  r.get('/api/campaigns', {
    config: read,
    schema: {
      tags: ['campaigns'],
      summary: "Campaigns in your units and those that cover them (a province campaign and its communes' parts)",
      response: { 200: z.object({ items: z.array(Campaign) }), ...errorResponses },
    },
    handler: async (request) => service.listCampaigns(db, request.scope!),
  });

  r.post('/api/campaigns', {
    config: manage,
    schema: {
      tags: ['campaigns'],
      summary:
        'Start a campaign from a template: its targets are taken from the registry now (a province campaign fans out to its communes)',
      body: CreateCampaignInput,
      response: { 201: CreatedCampaign, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return service.createCampaign(database, request.scope!, request.body, request.auth!.user.id, actorOf(request));
    },
  });

  r.post('/api/campaigns/:id/refresh', {
    config: manage,
    schema: {
      tags: ['campaigns'],
      summary: 'Bring the targets up to date: new residents who match join, people who moved away leave',
      params: IdParams,
      response: { 200: RefreshResult, ...errorResponses },
    },
    handler: async (request) => service.refreshCampaign(database, request.scope!, request.params.id, actorOf(request)),
  });

  r.post('/api/campaigns/:id/assign', {
    config: manage,
    schema: {
      tags: ['campaigns'],
      summary: "Hand unassigned households to their group team's members, the least loaded first",
      params: IdParams,
      response: { 200: AssignResult, ...errorResponses },
    },
    handler: async (request) => assignAutomatically(database, request.scope!, request.params.id, actorOf(request)),
  });

  r.put('/api/campaigns/:id/households/:householdId/assignee', {
    config: manage,
    schema: {
      tags: ['campaigns'],
      summary: 'Give a household to another team member (audited)',
      params: AssigneeParams,
      body: ReassignInput,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { id, householdId } = request.params;
      await reassign(database, request.scope!, id, householdId, request.body.memberId, actorOf(request));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/campaigns/:id/mine', {
    config: read,
    schema: {
      tags: ['campaigns'],
      summary: 'The households assigned to me (the team member signed in), with how far each is',
      params: IdParams,
      response: { 200: z.object({ items: z.array(MyHousehold) }), ...errorResponses },
    },
    handler: async (request) => myHouseholds(db, request.scope!, request.params.id, request.auth!.user.id),
  });

  r.get('/api/campaigns/:id/progress', {
    config: read,
    schema: {
      tags: ['campaigns'],
      summary: 'Progress against the target, one row per unit below (province → communes → groups → alleys)',
      params: IdParams,
      querystring: UnitQuery,
      response: { 200: CampaignProgress, ...errorResponses },
    },
    handler: async (request) => service.progressOf(db, request.scope!, request.params.id, request.query.unitId),
  });
}
