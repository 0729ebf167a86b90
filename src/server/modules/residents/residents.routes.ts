import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { actorOf, scopeOf } from '../../lib/auth-context.js';
import {
  CreateResidentInput,
  DeathInput,
  LeaveInput,
  ListResidentsQuery,
  MoveResidentInput,
  ResidentDetail,
  ResidentPage,
  RevealedContact,
  UpdateResidentInput,
} from './residents.schemas.js';
import { RegistryHistory } from '../households/households.schemas.js';
import * as service from './residents.service.js';
import * as stays from './residents.stays.js';

/** The caller's reach for sensitive fields; null when they have none. */
function sensitiveScope(request: FastifyRequest): service.SensitiveScope {
  const scope = scopeOf(request.auth!, Permission.RESIDENT_READ_SENSITIVE);
  return scope.prefixes.length ? scope : null;
}

export function registerResidents(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/residents', {
    config: { permission: Permission.RESIDENT_READ },
    schema: {
      tags: ['residents'],
      summary: 'Search residents by name (no accents needed), ID number, phone or address, within your units',
      querystring: ListResidentsQuery,
      response: { 200: ResidentPage, ...errorResponses },
    },
    handler: async (request) => service.listResidents(deps, request.scope!, request.query, actorOf(request)),
  });

  r.get('/api/residents/:id', {
    config: { permission: Permission.RESIDENT_READ },
    schema: {
      tags: ['residents'],
      summary: "A person's record (audited)",
      params: IdParams,
      response: { 200: ResidentDetail, ...errorResponses },
    },
    handler: async (request) =>
      service.getResident(deps, request.scope!, sensitiveScope(request), request.params.id, actorOf(request)),
  });

  r.post('/api/residents/:id/reveal', {
    config: { permission: Permission.RESIDENT_UNMASK },
    schema: {
      tags: ['residents'],
      summary: "Show a person's full ID number and phone (masked everywhere else; audited each time)",
      params: IdParams,
      response: { 200: RevealedContact, ...errorResponses },
    },
    handler: async (request) => service.revealContact(deps, request.scope!, request.params.id, actorOf(request)),
  });

  r.post('/api/residents', {
    config: { permission: Permission.RESIDENT_WRITE },
    schema: {
      tags: ['residents'],
      summary: 'Register a person into a household',
      body: CreateResidentInput,
      response: { 201: ResidentDetail, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return service.createResident(deps, request.scope!, sensitiveScope(request), request.body, actorOf(request));
    },
  });

  r.patch('/api/residents/:id', {
    config: { permission: Permission.RESIDENT_WRITE },
    schema: {
      tags: ['residents'],
      summary: "Update a person's details (send the version you read)",
      params: IdParams,
      body: UpdateResidentInput,
      response: { 200: ResidentDetail, ...errorResponses },
    },
    handler: async (request) =>
      service.updateResident(
        deps,
        request.scope!,
        sensitiveScope(request),
        request.params.id,
        request.body,
        actorOf(request),
      ),
  });

  r.post('/api/residents/:id/move', {
    config: { permission: Permission.RESIDENT_WRITE },
    schema: {
      tags: ['residents'],
      summary: 'Move a person to another household, keeping history',
      params: IdParams,
      body: MoveResidentInput,
      response: { 200: ResidentDetail, ...errorResponses },
    },
    handler: async (request) =>
      stays.moveResident(
        deps,
        request.scope!,
        sensitiveScope(request),
        request.params.id,
        request.body,
        actorOf(request),
      ),
  });

  r.post('/api/residents/:id/leave', {
    config: { permission: Permission.RESIDENT_WRITE },
    schema: {
      tags: ['residents'],
      summary: 'Record that a person left (moved away, died)',
      params: IdParams,
      body: LeaveInput,
      response: { 200: ResidentDetail, ...errorResponses },
    },
    handler: async (request) =>
      stays.leaveResident(
        deps,
        request.scope!,
        sensitiveScope(request),
        request.params.id,
        request.body,
        actorOf(request),
      ),
  });

  r.post('/api/residents/:id/death', {
    config: { permission: Permission.RESIDENT_WRITE },
    schema: {
      tags: ['residents'],
      summary: 'Record a death: the person leaves with reason DIED; a head passes the household to a member picked',
      params: IdParams,
      body: DeathInput,
      response: { 200: ResidentDetail, ...errorResponses },
    },
    handler: async (request) =>
      stays.recordDeath(
        deps,
        request.scope!,
        sensitiveScope(request),
        request.params.id,
        request.body,
        actorOf(request),
      ),
  });

  r.get('/api/residents/:id/history', {
    config: { permission: Permission.RESIDENT_READ },
    schema: {
      tags: ['residents'],
      summary: 'The changes made by hand that touched this person, newest first (audited)',
      params: IdParams,
      response: { 200: RegistryHistory, ...errorResponses },
    },
    handler: async (request) => service.residentHistory(deps, request.scope!, request.params.id, actorOf(request)),
  });
}
