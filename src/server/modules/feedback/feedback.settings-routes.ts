import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Role } from '../../../shared/enums.js';
import type { TicketSeverity } from '../../../shared/feedback.js';
import { Permission, roleGrants } from '../../../shared/permissions.js';
import type { Tx } from '../../db/client.js';
import { feedbackCategories, feedbackSettings, units, users } from '../../db/schema/index.js';
import { pathAlongScope, pathInScope, type Scope } from '../../db/scope.js';
import type { App, AppDeps } from '../../deps.js';
import { type Actor, actorOf } from '../../lib/auth-context.js';
import { conflict, notFound, unlessTaken, validation } from '../../lib/errors.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { insertAudit } from '../audit/audit.repo.js';
import { canProcessAt } from './feedback.repo.js';
import {
  Categories,
  Category,
  CategoryCreateInput,
  CategoryPatchInput,
  CommuneParams,
  CommuneQuery,
  Settings,
  SettingsInput,
} from './feedback.schemas.js';
import { ensureCategories, loadFeedbackSettings } from './feedback.settings.js';

// A commune's PAKN settings and categories (FEEDBACK_MANAGE on the commune); the categories are read by everyone who
// works the tickets (the queue's filter, the counter's form).

/** A commune the caller manages (`along`: or works for, from a group below it). */
export async function communeFor(db: Tx, communeId: number, scope: Scope, along = false) {
  const [unit] = await db
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(
      and(
        eq(units.id, communeId),
        eq(units.tier, 'COMMUNE'),
        along ? pathAlongScope(units.path, scope) : pathInScope(units.path, scope),
      ),
    );
  if (!unit) throw notFound({ vi: 'Không tìm thấy xã, phường', en: 'Commune not found' });
  return unit;
}

async function readSettings(db: Tx, communeId: number) {
  const [row] = await db
    .select({ version: feedbackSettings.version })
    .from(feedbackSettings)
    .where(eq(feedbackSettings.communeId, communeId));
  return { ...(await loadFeedbackSettings(db, communeId)), version: row?.version ?? 0 };
}

const routeUnit = alias(units, 'route_unit');
const routeUser = alias(users, 'route_user');

async function categoriesOf(db: Tx, communeId: number, id?: number) {
  await ensureCategories(db, communeId);
  const rows = await db
    .select({
      c: feedbackCategories,
      routeUnitName: routeUnit.name,
      routeUserName: routeUser.fullName,
    })
    .from(feedbackCategories)
    .leftJoin(routeUnit, eq(routeUnit.id, feedbackCategories.routeUnitId))
    .leftJoin(routeUser, eq(routeUser.id, feedbackCategories.routeUserId))
    .where(
      and(eq(feedbackCategories.communeId, communeId), id === undefined ? undefined : eq(feedbackCategories.id, id)),
    )
    .orderBy(asc(feedbackCategories.sortOrder), asc(feedbackCategories.id));
  return rows.map(({ c, routeUnitName, routeUserName }) => ({
    id: c.id,
    communeId: c.communeId,
    code: c.code,
    nameVi: c.nameVi,
    nameEn: c.nameEn,
    translations: c.translations,
    descriptionVi: c.descriptionVi,
    routeUnitId: c.routeUnitId,
    routeUnitName,
    routeRole: c.routeRole,
    routeUserId: c.routeUserId,
    routeUserName,
    defaultSeverity: c.defaultSeverity as TicketSeverity,
    active: c.active,
    sortOrder: c.sortOrder,
  }));
}

const fieldError = (field: string, code: string, vi: string, en: string) =>
  validation([{ field, code, message: { vi, en } }]);

/** Routing must stay inside the commune: the unit is the commune or below it, the person processes tickets there. */
async function checkRouting(
  tx: Tx,
  commune: { id: number; path: string },
  route: { routeUnitId?: number | null; routeRole?: string | null; routeUserId?: number | null },
) {
  let path = commune.path;
  if (route.routeUnitId) {
    const [unit] = await tx
      .select({ path: units.path, closedAt: units.closedAt })
      .from(units)
      .where(eq(units.id, route.routeUnitId));
    if (!unit || unit.closedAt || !unit.path.startsWith(commune.path))
      throw fieldError(
        'routeUnitId',
        'NOT_IN_COMMUNE',
        'Đơn vị nhận phải là xã, phường này hoặc một thôn, tổ dân phố của xã',
        'The receiving unit must be the commune or one of its groups',
      );
    path = unit.path;
  }
  if (route.routeRole && !roleGrants(route.routeRole as Role, Permission.FEEDBACK_PROCESS))
    throw fieldError(
      'routeRole',
      'ROLE_CANNOT_PROCESS',
      'Vai trò này không xử lý phản ánh',
      'This role does not process tickets',
    );
  if (route.routeUserId && !(await canProcessAt(tx, route.routeUserId, path)))
    throw fieldError(
      'routeUserId',
      'NOT_AN_OFFICER',
      'Người nhận phải là cán bộ xử lý phản ánh của đơn vị nhận',
      'The person must process tickets of the receiving unit',
    );
}

async function audit(tx: Tx, actor: Actor, action: string, entityId: number, details: Record<string, unknown>) {
  await insertAudit(tx, actor, { action, entityType: 'feedback_settings', entityId, details });
}

export function registerFeedbackSettings(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const tags = ['feedback'];

  r.get('/api/feedback/settings/:communeId', {
    config: { permission: Permission.FEEDBACK_MANAGE },
    schema: {
      tags,
      summary: "A commune's PAKN settings: deadlines, acceptance, reopening, approval, limits (version 0: defaults)",
      params: CommuneParams,
      response: { 200: Settings, ...errorResponses },
    },
    handler: async (request) => {
      const commune = await communeFor(db, request.params.communeId, request.scope!);
      return readSettings(db, commune.id);
    },
  });

  r.put('/api/feedback/settings/:communeId', {
    config: { permission: Permission.FEEDBACK_MANAGE },
    schema: {
      tags,
      summary: "Save a commune's PAKN settings (409 when someone saved since you read them)",
      params: CommuneParams,
      body: SettingsInput,
      response: { 200: Settings, ...errorResponses },
    },
    handler: async (request) => {
      const { version, ...values } = request.body;
      return db.transaction(async (tx) => {
        const commune = await communeFor(tx, request.params.communeId, request.scope!);
        const [row] = await tx
          .select({ version: feedbackSettings.version })
          .from(feedbackSettings)
          .where(eq(feedbackSettings.communeId, commune.id))
          .for('update');
        if ((row?.version ?? 0) !== version)
          throw conflict({
            vi: 'Cài đặt vừa được người khác lưu; hãy tải lại trang',
            en: 'Someone else just saved these settings; reload the page',
          });
        const set = { ...values, updatedAt: new Date(), updatedBy: request.auth!.user.id };
        if (row)
          await tx
            .update(feedbackSettings)
            .set({ ...set, version: sql`${feedbackSettings.version} + 1` })
            .where(eq(feedbackSettings.communeId, commune.id));
        else await tx.insert(feedbackSettings).values({ communeId: commune.id, ...set, version: 1 });
        await audit(tx, actorOf(request), 'feedback.settings', commune.id, { ...values });
        return readSettings(tx, commune.id);
      });
    },
  });

  r.get('/api/feedback/categories', {
    config: { permission: Permission.FEEDBACK_READ },
    schema: {
      tags,
      summary: "A commune's categories with their routing (the shipped eight until it changes them)",
      querystring: CommuneQuery,
      response: { 200: Categories, ...errorResponses },
    },
    handler: async (request) => {
      const commune = await communeFor(db, request.query.communeId, request.scope!, true);
      return db.transaction((tx) => categoriesOf(tx, commune.id));
    },
  });

  r.post('/api/feedback/categories', {
    config: { permission: Permission.FEEDBACK_MANAGE },
    schema: {
      tags,
      summary: 'Add a category, routed to the commune, a group, a role or a person',
      body: CategoryCreateInput,
      response: { 201: Category, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { communeId, ...input } = request.body;
      const made = await db.transaction(async (tx) => {
        const commune = await communeFor(tx, communeId, request.scope!);
        await ensureCategories(tx, commune.id);
        await checkRouting(tx, commune, input);
        const [row] = await unlessTaken(
          tx
            .insert(feedbackCategories)
            .values({ communeId: commune.id, ...input })
            .returning({ id: feedbackCategories.id }),
          () => conflict({ vi: 'Mã lĩnh vực này đã có', en: 'This category code is taken' }),
        );
        await audit(tx, actorOf(request), 'feedback.category.create', row!.id, { code: input.code });
        return (await categoriesOf(tx, commune.id, row!.id))[0]!;
      });
      reply.status(201);
      return made;
    },
  });

  r.patch('/api/feedback/categories/:id', {
    config: { permission: Permission.FEEDBACK_MANAGE },
    schema: {
      tags,
      summary: 'Rename a category, change its routing or default severity, switch it off or on',
      params: IdParams,
      body: CategoryPatchInput,
      response: { 200: Category, ...errorResponses },
    },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const [found] = await tx
          .select()
          .from(feedbackCategories)
          .where(eq(feedbackCategories.id, request.params.id))
          .for('update');
        if (!found) throw notFound({ vi: 'Không tìm thấy lĩnh vực', en: 'Category not found' });
        const commune = await communeFor(tx, found.communeId, request.scope!);
        const patch = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v !== undefined));
        await checkRouting(tx, commune, {
          routeUnitId: 'routeUnitId' in patch ? request.body.routeUnitId : found.routeUnitId,
          routeRole: 'routeRole' in patch ? request.body.routeRole : found.routeRole,
          routeUserId: 'routeUserId' in patch ? request.body.routeUserId : found.routeUserId,
        });
        if (Object.keys(patch).length)
          await tx.update(feedbackCategories).set(patch).where(eq(feedbackCategories.id, found.id));
        await audit(tx, actorOf(request), 'feedback.category.update', found.id, { fields: Object.keys(patch) });
        return (await categoriesOf(tx, commune.id, found.id))[0]!;
      }),
  });
}
