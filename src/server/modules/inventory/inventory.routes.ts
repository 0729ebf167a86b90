import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import {
  CreateItemInput,
  InventoryItem,
  InventoryList,
  SuggestionQuery,
  Suggestions,
  UnitQuery,
  UpdateItemInput,
} from './inventory.schemas.js';
import { createItem, deleteItem, listInventory, updateItem } from './inventory.service.js';
import { inventorySuggestions } from './inventory.suggestions.js';

const tags = ['inventory'];

/** The ICT inventory of communes and their groups, and the figures it suggests for the entered scorecard values. */
export function registerInventory(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const by = (request: FastifyRequest) => ({ userId: request.auth!.user.id, actor: actorOf(request) });

  r.get('/api/inventory', {
    config: { permission: Permission.SCORECARD_READ },
    schema: {
      tags,
      summary: 'The items of a unit and the units under it, with totals per kind',
      querystring: UnitQuery,
      response: { 200: InventoryList, ...errorResponses },
    },
    handler: async (request) => listInventory(db, request.scope!, request.query.unit),
  });

  r.get('/api/inventory/suggestions', {
    config: { permission: Permission.SCORECARD_READ },
    schema: {
      tags,
      summary: 'Starting figures for the entered indicators the inventory can count (computers, their age, rooms…)',
      querystring: SuggestionQuery,
      response: { 200: Suggestions, ...errorResponses },
    },
    handler: async (request) => inventorySuggestions(db, request.scope!, request.query.unit, request.query.period),
  });

  r.post('/api/inventory', {
    config: { permission: Permission.SCORECARD_ENTER },
    schema: {
      tags,
      summary: 'Add an item (or a number of the same kind)',
      body: CreateItemInput,
      response: { 201: InventoryItem, ...errorResponses },
    },
    handler: async (request, reply) => {
      const item = await createItem(db, request.scope!, request.body, by(request));
      reply.status(201);
      return item;
    },
  });

  r.patch('/api/inventory/:id', {
    config: { permission: Permission.SCORECARD_ENTER },
    schema: {
      tags,
      summary: 'Change an item (409 when stale)',
      params: IdParams,
      body: UpdateItemInput,
      response: { 200: InventoryItem, ...errorResponses },
    },
    handler: async (request) => updateItem(db, request.scope!, request.params.id, request.body, by(request)),
  });

  r.delete('/api/inventory/:id', {
    config: { permission: Permission.SCORECARD_ENTER },
    schema: {
      tags,
      summary: 'Remove an item',
      params: IdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await deleteItem(db, request.scope!, request.params.id, by(request));
      return reply.status(204).send(null);
    },
  });
}
