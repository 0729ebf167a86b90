import { and, desc, eq } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { messageTemplates } from '../../db/schema/index.js';
import { unitInScope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';
import { errorResponses, Id, IdParams, Text } from '../../lib/http.js';
import { plainText, sanitizeAnnouncement } from '../../lib/html.js';
import { actorOf } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { getUnitPath } from '../units/units.service.js';
import { readLink } from './links.js';
import { PUSH_BODY_MAX, smsText } from './senders.js';
import { fillTemplate, placeholdersOf, smsSegments } from './templates.js';
import { ZALO_TEXT_MAX, ZNS_PARAMS } from './zalo.js';
import { escapeHtml } from '../../../shared/text.js';

const Template = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    name: z.string(),
    title: z.string(),
    body: z.string(),
    placeholders: z.array(z.string()),
  })
  .meta({ id: 'MessageTemplate' });
const TemplateInput = z.object({
  unitId: Id,
  name: Text(100).min(2),
  title: Text(200).min(3),
  body: z.string().min(1).max(20_000),
});
const Preview = z
  .object({
    title: z.string(),
    html: z.string(),
    text: z.string(),
    missing: z.array(z.string()),
    /** The SMS as it would go (title, first words, the household's link) and what it costs. */
    sms: z.object({
      text: z.string(),
      encoding: z.enum(['GSM-7', 'UCS-2']),
      units: z.number().int(),
      segments: z.number().int(),
    }),
    /** The ZNS template's parameters: each value's length against Zalo's limit (longer ones are cut with "…"). */
    zns: z.array(z.object({ name: z.string(), length: z.number().int(), max: z.number().int(), fits: z.boolean() })),
    zalo: z.object({ length: z.number().int(), max: z.number().int(), fits: z.boolean() }),
    push: z.object({ title: z.string(), body: z.string() }),
  })
  .meta({ id: 'TemplatePreview' });

const present = (t: typeof messageTemplates.$inferSelect) => ({
  id: t.id,
  unitId: t.unitId,
  name: t.name,
  title: t.title,
  body: t.body,
  placeholders: placeholdersOf(`${t.title} ${t.body}`),
});

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
      response: { 200: z.object({ items: z.array(Template) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: (
        await db
          .select()
          .from(messageTemplates)
          .where(unitInScope(messageTemplates.unitId, request.scope!))
          .orderBy(desc(messageTemplates.id))
          .limit(200)
      ).map(present),
    }),
  });

  r.post('/api/message-templates', {
    config,
    schema: {
      tags: ['announcements'],
      summary: 'Keep a template (its formatting is sanitised)',
      body: TemplateInput,
      response: { 201: Template, ...errorResponses },
    },
    handler: async (request, reply) => {
      await getUnitPath(db, request.body.unitId, request.scope!);
      const row = await db.transaction(async (tx) => {
        const [made] = await tx
          .insert(messageTemplates)
          .values({ ...request.body, body: sanitizeAnnouncement(request.body.body), createdBy: request.auth!.user.id })
          .returning();
        await insertAudit(tx, actorOf(request), {
          action: 'template.create',
          entityType: 'message_template',
          entityId: made!.id,
        });
        return made!;
      });
      reply.status(201);
      return present(row);
    },
  });

  r.post('/api/message-templates/:id/preview', {
    config,
    schema: {
      tags: ['announcements'],
      summary:
        'Fill a template with sample values and preview it per channel: formatted, SMS (segments), ZNS parameters, Zalo and push lengths, missing values',
      params: IdParams,
      body: z.object({ values: z.record(z.string().max(40), Text(500)).default({}) }),
      response: { 200: Preview, ...errorResponses },
    },
    handler: async (request) => {
      const [t] = await db
        .select()
        .from(messageTemplates)
        .where(and(eq(messageTemplates.id, request.params.id), unitInScope(messageTemplates.unitId, request.scope!)));
      if (!t) throw notFound({ vi: 'Không tìm thấy mẫu tin', en: 'Template not found' });
      const title = fillTemplate(t.title, request.body.values);
      const body = fillTemplate(t.body, request.body.values);
      // Values are text: they are escaped into the formatted body, never read as markup.
      const html = sanitizeAnnouncement(
        fillTemplate(
          t.body,
          Object.fromEntries(Object.entries(request.body.values).map(([k, v]) => [k, escapeHtml(v)])),
        ).text,
      );
      const text = plainText(html);
      // A link as long as a real household link, so the lengths below are what recipients get.
      const link = readLink(deps, 2_000_000_000, 2_000_000_000);
      const sms = smsText({ title: title.text, text, link });
      const params = { title: title.text, summary: text, link };
      const zaloText = `${title.text}\n\n${text}\n\n${link}`;
      return {
        title: title.text,
        html,
        text,
        missing: [...new Set([...title.missing, ...body.missing])],
        sms: { text: sms, ...smsSegments(sms) },
        zns: Object.entries(ZNS_PARAMS).map(([name, max]) => ({
          name,
          length: params[name as keyof typeof params].length,
          max,
          fits: params[name as keyof typeof params].length <= max,
        })),
        zalo: { length: zaloText.length, max: ZALO_TEXT_MAX, fits: zaloText.length <= ZALO_TEXT_MAX },
        push: { title: title.text, body: text.slice(0, PUSH_BODY_MAX) },
      };
    },
  });
}
