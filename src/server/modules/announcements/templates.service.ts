import { and, desc, eq } from 'drizzle-orm';
import { escapeHtml } from '../../../shared/text.js';
import type { Db, Tx } from '../../db/client.js';
import { messageTemplates } from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/auth-context.js';
import { notFound } from '../../lib/errors.js';
import { plainText, sanitizeAnnouncement } from '../../lib/html.js';
import { insertAudit } from '../audit/audit.repo.js';
import { getUnitPath } from '../units/units.service.js';
import type { TemplateInput, TemplatePreview } from './announcements.schemas.js';
import { readLink } from './links.js';
import { PUSH_BODY_MAX, smsText } from './senders.js';
import { fillTemplate, placeholdersOf, smsSegments } from './templates.js';
import { ZALO_TEXT_MAX, ZNS_PARAMS } from './zalo.js';

/** Message templates kept per unit, and what one filled in would look like on each channel. */
type Row = typeof messageTemplates.$inferSelect;

const present = (t: Row) => ({
  id: t.id,
  unitId: t.unitId,
  name: t.name,
  title: t.title,
  body: t.body,
  placeholders: placeholdersOf(`${t.title} ${t.body}`),
});

/** The templates kept in the caller's units, newest first (200 at most). */
export async function listTemplates(db: Tx, scope: Scope) {
  const rows = await db
    .select()
    .from(messageTemplates)
    .where(unitInScope(messageTemplates.unitId, scope))
    .orderBy(desc(messageTemplates.id))
    .limit(200);
  return rows.map(present);
}

/** Keeps a template in one of the caller's units; its formatting is sanitised here, once. */
export async function createTemplate(db: Db, scope: Scope, input: TemplateInput, userId: number, actor: Actor) {
  await getUnitPath(db, input.unitId, scope);
  const row = await db.transaction(async (tx) => {
    const [made] = await tx
      .insert(messageTemplates)
      .values({ ...input, body: sanitizeAnnouncement(input.body), createdBy: userId })
      .returning();
    await insertAudit(tx, actor, {
      action: 'template.create',
      entityType: 'message_template',
      entityId: made!.id,
    });
    return made!;
  });
  return present(row);
}

/**
 * A template in the caller's units filled with sample values, as each channel would carry it: formatted, plain
 * text, the SMS (and its segments), the ZNS parameters and the Zalo text against their limits, the push
 * notification; and the values still missing.
 */
export async function previewTemplate(
  deps: Pick<AppDeps, 'database' | 'cipher' | 'config'>,
  scope: Scope,
  id: number,
  values: Record<string, string>,
): Promise<TemplatePreview> {
  const [t] = await deps.database.db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.id, id), unitInScope(messageTemplates.unitId, scope)));
  if (!t) throw notFound({ vi: 'Không tìm thấy mẫu tin', en: 'Template not found' });
  const title = fillTemplate(t.title, values);
  const body = fillTemplate(t.body, values);
  // Values are text: they are escaped into the formatted body, never read as markup.
  const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeHtml(v)]));
  const html = sanitizeAnnouncement(fillTemplate(t.body, escaped).text);
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
}
