import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import * as events from './households.events.js';
import * as history from './households.history.js';
import {
  BirthInput,
  ChangeHeadInput,
  ChangeParams,
  ChangeResult,
  MergeInput,
  RegistryHistory,
  RelocateInput,
  SplitInput,
} from './households.schemas.js';

/** A household's life recorded by hand (birth, head, move, split, merge), its history and undo. */
export function registerHouseholdEvents(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const write = { permission: Permission.HOUSEHOLD_WRITE };
  const tags = ['households'];

  r.post('/api/households/:id/births', {
    config: write,
    schema: {
      tags,
      summary: 'Record a birth: the child joins the household (ID number may come later)',
      params: IdParams,
      body: BirthInput,
      response: { 200: ChangeResult, ...errorResponses },
    },
    handler: async (request) =>
      events.recordBirth(deps.database, request.scope!, request.params.id, request.body, actorOf(request)),
  });

  r.post('/api/households/:id/head', {
    config: write,
    schema: {
      tags,
      summary: 'Change the head of a household to another current member',
      params: IdParams,
      body: ChangeHeadInput,
      response: { 200: ChangeResult, ...errorResponses },
    },
    handler: async (request) =>
      events.changeHead(deps.database, request.scope!, request.params.id, request.body, actorOf(request)),
  });

  r.post('/api/households/:id/relocate', {
    config: write,
    schema: {
      tags,
      summary: 'Move a whole household to another group, alley or address; its members follow',
      params: IdParams,
      body: RelocateInput,
      response: { 200: ChangeResult, ...errorResponses },
    },
    handler: async (request) =>
      events.relocateHousehold(deps.database, request.scope!, request.params.id, request.body, actorOf(request)),
  });

  r.post('/api/households/:id/split', {
    config: write,
    schema: {
      tags,
      summary: 'Split a household: some members form a new one with its own head and address',
      params: IdParams,
      body: SplitInput,
      response: { 200: ChangeResult, ...errorResponses },
    },
    handler: async (request) =>
      events.splitHousehold(deps.database, request.scope!, request.params.id, request.body, actorOf(request)),
  });

  r.post('/api/households/:id/merge', {
    config: write,
    schema: {
      tags,
      summary: 'Merge into another household: the members join it and this one is closed (kept, not deleted)',
      params: IdParams,
      body: MergeInput,
      response: { 200: ChangeResult, ...errorResponses },
    },
    handler: async (request) =>
      events.mergeHousehold(deps.database, request.scope!, request.params.id, request.body, actorOf(request)),
  });

  r.get('/api/households/:id/history', {
    config: { permission: Permission.HOUSEHOLD_READ },
    schema: {
      tags,
      summary: "The household's changes made by hand, newest first, each with who, when and whether it can be undone",
      params: IdParams,
      response: { 200: RegistryHistory, ...errorResponses },
    },
    handler: async (request) =>
      history.householdHistory(deps.database.db, request.scope!, request.params.id, actorOf(request)),
  });

  r.post('/api/households/:id/changes/:changeId/undo', {
    config: write,
    schema: {
      tags,
      summary: 'Undo a change, while nothing later has touched the households and people it changed',
      params: ChangeParams,
      response: { 200: ChangeResult, ...errorResponses },
    },
    handler: async (request) =>
      history.undoChange(deps.database, request.scope!, request.params.id, request.params.changeId, actorOf(request)),
  });
}
