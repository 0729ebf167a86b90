import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { Permission } from '../../../shared/permissions.js';
import type { Tx } from '../../db/client.js';
import { scorecardIndicators, scorecardSetItems, scorecardSets, units } from '../../db/schema/index.js';
import { pathInScope, pathWithin, type Scope } from '../../db/scope.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf, scopeOf } from '../../lib/auth-context.js';
import { conflict, forbidden, notFound, unlessTaken, validation } from '../../lib/errors.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { insertAudit } from '../audit/audit.repo.js';
import {
  checkItems,
  fieldError,
  indicatorOut,
  insertItems,
  listSets,
  nextPosition,
  provinceAbove,
  provinceInReach,
  refOf,
  unitInReach,
} from './scorecards.catalog.js';
import {
  Catalog,
  Indicator,
  IndicatorCreate,
  IndicatorPatch,
  ScoredSet,
  SetCreate,
  SetReplace,
  UnitQuery,
} from './scorecards.catalog.schemas.js';
import { listIndicators, nearMarginOf } from './scorecards.repo.js';

// A province's catalog: the shipped indicators and sets (migration 0044) and its own. Shipped rows are shared by every
// province on the installation, so changing one (switching it off, its margin) is for whoever manages them all.

const sourceRules = (kind: string, source: string | null | undefined, periodKind: string) => {
  if (kind === 'COMPUTED' && !source)
    throw fieldError(
      'source',
      'SOURCE_REQUIRED',
      'Chỉ số tính tự động cần nguồn tính',
      'A computed indicator needs a source',
    );
  if (kind === 'ENTERED' && source)
    throw fieldError(
      'source',
      'SOURCE_ENTERED',
      'Chỉ số nhập tay không có nguồn tính',
      'An entered indicator has no source',
    );
  if (kind === 'COMPUTED' && periodKind !== 'MONTH')
    throw fieldError(
      'periodKind',
      'COMPUTED_MONTHLY',
      'Chỉ số tính tự động được tính theo tháng',
      'Computed indicators are computed monthly',
    );
};

const uniqueLevels = (levels: string[] | undefined) => {
  if (levels && new Set(levels).size !== levels.length)
    throw fieldError('levels', 'DUPLICATE', 'Cấp áp dụng bị lặp', 'A level is listed twice');
};

/** Shipped rows change for every province: only a caller who manages every province may change them. */
async function checkShippedChange(tx: Tx, scope: Scope) {
  const [outside] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.tier, 'PROVINCE'), sql`not ${pathInScope(units.path, scope)}`))
    .limit(1);
  if (outside)
    throw forbidden({
      vi: 'Chỉ số và bộ chỉ số dùng chung áp dụng cho mọi tỉnh; chỉ quản trị hệ thống được thay đổi',
      en: 'Shipped indicators and sets apply to every province; only the system administrator may change them',
    });
}

const stale = () =>
  conflict({ vi: 'Mục này vừa được người khác sửa; hãy tải lại trang', en: 'Someone else just changed this; reload' });
const codeTaken = () =>
  conflict({ vi: 'Mã này đã có trong bộ chỉ số của tỉnh', en: "This code is taken in the province's catalog" });

async function indicatorRow(tx: Tx, provinceId: number | null, id: number) {
  const rows = await listIndicators(tx, provinceId ?? 0, false);
  return rows.find((r) => r.id === id)!;
}

export function registerScorecardCatalog(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const tags = ['scorecards'];

  r.get('/api/scorecards/catalog', {
    config: { permission: Permission.SCORECARD_READ },
    schema: {
      tags,
      summary:
        "The catalog of a unit's province: indicators and scored sets (those switched off too, for whoever manages it)",
      querystring: UnitQuery,
      response: { 200: Catalog, ...errorResponses },
    },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const unit = await unitInReach(tx, request.query.unit, request.scope!);
        const province = await provinceAbove(tx, unit);
        const manages = pathWithin(province.path, scopeOf(request.auth!, Permission.SCORECARD_MANAGE));
        return {
          province: refOf(province),
          indicators: (await listIndicators(tx, province.id, !manages)).map(indicatorOut),
          sets: await listSets(tx, province.id, !manages),
          nearMargin: await nearMarginOf(tx, province.id),
        };
      }),
  });

  r.post('/api/scorecards/indicators', {
    config: { permission: Permission.SCORECARD_MANAGE },
    schema: {
      tags,
      summary: "Add one of the province's own indicators (409 when its code is taken in the province's catalog)",
      body: IndicatorCreate,
      response: { 201: Indicator, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { province: provinceId, ...input } = request.body;
      sourceRules(input.kind, input.source, input.periodKind);
      uniqueLevels(input.levels);
      const made = await db.transaction(async (tx) => {
        const province = await provinceInReach(tx, provinceId, request.scope!);
        if ((await listIndicators(tx, province.id, false)).some((i) => i.code === input.code)) throw codeTaken();
        const [row] = await unlessTaken(
          tx
            .insert(scorecardIndicators)
            .values({
              ...input,
              source: input.source ?? null,
              nearMargin: input.nearMargin ?? null,
              ownerUnitId: province.id,
              position: await nextPosition(tx, province.id),
            })
            .returning({ id: scorecardIndicators.id }),
          codeTaken,
        );
        await insertAudit(tx, actorOf(request), {
          action: 'scorecard.indicator.create',
          entityType: 'scorecard_indicator',
          entityId: row!.id,
          details: { province: province.id, code: input.code },
        });
        return indicatorOut(await indicatorRow(tx, province.id, row!.id));
      });
      reply.status(201);
      return made;
    },
  });

  r.patch('/api/scorecards/indicators/:id', {
    config: { permission: Permission.SCORECARD_MANAGE },
    schema: {
      tags,
      summary:
        "Change a province's own indicator (all but its code and kind), or switch a shipped one off or set its margin",
      params: IdParams,
      body: IndicatorPatch,
      response: { 200: Indicator, ...errorResponses },
    },
    handler: async (request) => {
      const { version, ...changes } = request.body;
      return db.transaction(async (tx) => {
        const [found] = await tx
          .select()
          .from(scorecardIndicators)
          .where(eq(scorecardIndicators.id, request.params.id))
          .for('update');
        if (!found) throw notFound({ vi: 'Không tìm thấy chỉ số', en: 'Indicator not found' });
        if (found.ownerUnitId === null) {
          const fixed = Object.keys(changes).filter(
            (k) => k !== 'active' && k !== 'nearMargin' && changes[k as keyof typeof changes] !== undefined,
          );
          if (fixed.length)
            throw validation(
              fixed.map((field) => ({
                field,
                code: 'SHIPPED_FIXED',
                message: {
                  vi: 'Chỉ số dùng chung chỉ được bật, tắt hoặc đổi ngưỡng "gần đạt"',
                  en: 'A shipped indicator can only be switched on or off or given a margin',
                },
              })),
            );
          await checkShippedChange(tx, request.scope!);
        } else await provinceInReach(tx, found.ownerUnitId, request.scope!);
        if (found.version !== version) throw stale();
        sourceRules(
          found.kind,
          changes.source === undefined ? found.source : changes.source,
          changes.periodKind ?? found.periodKind,
        );
        uniqueLevels(changes.levels);
        await tx
          .update(scorecardIndicators)
          .set({ ...changes, version: found.version + 1, updatedAt: new Date() })
          .where(eq(scorecardIndicators.id, found.id));
        await insertAudit(tx, actorOf(request), {
          action: 'scorecard.indicator.update',
          entityType: 'scorecard_indicator',
          entityId: found.id,
          details: { code: found.code, ...changes },
        });
        return indicatorOut(await indicatorRow(tx, found.ownerUnitId, found.id));
      });
    },
  });

  r.post('/api/scorecards/sets', {
    config: { permission: Permission.SCORECARD_MANAGE },
    schema: {
      tags,
      summary: "Add one of the province's own scored sets: pillars of indicators with points and a scoring rule",
      body: SetCreate,
      response: { 201: ScoredSet, ...errorResponses },
    },
    handler: async (request, reply) => {
      const { province: provinceId, items, ...input } = request.body;
      const made = await db.transaction(async (tx) => {
        const province = await provinceInReach(tx, provinceId, request.scope!);
        await checkItems(tx, province.id, items);
        const [taken] = await tx
          .select({ id: scorecardSets.id })
          .from(scorecardSets)
          .where(
            and(
              eq(scorecardSets.code, input.code),
              or(isNull(scorecardSets.ownerUnitId), eq(scorecardSets.ownerUnitId, province.id)),
            ),
          );
        if (taken) throw codeTaken();
        const [row] = await unlessTaken(
          tx
            .insert(scorecardSets)
            .values({ ...input, ownerUnitId: province.id })
            .returning({ id: scorecardSets.id }),
          codeTaken,
        );
        await insertItems(tx, row!.id, items);
        await insertAudit(tx, actorOf(request), {
          action: 'scorecard.set.create',
          entityType: 'scorecard_set',
          entityId: row!.id,
          details: { province: province.id, code: input.code, items: items.length },
        });
        return (await listSets(tx, province.id, false, row!.id))[0]!;
      });
      reply.status(201);
      return made;
    },
  });

  r.put('/api/scorecards/sets/:id', {
    config: { permission: Permission.SCORECARD_MANAGE },
    schema: {
      tags,
      summary: "Replace a province's own set (names, basis, items as a whole) or switch a set off; 409 when stale",
      params: IdParams,
      body: SetReplace,
      response: { 200: ScoredSet, ...errorResponses },
    },
    handler: async (request) => {
      const { version, items, ...changes } = request.body;
      return db.transaction(async (tx) => {
        const [found] = await tx
          .select()
          .from(scorecardSets)
          .where(eq(scorecardSets.id, request.params.id))
          .for('update');
        if (!found) throw notFound({ vi: 'Không tìm thấy bộ chỉ số', en: 'Scored set not found' });
        if (found.ownerUnitId === null) {
          const fixed = [...Object.keys(changes).filter((k) => k !== 'active'), ...(items ? ['items'] : [])].filter(
            (k) => k === 'items' || changes[k as keyof typeof changes] !== undefined,
          );
          if (fixed.length)
            throw validation(
              fixed.map((field) => ({
                field,
                code: 'SHIPPED_FIXED',
                message: {
                  vi: 'Bộ chỉ số dùng chung chỉ được bật hoặc tắt',
                  en: 'A shipped set can only be switched on or off',
                },
              })),
            );
          await checkShippedChange(tx, request.scope!);
        } else await provinceInReach(tx, found.ownerUnitId, request.scope!);
        if (found.version !== version) throw stale();
        if (items) {
          await checkItems(tx, found.ownerUnitId!, items);
          await tx.delete(scorecardSetItems).where(eq(scorecardSetItems.setId, found.id));
          await insertItems(tx, found.id, items);
        }
        await tx
          .update(scorecardSets)
          .set({ ...changes, version: found.version + 1, updatedAt: new Date() })
          .where(eq(scorecardSets.id, found.id));
        await insertAudit(tx, actorOf(request), {
          action: 'scorecard.set.update',
          entityType: 'scorecard_set',
          entityId: found.id,
          details: { code: found.code, ...changes, ...(items ? { items: items.length } : {}) },
        });
        return (await listSets(tx, found.ownerUnitId ?? 0, false, found.id))[0]!;
      });
    },
  });
}
