import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { DocumentSettings, DocumentSettingsInput } from './documents.schemas.js';
import { getDocumentSettings, updateDocumentSettings } from './documents.service.js';

/** Who signs a commune's documents (call letters, bulletins, the one-stop forms). */
export function registerDocuments(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get('/api/documents/settings/:id', {
    config: { permission: Permission.UNIT_READ },
    schema: {
      tags: ['documents'],
      summary: "A commune's document signer: on whose behalf, title and name (defaults until saved)",
      params: IdParams,
      response: { 200: DocumentSettings, ...errorResponses },
    },
    handler: async (request) => getDocumentSettings(db, request.scope!, request.params.id),
  });

  r.put('/api/documents/settings/:id', {
    config: { permission: Permission.UNIT_MANAGE },
    schema: {
      tags: ['documents'],
      summary: "Set who signs a commune's documents (refused when someone changed it since it was read)",
      params: IdParams,
      body: DocumentSettingsInput,
      response: { 200: DocumentSettings, ...errorResponses },
    },
    handler: async (request) =>
      updateDocumentSettings(deps.database.db, request.scope!, request.params.id, request.body, actorOf(request)),
  });
}
