import { randomBytes } from 'node:crypto';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions.js';
import type { Database } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import type { App, AppDeps } from '../../deps.js';
import { type Actor, actorOf } from '../../lib/auth-context.js';
import { notFound } from '../../lib/errors.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { insertAudit } from '../audit/audit.repo.js';
import * as repo from './open311.repo.js';
import {
  ClientsQuery,
  IssueClientInput,
  IssuedOpen311Client,
  Open311Client,
  Open311ClientList,
} from './open311.schemas.js';
import { hashApiKey } from './open311.service.js';

const communeNotFound = () =>
  notFound({ vi: 'Không tìm thấy xã, phường trong phạm vi của bạn', en: 'No such commune or ward in your units' });
const clientNotFound = () => notFound({ vi: 'Không tìm thấy khóa API', en: 'No such API key' });

/** A key a client app cannot guess: 32 random bytes, prefixed so a leaked one is recognisable in logs and scans. */
export const newApiKey = () => `o311_${randomBytes(32).toString('base64url')}`;

export async function listClients(db: Database['db'], scope: Scope, communeId: number) {
  return db.transaction(async (tx) => {
    if (!(await repo.findCommuneInScope(tx, communeId, scope))) throw communeNotFound();
    return repo.listClients(tx, communeId, scope);
  });
}

/** Issues a key to a client app of a commune in scope: the key is returned this once and only its hash is kept. */
export async function issueClient(db: Database['db'], scope: Scope, input: IssueClientInput, actor: Actor) {
  return db.transaction(async (tx) => {
    if (!(await repo.findCommuneInScope(tx, input.communeId, scope))) throw communeNotFound();
    const apiKey = newApiKey();
    const client = await repo.insertClient(tx, {
      communeId: input.communeId,
      name: input.name,
      contact: input.contact || null,
      keyHash: hashApiKey(apiKey),
      keyPrefix: apiKey.slice(0, 9),
      by: actor.userId!,
    });
    await insertAudit(tx, actor, {
      action: 'feedback.open311_client.issue',
      entityType: 'open311_client',
      entityId: client.id,
      details: { communeId: input.communeId, name: input.name },
    });
    return { ...client, apiKey };
  });
}

/** Revokes a key: POSTs with it are refused from now on; the row stays, so the tickets it filed keep their source. */
export async function revokeClient(db: Database['db'], scope: Scope, id: number, actor: Actor) {
  return db.transaction(async (tx) => {
    const client = await repo.revokeClient(tx, id, scope);
    if (!client) throw clientNotFound();
    await insertAudit(tx, actor, {
      action: 'feedback.open311_client.revoke',
      entityType: 'open311_client',
      entityId: id,
      details: { communeId: client.communeId },
    });
    return client;
  });
}

/** The console's API keys for Open311 client apps, per commune (FEEDBACK_MANAGE in the commune). */
export function registerOpen311Clients(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const manage = { permission: Permission.FEEDBACK_MANAGE };

  r.get('/api/feedback/open311-clients', {
    config: manage,
    schema: {
      tags: ['feedback'],
      summary: "A commune's Open311 client apps and their keys (never the key itself)",
      querystring: ClientsQuery,
      response: { 200: Open311ClientList, ...errorResponses },
    },
    handler: async (request) => ({ items: await listClients(db, request.scope!, request.query.communeId) }),
  });

  r.post('/api/feedback/open311-clients', {
    config: manage,
    schema: {
      tags: ['feedback'],
      summary: 'Issue an api_key to an Open311 client app (shown once)',
      body: IssueClientInput,
      response: { 201: IssuedOpen311Client, ...errorResponses },
    },
    handler: async (request, reply) => {
      const issued = await issueClient(db, request.scope!, request.body, actorOf(request));
      reply.status(201);
      return issued;
    },
  });

  r.delete('/api/feedback/open311-clients/:id', {
    config: manage,
    schema: {
      tags: ['feedback'],
      summary: "Revoke a client app's api_key",
      params: IdParams,
      response: { 200: Open311Client, ...errorResponses },
    },
    handler: async (request) => revokeClient(db, request.scope!, request.params.id, actorOf(request)),
  });
}
