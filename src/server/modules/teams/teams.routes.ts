import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, IdParams, Problem } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import {
  AddDutyShiftInput,
  AddMemberInput,
  CommuneCodeParams,
  Created,
  CreateTeamInput,
  DutyQuery,
  DutyShift,
  PublicSupportPoint,
  SupportPoint,
  SupportPointInput,
  Team,
} from './teams.schemas.js';
import { registerTeamMembers } from './members.routes.js';
import * as service from './teams.service.js';

/**
 * Community Digital Technology Teams (issue 5 §1): a team per residential group and one for the commune, their
 * members (people with a phone and skills, some also with a login), the one-stop counter's duty roster, and the
 * support points where a team helps people, which citizens see on the commune's page.
 */
export function registerTeams(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher } = deps;
  const db = database.db;
  const read = { permission: Permission.UNIT_READ };
  const manage = { permission: Permission.TEAM_MANAGE };

  r.get('/api/teams', {
    config: read,
    schema: {
      tags: ['teams'],
      summary: 'Teams in your units, with their current members',
      response: { 200: z.object({ items: z.array(Team) }), ...errorResponses },
    },
    handler: async (request) => service.listTeams(db, request.scope!, request.auth!),
  });

  r.post('/api/teams', {
    config: manage,
    schema: {
      tags: ['teams'],
      summary: "Set up a team for a residential group or the commune (by the chair's decision)",
      body: CreateTeamInput,
      response: { 201: Created, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return service.createTeam(db, request.scope!, request.body, actorOf(request));
    },
  });

  r.post('/api/teams/:id/members', {
    config: manage,
    schema: {
      tags: ['teams'],
      summary: 'Add a member (the group head as HEAD, volunteers as MEMBER)',
      params: IdParams,
      body: AddMemberInput,
      response: { 201: Created, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return service.addMember(db, request.scope!, request.params.id, request.body, actorOf(request), cipher);
    },
  });

  registerTeamMembers(app, deps);

  r.get('/api/duty', {
    config: read,
    schema: {
      tags: ['teams'],
      summary: 'Who is on duty at the one-stop counter, day by day',
      querystring: DutyQuery,
      response: { 200: z.object({ items: z.array(DutyShift) }), ...errorResponses },
    },
    handler: async (request) => service.listDutyShifts(db, request.scope!, request.query),
  });

  r.post('/api/duty', {
    config: manage,
    schema: {
      tags: ['teams'],
      summary: 'Put a team member on a counter shift',
      body: AddDutyShiftInput,
      response: { 201: Created, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return service.addDutyShift(db, request.scope!, request.body, actorOf(request));
    },
  });

  r.get('/api/support-points', {
    config: read,
    schema: {
      tags: ['teams'],
      summary: 'Support points in your units',
      response: { 200: z.object({ items: z.array(SupportPoint) }), ...errorResponses },
    },
    handler: async (request) => service.listSupportPoints(db, request.scope!),
  });

  r.post('/api/support-points', {
    config: manage,
    schema: {
      tags: ['teams'],
      summary: "A place where the team helps people, with its hours (shown on the commune's page)",
      body: SupportPointInput,
      response: { 201: SupportPoint, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return service.createSupportPoint(db, request.scope!, request.body, actorOf(request));
    },
  });

  r.get('/api/public/communes/:code/support-points', {
    config: { public: true },
    schema: {
      tags: ['teams'],
      summary: "Where the commune's digital teams help people, and when (no login)",
      security: [],
      params: CommuneCodeParams,
      response: {
        200: z.object({ items: z.array(PublicSupportPoint) }),
        400: Problem,
        404: Problem,
        429: Problem,
      },
    },
    handler: async (request, reply) => {
      const points = await service.listPublicSupportPoints(db, request.params.code);
      reply.header('cache-control', 'public, max-age=300');
      return points;
    },
  });
}
