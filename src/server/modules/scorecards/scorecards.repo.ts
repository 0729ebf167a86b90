import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import {
  DEFAULT_NEAR_MARGIN,
  type Direction,
  enclosingPeriods,
  type IndicatorKind,
  type IndicatorLevel,
  isStricter,
  type Measure,
  type PeriodKind,
} from '../../../shared/scorecards.js';

/** A catalog row as every part of the module reads it. */
export type IndicatorRow = {
  id: number;
  ownerUnitId: number | null;
  code: string;
  nameVi: string;
  nameEn: string;
  formulaVi: string;
  formulaEn: string;
  measure: Measure;
  unitVi: string;
  unitEn: string;
  kind: IndicatorKind;
  source: string | null;
  levels: IndicatorLevel[];
  direction: Direction;
  periodKind: PeriodKind;
  nearMargin: number | null;
  active: boolean;
  position: number;
  version: number;
};

const indicatorColumns = sql`
  i.id, i.owner_unit_id as "ownerUnitId", i.code, i.name_vi as "nameVi", i.name_en as "nameEn",
  i.formula_vi as "formulaVi", i.formula_en as "formulaEn", i.measure, i.unit_vi as "unitVi", i.unit_en as "unitEn",
  i.kind, i.source, i.levels, i.direction, i.period_kind as "periodKind", i.near_margin as "nearMargin", i.active,
  i.position, i.version`;

/**
 * The indicators a province works with: the shipped catalog and its own, in catalog order (`activeOnly` leaves out
 * those switched off). A province's own code may repeat a shipped one; both are listed, the province's first.
 */
export async function listIndicators(tx: Tx, provinceId: number, activeOnly = true): Promise<IndicatorRow[]> {
  return queryRows<IndicatorRow>(
    tx,
    sql`select ${indicatorColumns} from scorecard_indicators i
        where (i.owner_unit_id is null or i.owner_unit_id = ${provinceId}) ${activeOnly ? sql`and i.active` : sql``}
        order by i.position, i.owner_unit_id nulls last, i.id`,
  );
}

/** The province a unit belongs to (itself when it is one): whose catalog, margins and snapshots apply. */
export async function provinceOf(tx: Tx, unitPath: string): Promise<number | null> {
  const [row] = await queryRows<{ id: number }>(
    tx,
    sql`select id from units where tier = 'PROVINCE' and ${unitPath} like path || '%' limit 1`,
  );
  return row?.id ?? null;
}

/** The ids along a unit path, root first ("/1/12/340/" → 1, 12, 340). */
export const idsOnPath = (path: string) => path.split('/').filter(Boolean).map(Number);

export type EffectiveTarget = { id: number; target: number; setByUnitId: number; period: string; inherited: boolean };
export type TargetRow = { id: number; indicatorId: number; unitId: number; period: string; target: number };

const ints = (ids: number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/** The targets set on any of these units for these indicators in any of these periods (one query, no filtering). */
export async function targetsOn(
  tx: Tx,
  unitIds: number[],
  indicatorIds: number[],
  periods: string[],
): Promise<TargetRow[]> {
  if (unitIds.length === 0 || indicatorIds.length === 0 || periods.length === 0) return [];
  return queryRows<TargetRow>(
    tx,
    sql`select id, indicator_id as "indicatorId", unit_id as "unitId", period, target from scorecard_targets
        where unit_id in (${ints(unitIds)}) and indicator_id in (${ints(indicatorIds)})
          and period in (${sql.join(
            periods.map((p) => sql`${p}`),
            sql`, `,
          )})`,
  );
}

/**
 * One unit's target for one indicator from the targets along its chain (`chain` root first, as on its path): each unit
 * on the chain contributes its own target for the narrowest period it has one for (the month, else the quarter, else
 * the year), and the strictest contribution wins; on a tie the unit nearest the one asked about. So a province's
 * yearly 80% reaches every group unless someone below asks for more, a commune's stricter yearly target still holds in
 * a month the province set a milder one for, and a target set below never loosens one set above it later.
 * `skipUnitId` leaves a unit out (the unit itself: what it inherits).
 */
export function resolveTarget(
  byKey: Map<string, TargetRow>,
  indicatorId: number,
  chain: number[],
  periods: string[],
  direction: Direction,
  skipUnitId?: number,
): TargetRow | null {
  let best: TargetRow | null = null;
  for (const unitId of chain) {
    if (unitId === skipUnitId) continue;
    let own: TargetRow | undefined;
    for (const p of periods) {
      own = byKey.get(`${indicatorId}:${unitId}:${p}`);
      if (own) break;
    }
    if (own && (!best || isStricter(own.target, best.target, direction))) best = own;
  }
  return best;
}

export const targetKey = (r: { indicatorId: number; unitId: number; period: string }) =>
  `${r.indicatorId}:${r.unitId}:${r.period}`;

/**
 * Each unit's effective target for each indicator in a period (a month looks up the month, its quarter and its year; a
 * quarter itself and its year; a year itself), as `resolveTarget` works it out. `inherited` says it was set above the
 * unit. Keyed `${unitId}:${indicatorId}`.
 */
export async function effectiveTargets(
  tx: Tx,
  units: { id: number; path: string }[],
  indicators: { id: number; direction: Direction }[],
  period: string,
): Promise<Map<string, EffectiveTarget>> {
  const out = new Map<string, EffectiveTarget>();
  if (units.length === 0 || indicators.length === 0) return out;
  const chains = new Map(units.map((u) => [u.id, idsOnPath(u.path)]));
  const periods = enclosingPeriods(period);
  const rows = await targetsOn(
    tx,
    [...new Set([...chains.values()].flat())],
    indicators.map((i) => i.id),
    periods,
  );
  if (rows.length === 0) return out;
  const byKey = new Map(rows.map((r) => [targetKey(r), r]));
  const withTargets = new Set(rows.map((r) => r.indicatorId));
  for (const indicator of indicators) {
    if (!withTargets.has(indicator.id)) continue;
    for (const unit of units) {
      const best = resolveTarget(byKey, indicator.id, chains.get(unit.id)!, periods, indicator.direction);
      if (!best) continue;
      out.set(`${unit.id}:${indicator.id}`, {
        id: best.id,
        target: best.target,
        setByUnitId: best.unitId,
        period: best.period,
        inherited: best.unitId !== unit.id,
      });
    }
  }
  return out;
}

/** The province's "near" margin for traffic lights (an indicator's own margin, where set, overrides it). */
export async function nearMarginOf(tx: Tx, provinceId: number): Promise<number> {
  const [row] = await queryRows<{ nearMargin: number }>(
    tx,
    sql`select near_margin as "nearMargin" from scorecard_settings where unit_id = ${provinceId}`,
  );
  return row?.nearMargin ?? DEFAULT_NEAR_MARGIN;
}
