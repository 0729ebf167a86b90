import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import {
  CreateUserInput,
  ListUsersQuery,
  ResetPasswordInput,
  UpdateUserInput,
  UserPage,
  UserSummary,
} from './users.schemas.js';
import * as service from './users.service.js';

export function registerUsers(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: Permission.USER_MANAGE };

  r.get('/api/users', {
    config,
    schema: {
      tags: ['users'],
      summary: 'Staff accounts with a role inside your units',
      querystring: ListUsersQuery,
      response: { 200: UserPage, ...errorResponses },
    },
    handler: async (request) => service.listUsers(deps.database.db, deps.cipher, request.scope!, request.query),
  });

  r.post('/api/users', {
    config,
    schema: {
      tags: ['users'],
      summary: 'Create a staff account with roles on units',
      body: CreateUserInput,
      response: { 201: UserSummary, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return service.createUser(deps.database, deps.cipher, request.auth!, request.body, actorOf(request));
    },
  });

  r.patch('/api/users/:id', {
    config,
    schema: {
      tags: ['users'],
      summary: 'Rename, disable, re-scope an account or change its email and phone',
      params: IdParams,
      body: UpdateUserInput,
      response: { 200: UserSummary, ...errorResponses },
    },
    handler: async (request) =>
      service.updateUser(deps.database, deps.cipher, request.auth!, request.params.id, request.body, actorOf(request)),
  });

  r.post('/api/users/:id/password', {
    config,
    schema: {
      tags: ['users'],
      summary: "Reset an account's password; ends its sessions",
      params: IdParams,
      body: ResetPasswordInput,
      response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
    },
    handler: async (request) => {
      await service.resetPassword(
        deps.database,
        request.auth!,
        request.params.id,
        request.body.newPassword,
        actorOf(request),
      );
      return { ok: true as const };
    },
  });
}
