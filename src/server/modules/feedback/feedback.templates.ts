import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { Tx } from '../../db/client.js';
import { feedbackCategories, feedbackTemplates } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { notFound, validation } from '../../lib/errors.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { insertAudit } from '../audit/audit.repo.js';
import { communeFor } from './feedback.settings-routes.js';
import { CommuneQuery, Template, TemplateInput, TemplatePatchInput, Templates } from './feedback.schemas.js';

// Answers officers reuse, per commune: written by those who manage the settings, read by everyone who answers.

type TemplateRow = typeof feedbackTemplates.$inferSelect;
const present = (t: TemplateRow) => ({
  id: t.id,
  communeId: t.communeId,
  categoryId: t.categoryId,
  title: t.title,
  body: t.body,
  updatedAt: t.updatedAt.toISOString(),
});

async function checkCategory(tx: Tx, communeId: number, categoryId: number | null | undefined) {
  if (!categoryId) return;
  const [c] = await tx
    .select({ id: feedbackCategories.id })
    .from(feedbackCategories)
    .where(and(eq(feedbackCategories.id, categoryId), eq(feedbackCategories.communeId, communeId)));
  if (!c)
    throw validation([
      {
        field: 'categoryId',
        code: 'CATEGORY_UNKNOWN',
        message: { vi: 'Lĩnh vực không thuộc xã, phường này', en: 'This category is not the commune’s' },
      },
    ]);
}

/** A template of a commune the caller manages, locked for a change. */
async function templateFor(tx: Tx, id: number, scope: Scope) {
  const [t] = await tx.select().from(feedbackTemplates).where(eq(feedbackTemplates.id, id)).for('update');
  if (!t) throw notFound({ vi: 'Không tìm thấy mẫu trả lời', en: 'Template not found' });
  await communeFor(tx, t.communeId, scope);
  return t;
}

export function registerFeedbackTemplates(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const tags = ['feedback'];

  r.get('/api/feedback/templates', {
    config: { permission: Permission.FEEDBACK_PROCESS },
    schema: {
      tags,
      summary: "A commune's answer templates (for the answer editor)",
      querystring: CommuneQuery,
      response: { 200: Templates, ...errorResponses },
    },
    handler: async (request) => {
      const commune = await communeFor(db, request.query.communeId, request.scope!, true);
      const rows = await db
        .select()
        .from(feedbackTemplates)
        .where(eq(feedbackTemplates.communeId, commune.id))
        .orderBy(asc(feedbackTemplates.title), asc(feedbackTemplates.id));
      return rows.map(present);
    },
  });

  r.post('/api/feedback/templates', {
    config: { permission: Permission.FEEDBACK_MANAGE },
    schema: {
      tags,
      summary: 'Add an answer template',
      body: TemplateInput,
      response: { 201: Template, ...errorResponses },
    },
    handler: async (request, reply) => {
      const made = await db.transaction(async (tx) => {
        const commune = await communeFor(tx, request.body.communeId, request.scope!);
        await checkCategory(tx, commune.id, request.body.categoryId);
        const [row] = await tx
          .insert(feedbackTemplates)
          .values({ ...request.body, communeId: commune.id, createdBy: request.auth!.user.id })
          .returning();
        await insertAudit(tx, actorOf(request), {
          action: 'feedback.template.create',
          entityType: 'feedback_template',
          entityId: row!.id,
        });
        return present(row!);
      });
      reply.status(201);
      return made;
    },
  });

  r.patch('/api/feedback/templates/:id', {
    config: { permission: Permission.FEEDBACK_MANAGE },
    schema: {
      tags,
      summary: 'Change an answer template',
      params: IdParams,
      body: TemplatePatchInput,
      response: { 200: Template, ...errorResponses },
    },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const t = await templateFor(tx, request.params.id, request.scope!);
        await checkCategory(tx, t.communeId, request.body.categoryId);
        const patch = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v !== undefined));
        const [row] = await tx
          .update(feedbackTemplates)
          .set({ ...patch, updatedAt: new Date() })
          .where(eq(feedbackTemplates.id, t.id))
          .returning();
        await insertAudit(tx, actorOf(request), {
          action: 'feedback.template.update',
          entityType: 'feedback_template',
          entityId: t.id,
        });
        return present(row!);
      }),
  });

  r.delete('/api/feedback/templates/:id', {
    config: { permission: Permission.FEEDBACK_MANAGE },
    schema: {
      tags,
      summary: 'Delete an answer template',
      params: IdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await db.transaction(async (tx) => {
        const t = await templateFor(tx, request.params.id, request.scope!);
        await tx.delete(feedbackTemplates).where(eq(feedbackTemplates.id, t.id));
        await insertAudit(tx, actorOf(request), {
          action: 'feedback.template.delete',
          entityType: 'feedback_template',
          entityId: t.id,
        });
      });
      return reply.status(204).send(null);
    },
  });
}
