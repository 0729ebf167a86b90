import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';
import { type Light, monthsUpTo } from '../../../shared/scorecards.js';
import { byKey, judged, readableUnit, readValues, snapshotOf, valueKey } from './scorecards.dashboard.data.js';
import { catalogOf } from './scorecards.dashboard.js';
import { effectiveTargets } from './scorecards.repo.js';

/**
 * What leaves Ketnoi about the scorecards without a screen: the frozen values of a month for the province's own
 * systems, and the public page of a commune (only the indicators the commune chose to publish).
 */

const unitPathLike = (path: string) => `${path}%`;

/**
 * Every value of a frozen month under a unit (its own and every unit below, each tier), with targets and lights:
 * a month not frozen is not found, so another system only ever copies figures that will not change.
 */
export async function snapshotValues(db: Tx, scope: Scope, period: string, unitId: number) {
  const unit = await readableUnit(db, scope, unitId);
  const { provinceId, indicators, margin } = await catalogOf(db, unit);
  const snapshot = await snapshotOf(db, provinceId, period);
  if (snapshot.frozenAt === null)
    throw notFound({ vi: 'Tháng này chưa được chốt số liệu', en: 'This month has not been frozen' });
  const rows = await queryRows<{
    unitId: number;
    path: string;
    unitCode: string;
    unitName: string;
    tier: string;
    indicatorId: number;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    target: number | null;
    targetInherited: boolean | null;
    light: Light | null;
    frozenAt: string;
  }>(
    db,
    sql`select v.unit_id as "unitId", u.path, u.code as "unitCode", u.name as "unitName", u.tier,
          v.indicator_id as "indicatorId", v.numerator, v.denominator, v.value, v.target,
          v.target_inherited as "targetInherited", v.light, v.frozen_at as "frozenAt"
        from scorecard_values v join units u on u.id = v.unit_id
        where v.period = ${period} and v.frozen_at is not null and u.path like ${unitPathLike(unit.path)}
        order by u.path, v.indicator_id`,
  );
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const known = rows.filter((r) => byId.has(r.indicatorId));
  const units = [...new Map(known.map((r) => [r.unitId, { id: r.unitId, path: r.path }])).values()];
  const targets = await effectiveTargets(db, units, indicators, period);
  return {
    period,
    frozenAt: snapshot.frozenAt,
    publishedAt: snapshot.publishedAt,
    values: known.map((r) => {
      const indicator = byId.get(r.indicatorId)!;
      const { target, light } = judged(r, targets.get(`${r.unitId}:${r.indicatorId}`), indicator, margin);
      return {
        unitCode: r.unitCode,
        unitName: r.unitName,
        tier: r.tier,
        indicatorCode: indicator.code,
        numerator: r.numerator,
        denominator: r.denominator,
        value: r.value,
        target,
        light,
      };
    }),
  };
}

/**
 * A commune's public scorecard: its last frozen month, each published indicator's value, target and light, and the
 * trend over the twelve frozen months up to it. Nothing else of the catalog, nothing of its groups.
 */
export async function publicScorecard(db: Tx, code: string) {
  const [commune] = await queryRows<{ id: number; code: string; name: string; tier: string; path: string }>(
    db,
    sql`select id, code, name, tier, path from units where code = ${code} and tier = 'COMMUNE' and closed_at is null
        limit 1`,
  );
  if (!commune) throw notFound({ vi: 'Không tìm thấy xã, phường', en: 'Commune not found' });
  const [last] = await queryRows<{ period: string | null }>(
    db,
    sql`select max(period) as period from scorecard_values where unit_id = ${commune.id} and frozen_at is not null`,
  );
  const period = last?.period ?? null;
  const { indicators, margin } = await catalogOf(db, commune);
  const published = await queryRows<{ indicatorId: number }>(
    db,
    sql`select indicator_id as "indicatorId" from scorecard_publications where unit_id = ${commune.id}
        order by position, indicator_id`,
  );
  const active = new Map(indicators.map((i) => [i.id, i]));
  const shown = published.map((p) => active.get(p.indicatorId)).filter((i) => i !== undefined);
  const head = { commune: { code: commune.code, name: commune.name }, period };
  if (period === null || shown.length === 0) return { ...head, items: [] };
  const months = monthsUpTo(period, 12);
  const [values, targets] = await Promise.all([
    readValues(
      db,
      [commune.id],
      shown.map((i) => i.id),
      months,
    ),
    effectiveTargets(db, [commune], shown, period),
  ]);
  const found = byKey(values);
  return {
    ...head,
    items: shown.map((i) => {
      const v = found.get(valueKey(commune.id, i.id, period));
      const value = v?.frozenAt ? v.value : null;
      const { target, light } = judged(v?.frozenAt ? v : undefined, targets.get(`${commune.id}:${i.id}`), i, margin);
      return {
        code: i.code,
        nameVi: i.nameVi,
        nameEn: i.nameEn,
        measure: i.measure,
        unitVi: i.unitVi,
        unitEn: i.unitEn,
        value,
        target,
        light,
        trend: months
          .map((m) => found.get(valueKey(commune.id, i.id, m)))
          .filter((p) => p?.frozenAt)
          .map((p) => ({ period: p!.period, value: p!.value })),
      };
    }),
  };
}
