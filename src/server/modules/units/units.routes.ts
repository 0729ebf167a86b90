import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import { CloseUnitInput, CreateUnitInput, ListUnitsQuery, Unit, UnitDetail, UpdateUnitInput } from './units.schemas.js';
import * as service from './units.service.js';

export function registerUnits(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get('/api/units', {
    config: { permission: Permission.UNIT_READ },
    schema: {
      tags: ['units'],
      summary: 'Children of a unit, or the units your roles sit on when no parent is given',
      querystring: ListUnitsQuery,
      response: { 200: z.object({ items: z.array(Unit) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: await service.listUnits(db, request.scope!, {
        parent: request.query.parent,
        includeClosed: request.query.includeClosed === 'true',
      }),
    }),
  });

  r.get('/api/units/:id', {
    config: { permission: Permission.UNIT_READ },
    schema: {
      tags: ['units'],
      summary: 'One unit with its ancestors',
      params: IdParams,
      response: { 200: UnitDetail, ...errorResponses },
    },
    handler: async (request) => service.getUnit(db, request.params.id, request.scope!),
  });

  r.post('/api/units', {
    config: { permission: Permission.UNIT_MANAGE },
    schema: {
      tags: ['units'],
      summary: 'Create a unit under a parent',
      body: CreateUnitInput,
      response: { 201: Unit, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return service.createUnit(deps.database, request.scope!, request.body, actorOf(request));
    },
  });

  r.patch('/api/units/:id', {
    config: { permission: Permission.UNIT_MANAGE },
    schema: {
      tags: ['units'],
      summary: 'Rename or move a unit',
      params: IdParams,
      body: UpdateUnitInput,
      response: { 200: UnitDetail, ...errorResponses },
    },
    handler: async (request) =>
      service.updateUnit(deps.database, request.scope!, request.params.id, request.body, actorOf(request)),
  });

  r.post('/api/units/:id/close', {
    config: { permission: Permission.UNIT_MANAGE },
    schema: {
      tags: ['units'],
      summary: 'Close a unit and its subtree; closed units take no new records',
      params: IdParams,
      body: CloseUnitInput,
      response: { 200: UnitDetail, ...errorResponses },
    },
    handler: async (request) =>
      service.closeUnit(deps.database, request.scope!, request.params.id, request.body.reason, actorOf(request)),
  });
}
