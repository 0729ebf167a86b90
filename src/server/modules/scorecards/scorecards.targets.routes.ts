import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import { enclosingPeriods, isStricter, type Measure } from '../../../shared/scorecards.js';
import type { Tx } from '../../db/client.js';
import { scorecardTargets, units } from '../../db/schema/index.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { notFound } from '../../lib/errors.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { insertAudit } from '../audit/audit.repo.js';
import {
  fieldError,
  indicatorOf,
  provinceAbove,
  refOf,
  tiersFrom,
  type UnitAt,
  unitInReach,
} from './scorecards.catalog.js';
import { TargetInput, Targets, TargetsQuery, type UnitRef } from './scorecards.catalog.schemas.js';
import {
  type IndicatorRow,
  idsOnPath,
  listIndicators,
  resolveTarget,
  targetKey,
  targetsOn,
} from './scorecards.repo.js';

// Targets per indicator, unit and period. The province sets them, a commune or group inherits them and may only set a
// stricter one; what applies is worked out by resolveTarget (scorecards.repo.ts), shared with the dashboards.

/** A target as people read it: "80%" / "2,5 năm" (Vietnamese decimal comma). */
export function targetWords(value: number, measure: Measure, unitVi: string, unitEn: string) {
  const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
  const en = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
  if (measure === 'PERCENT') return { vi: `${vi.format(value * 100)}%`, en: `${en.format(value * 100)}%` };
  return {
    vi: `${vi.format(value)}${unitVi ? ` ${unitVi}` : ''}`,
    en: `${en.format(value)}${unitEn ? ` ${unitEn}` : ''}`,
  };
}

/** The tiers a unit's targets may be about; a unit that is not scored (the nation, an alley) has none (400). */
function scoredTiers(unit: UnitAt, field: string) {
  const tiers = tiersFrom(unit.tier);
  if (tiers.length === 0)
    throw fieldError(
      field,
      'NOT_SCORED',
      'Chỉ tỉnh, xã và thôn, tổ dân phố có chỉ tiêu',
      'Only provinces, communes and residential groups have targets',
    );
  return tiers;
}

/** Own, inherited and effective targets of one unit for some indicators in a period. */
async function targetItems(tx: Tx, unit: UnitAt, indicators: IndicatorRow[], period: string) {
  const chain = idsOnPath(unit.path);
  const periods = enclosingPeriods(period);
  const rows = await targetsOn(
    tx,
    chain,
    indicators.map((i) => i.id),
    periods,
  );
  const byKey = new Map(rows.map((row) => [targetKey(row), row]));
  const setters = new Set(rows.map((row) => row.unitId));
  const refs = new Map<number, UnitRef>(
    setters.size
      ? (
          await tx
            .select({ id: units.id, code: units.code, name: units.name, tier: units.tier })
            .from(units)
            .where(inArray(units.id, [...setters]))
        ).map((u) => [u.id, u])
      : [],
  );
  return indicators.map((indicator) => {
    const own = periods
      .map((p) => byKey.get(targetKey({ indicatorId: indicator.id, unitId: unit.id, period: p })))
      .find(Boolean);
    const inherited = resolveTarget(byKey, indicator.id, chain, periods, indicator.direction, unit.id);
    const effective = resolveTarget(byKey, indicator.id, chain, periods, indicator.direction);
    return {
      indicatorId: indicator.id,
      own: own ? { id: own.id, target: own.target, period: own.period } : null,
      inherited: inherited
        ? { target: inherited.target, period: inherited.period, setBy: refs.get(inherited.unitId)! }
        : null,
      effective: effective?.target ?? null,
    };
  });
}

export function registerScorecardTargets(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const tags = ['scorecards'];

  r.get('/api/scorecards/targets', {
    config: { permission: Permission.SCORECARD_READ },
    schema: {
      tags,
      summary:
        "A unit's targets in a period, per indicator: its own, the one it inherits (the strictest above it) and the one in force",
      querystring: TargetsQuery,
      response: { 200: Targets, ...errorResponses },
    },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const unit = await unitInReach(tx, request.query.unit, request.scope!);
        const tiers = scoredTiers(unit, 'unit');
        const province = await provinceAbove(tx, unit);
        const indicators = (await listIndicators(tx, province.id)).filter((i) =>
          i.levels.some((l) => tiers.includes(l)),
        );
        return {
          unit: refOf(unit),
          period: request.query.period,
          items: await targetItems(tx, unit, indicators, request.query.period),
        };
      }),
  });

  r.put('/api/scorecards/targets', {
    config: { permission: Permission.SCORECARD_TARGET },
    schema: {
      tags,
      summary:
        'Set a unit\'s target for an indicator and period; never looser than the one it inherits (400 "TARGET_LOOSER")',
      body: TargetInput,
      response: { 200: Targets, ...errorResponses },
    },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const { unitId, indicatorId, period, target } = request.body;
        const unit = await unitInReach(tx, unitId, request.scope!);
        const tiers = scoredTiers(unit, 'unitId');
        const province = await provinceAbove(tx, unit, 'unitId');
        const indicator = await indicatorOf(tx, province.id, indicatorId, 'indicatorId');
        if (!indicator.active || !indicator.levels.some((l) => tiers.includes(l)))
          throw fieldError(
            'indicatorId',
            'NOT_AT_LEVEL',
            'Chỉ số này đã tắt hoặc không đo ở cấp của đơn vị này',
            "This indicator is switched off or not measured at this unit's level",
          );
        if (indicator.measure === 'PERCENT' && target > 1)
          throw fieldError(
            'target',
            'TARGET_RANGE',
            'Chỉ tiêu tỉ lệ phải từ 0% đến 100%',
            'A percentage target is between 0% and 100%',
          );
        const [item] = await targetItems(tx, unit, [indicator], period);
        const inherited = item!.inherited;
        if (inherited && !isStricter(target, inherited.target, indicator.direction)) {
          const words = targetWords(inherited.target, indicator.measure, indicator.unitVi, indicator.unitEn);
          const higher = indicator.direction === 'HIGHER';
          throw fieldError(
            'target',
            'TARGET_LOOSER',
            `Chỉ tiêu không được ${higher ? 'thấp' : 'cao'} hơn chỉ tiêu ${inherited.setBy.name} đã giao (${words.vi})`,
            `The target cannot be ${higher ? 'lower' : 'higher'} than the one ${inherited.setBy.name} set (${words.en})`,
          );
        }
        const [saved] = await tx
          .insert(scorecardTargets)
          .values({ indicatorId, unitId: unit.id, period, target, setBy: request.auth!.user.id })
          .onConflictDoUpdate({
            target: [scorecardTargets.indicatorId, scorecardTargets.unitId, scorecardTargets.period],
            set: { target, setBy: request.auth!.user.id, setAt: new Date() },
          })
          .returning({ id: scorecardTargets.id });
        await insertAudit(tx, actorOf(request), {
          action: 'scorecard.target.set',
          entityType: 'scorecard_target',
          entityId: saved!.id,
          details: { unit: unit.id, indicator: indicator.code, period, target },
        });
        return { unit: refOf(unit), period, items: await targetItems(tx, unit, [indicator], period) };
      }),
  });

  r.delete('/api/scorecards/targets/:id', {
    config: { permission: Permission.SCORECARD_TARGET },
    schema: {
      tags,
      summary: "Remove a unit's own target: the one it inherits applies again",
      params: IdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await db.transaction(async (tx) => {
        const [found] = await tx.select().from(scorecardTargets).where(eq(scorecardTargets.id, request.params.id));
        if (!found) throw notFound({ vi: 'Không tìm thấy chỉ tiêu', en: 'Target not found' });
        await unitInReach(tx, found.unitId, request.scope!);
        await tx.delete(scorecardTargets).where(eq(scorecardTargets.id, found.id));
        await insertAudit(tx, actorOf(request), {
          action: 'scorecard.target.delete',
          entityType: 'scorecard_target',
          entityId: found.id,
          details: { unit: found.unitId, indicator: found.indicatorId, period: found.period, target: found.target },
        });
      });
      return reply.status(204).send(null);
    },
  });
}
