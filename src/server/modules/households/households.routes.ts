import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import {
  CreateHouseholdInput,
  HouseholdDetail,
  HouseholdPage,
  ListHouseholdsQuery,
  UpdateHouseholdInput,
} from './households.schemas.js';
import { registerHouseholdEvents } from './households.events.routes.js';
import * as service from './households.service.js';

export function registerHouseholds(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get('/api/households', {
    config: { permission: Permission.HOUSEHOLD_READ },
    schema: {
      tags: ['households'],
      summary: "Search households by address or head's name, within your units",
      querystring: ListHouseholdsQuery,
      response: { 200: HouseholdPage, ...errorResponses },
    },
    handler: async (request) => service.listHouseholds(db, request.scope!, request.query, actorOf(request)),
  });

  r.get('/api/households/:id', {
    config: { permission: Permission.HOUSEHOLD_READ },
    schema: {
      tags: ['households'],
      summary: 'A household with its members over time (audited)',
      params: IdParams,
      response: { 200: HouseholdDetail, ...errorResponses },
    },
    handler: async (request) => service.getHousehold(db, request.params.id, request.scope!, actorOf(request)),
  });

  r.post('/api/households', {
    config: { permission: Permission.HOUSEHOLD_WRITE },
    schema: {
      tags: ['households'],
      summary: 'Create a household in a residential group',
      body: CreateHouseholdInput,
      response: { 201: HouseholdDetail, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return service.createHousehold(deps.database, request.scope!, request.body, actorOf(request));
    },
  });

  r.patch('/api/households/:id', {
    config: { permission: Permission.HOUSEHOLD_WRITE },
    schema: {
      tags: ['households'],
      summary: 'Edit a household: address, kind, head, group, dissolve',
      params: IdParams,
      body: UpdateHouseholdInput,
      response: { 200: HouseholdDetail, ...errorResponses },
    },
    handler: async (request) =>
      service.updateHousehold(deps.database, request.scope!, request.params.id, request.body, actorOf(request)),
  });

  registerHouseholdEvents(app, deps);
}
