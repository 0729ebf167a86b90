import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import { MessageTemplate, PreviewInput, TemplateInput, TemplatePreview } from './announcements.schemas.js';
import { createTemplate, listTemplates, previewTemplate } from './templates.service.js';

/** Reusable templates with ((placeholders)), and a preview per channel (formatted, plain text, SMS length). */
export function registerTemplates(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const config = { permission: Permission.ANNOUNCEMENT_WRITE };

  r.get('/api/message-templates', {
    config,
    schema: {
      tags: ['announcements'],
      summary: 'Templates kept in your units',
      response: { 200: z.object({ items: z.array(MessageTemplate) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listTemplates(db, request.scope!) }),
  });

  r.post('/api/message-templates', {
    config,
    schema: {
      tags: ['announcements'],
      summary: 'Keep a template (its formatting is sanitised)',
      body: TemplateInput,
      response: { 201: MessageTemplate, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { scope, body, auth } = request;
      const template = await createTemplate(db, scope!, body, auth!.user.id, actorOf(request));
      reply.status(201);
      return template;
    },
  });

  r.post('/api/message-templates/:id/preview', {
    config,
    schema: {
      tags: ['announcements'],
      summary:
        'Fill a template with sample values and preview it per channel: formatted, SMS (segments), ZNS parameters, Zalo and push lengths, missing values',
      params: IdParams,
      body: PreviewInput,
      response: { 200: TemplatePreview, ...errorResponses },
    },
    handler: async (request) => previewTemplate(deps, request.scope!, request.params.id, request.body.values),
  });
}
