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

export type EffectiveTarget = { target: number; setByUnitId: number; period: string; inherited: boolean };

/**
 * Each unit's effective target for each indicator in a period. The narrowest period that has any target along the
 * unit's chain (the month, then its quarter, then its year; a quarter or year looks up only itself and wider) wins;
 * among those, the strictest (a unit may only tighten what it inherits, so that is the nearest one set). `inherited`
 * says it was set above the unit. Keyed `${unitId}:${indicatorId}`.
 */
export async function effectiveTargets(
  tx: Tx,
  units: { id: number; path: string }[],
  indicators: { id: number; direction: Direction }[],
  period: string,
): Promise<Map<string, EffectiveTarget>> {
  const out = new Map<string, EffectiveTarget>();
  if (units.length === 0 || indicators.length === 0) return out;
  const chainIds = [...new Set(units.flatMap((u) => idsOnPath(u.path)))];
  const periods = enclosingPeriods(period);
  const rows = await queryRows<{ indicatorId: number; unitId: number; period: string; target: number }>(
    tx,
    sql`select indicator_id as "indicatorId", unit_id as "unitId", period, target from scorecard_targets
        where unit_id = any(${sql.raw(`array[${chainIds.join(',')}]::int[]`)})
          and indicator_id = any(${sql.raw(`array[${indicators.map((i) => i.id).join(',')}]::int[]`)})
          and period = any(${sql.raw(`array[${periods.map((p) => `'${p.replace(/[^0-9QY-]/g, '')}'`).join(',')}]::text[]`)})`,
  );
  const byIndicator = new Map<number, typeof rows>();
  for (const r of rows) byIndicator.set(r.indicatorId, [...(byIndicator.get(r.indicatorId) ?? []), r]);
  for (const indicator of indicators) {
    const targets = byIndicator.get(indicator.id);
    if (!targets) continue;
    for (const unit of units) {
      const chain = new Set(idsOnPath(unit.path));
      for (const p of periods) {
        const along = targets.filter((t) => t.period === p && chain.has(t.unitId));
        if (along.length === 0) continue;
        const best = along.reduce((a, b) => (isStricter(b.target, a.target, indicator.direction) ? b : a));
        out.set(`${unit.id}:${indicator.id}`, {
          target: best.target,
          setByUnitId: best.unitId,
          period: p,
          inherited: best.unitId !== unit.id,
        });
        break;
      }
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
