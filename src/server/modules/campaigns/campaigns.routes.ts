import { asc, eq } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { campaigns, units } from '../../db/schema/index.js';
import { errorResponses, Id, IdParams } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import { assignAutomatically, myHouseholds, reassign } from './assignment.js';
import * as service from './campaigns.service.js';

const Campaign = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    parentId: z.number().int().nullable(),
    kind: service.CampaignKind,
    name: z.string(),
    level: z.enum(['PERSON', 'HOUSEHOLD']),
    targetRate: z.number().int(),
    startsOn: z.string(),
    deadline: z.string(),
    status: z.enum(['ACTIVE', 'CLOSED']),
    checklist: z.array(z.object({ key: z.string(), label: z.string() })),
  })
  .meta({ id: 'Campaign' });
const Progress = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.string(),
    level: z.string(),
    targetRate: z.number().int(),
    startsOn: z.string(),
    deadline: z.string(),
    total: z.object({ targets: z.number().int(), done: z.number().int(), rate: z.number() }),
    units: z.array(
      z.object({
        unitId: z.number().int().nullable(),
        name: z.string(),
        targets: z.number().int(),
        done: z.number().int(),
        rate: z.number(),
      }),
    ),
  })
  .meta({ id: 'CampaignProgress' });

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
      response: {
        200: z.object({
          items: z.array(
            z.object({
              kind: service.CampaignKind,
              name: z.string(),
              level: z.string(),
              targetRate: z.number().int(),
              filters: z.record(z.string(), z.unknown()),
              checklist: z.array(z.object({ key: z.string(), label: z.string() })),
              guide: z.string(),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async () => ({
      items: Object.entries(service.CAMPAIGN_TEMPLATES).map(([kind, t]) => ({
        kind: kind as service.CampaignKind,
        ...t,
        filters: t.filters as Record<string, unknown>,
      })),
    }),
  });

  r.get('/api/campaigns', {
    config: read,
    schema: {
      tags: ['campaigns'],
      summary: "Campaigns in your units and those that cover them (a province campaign and its communes' parts)",
      response: { 200: z.object({ items: z.array(Campaign) }), ...errorResponses },
    },
    handler: async (request) => {
      const rows = (
        await db
          .select({ c: campaigns })
          .from(campaigns)
          .innerJoin(units, eq(units.id, campaigns.unitId))
          .where(service.campaignVisible(request.scope!))
          .orderBy(asc(campaigns.deadline), asc(campaigns.id))
          .limit(200)
      ).map((x) => x.c);
      return {
        items: rows.map((c) => ({
          id: c.id,
          unitId: c.unitId,
          parentId: c.parentId,
          kind: c.kind as service.CampaignKind,
          name: c.name,
          level: c.level as 'PERSON' | 'HOUSEHOLD',
          targetRate: c.targetRate,
          startsOn: c.startsOn,
          deadline: c.deadline,
          status: c.status as 'ACTIVE' | 'CLOSED',
          checklist: c.checklist,
        })),
      };
    },
  });

  r.post('/api/campaigns', {
    config: manage,
    schema: {
      tags: ['campaigns'],
      summary:
        'Start a campaign from a template: its targets are taken from the registry now (a province campaign fans out to its communes)',
      body: service.NewCampaign,
      response: {
        201: z.object({ id: z.number().int(), communes: z.number().int(), targets: z.number().int() }),
        ...errorResponses,
      },
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
      response: { 200: z.object({ added: z.number().int(), removed: z.number().int() }), ...errorResponses },
    },
    handler: async (request) => service.refreshCampaign(database, request.scope!, request.params.id, actorOf(request)),
  });

  r.post('/api/campaigns/:id/assign', {
    config: manage,
    schema: {
      tags: ['campaigns'],
      summary: "Hand unassigned households to their group team's members, the least loaded first",
      params: IdParams,
      response: { 200: z.object({ assigned: z.number().int() }), ...errorResponses },
    },
    handler: async (request) => assignAutomatically(database, request.scope!, request.params.id, actorOf(request)),
  });

  r.put('/api/campaigns/:id/households/:householdId/assignee', {
    config: manage,
    schema: {
      tags: ['campaigns'],
      summary: 'Give a household to another team member (audited)',
      params: z.object({ id: Id, householdId: Id }),
      body: z.object({ memberId: Id }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await reassign(
        database,
        request.scope!,
        request.params.id,
        request.params.householdId,
        request.body.memberId,
        actorOf(request),
      );
      return reply.status(204).send(null);
    },
  });

  r.get('/api/campaigns/:id/mine', {
    config: read,
    schema: {
      tags: ['campaigns'],
      summary: 'The households assigned to me (the team member signed in), with how far each is',
      params: IdParams,
      response: {
        200: z.object({
          items: z.array(
            z.object({
              householdId: z.number().int(),
              address: z.string(),
              unitName: z.string(),
              people: z.number().int(),
              done: z.number().int(),
              lastOutcome: z.string().nullable(),
              bestTime: z.string().nullable(),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      await service.getCampaign(db, request.scope!, request.params.id, { covering: true });
      return { items: await myHouseholds(db, request.auth!.user.id, request.params.id) };
    },
  });

  r.get('/api/campaigns/:id/progress', {
    config: read,
    schema: {
      tags: ['campaigns'],
      summary: 'Progress against the target, one row per unit below (province → communes → groups → alleys)',
      params: IdParams,
      querystring: z.object({ unitId: Id.optional() }),
      response: { 200: Progress, ...errorResponses },
    },
    handler: async (request) => service.progressOf(db, request.scope!, request.params.id, request.query.unitId),
  });
}
