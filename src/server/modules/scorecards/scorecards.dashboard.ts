import { markBehindSince } from './scorecards.dashboard.since.js';
import type { Tx } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';
import { enclosingPeriods, monthOf, monthsUpTo, previousPeriod } from '../../../shared/scorecards.js';
import {
  byKey,
  cellsOf,
  childTierOf,
  childrenOf,
  readableUnit,
  readValues,
  snapshotOf,
  toIndicator,
  type UnitRow,
  unitRef,
  valueKey,
  judged,
} from './scorecards.dashboard.data.js';
import {
  idsOnPath,
  type IndicatorRow,
  listIndicators,
  nearMarginOf,
  provinceOf,
  resolveTarget,
  targetKey,
  targetsOn,
} from './scorecards.repo.js';

/** The province whose catalog and margin apply to a unit; a unit above every province has no scorecard. */
export async function catalogOf(db: Tx, unit: UnitRow) {
  const provinceId = await provinceOf(db, unit.path);
  if (provinceId === null)
    throw notFound({ vi: 'Đơn vị này không thuộc tỉnh nào', en: 'This unit belongs to no province' });
  const [indicators, margin] = await Promise.all([listIndicators(db, provinceId), nearMarginOf(db, provinceId)]);
  return { provinceId, indicators, margin };
}

/** The active indicators measured at the unit's tier or its children's: the dashboard's columns. */
export const applicable = (indicators: IndicatorRow[], unit: UnitRow) => {
  const tiers = [unit.tier, childTierOf(unit.tier)].filter(Boolean);
  return indicators.filter((i) => i.levels.some((l) => tiers.includes(l)));
};

export type DashboardQuery = { unit: number; period?: string };

/**
 * A unit and its children × indicators for a month: cells with targets, lights and the change since the month
 * before, the unit's own row as the total (its value is its children's numerators and denominators added up, written
 * by the refresh job), and the unit's five largest moves. Four queries whatever the province's size: the unit,
 * the catalog, the children, then values and targets side by side.
 */
export async function loadDashboard(db: Tx, scope: Scope, query: DashboardQuery, now = new Date()) {
  const unit = await readableUnit(db, scope, query.unit);
  const period = query.period ?? monthOf(now);
  const { provinceId, indicators: all, margin } = await catalogOf(db, unit);
  const indicators = applicable(all, unit);
  const [children, snapshot] = await Promise.all([childrenOf(db, unit), snapshotOf(db, provinceId, period)]);
  const units = [unit, ...children];
  const { cells, values } = await cellsOf(db, units, indicators, period, margin);
  await markBehindSince(db, cells, units, indicators, period, margin);
  const own = cells.get(unit.id)!;
  const computed = values.map((v) => v.computedAt).sort();
  const moved = indicators
    .map((i) => ({ indicatorId: i.id, change: own[i.id]?.change ?? null }))
    .filter((m): m is { indicatorId: number; change: number } => m.change !== null && m.change !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
    .slice(0, 5);
  return {
    unit: unitRef(unit),
    period,
    previousPeriod: previousPeriod(period),
    frozen: snapshot.frozenAt !== null,
    computedAt: computed.at(-1) ?? null,
    nearMargin: margin,
    indicators: indicators.map(toIndicator),
    total: { unit: unitRef(unit), cells: own },
    rows: children.map((c) => ({ unit: unitRef(c), cells: cells.get(c.id)! })),
    moved,
  };
}

export type TrendQuery = { unit: number; indicator: number; months: number; period?: string };

/** One indicator of a unit over the months up to `period`: value, target and light each month, frozen or not. */
export async function loadTrend(db: Tx, scope: Scope, query: TrendQuery, now = new Date()) {
  const unit = await readableUnit(db, scope, query.unit);
  const { indicators, margin } = await catalogOf(db, unit);
  const indicator = indicators.find((i) => i.id === query.indicator);
  if (!indicator) throw notFound({ vi: 'Không tìm thấy chỉ số', en: 'Indicator not found' });
  const months = monthsUpTo(query.period ?? monthOf(now), query.months);
  // Two queries for the whole trend: the values, and every target along the unit's chain for the months, their
  // quarters and years, each month then resolved in memory as effectiveTargets would (not one query per month).
  const chain = idsOnPath(unit.path);
  const [values, targetRows] = await Promise.all([
    readValues(db, [unit.id], [indicator.id], months),
    targetsOn(db, chain, [indicator.id], [...new Set(months.flatMap(enclosingPeriods))]),
  ]);
  const found = byKey(values);
  const targetByKey = new Map(targetRows.map((r) => [targetKey(r), r]));
  const liveTarget = (month: string) => {
    const row = resolveTarget(targetByKey, indicator.id, chain, enclosingPeriods(month), indicator.direction);
    return row ? { target: row.target, inherited: row.unitId !== unit.id } : undefined;
  };
  return {
    indicator: toIndicator(indicator),
    points: months.map((period) => {
      const v = found.get(valueKey(unit.id, indicator.id, period));
      const { target, light } = judged(v, liveTarget(period), indicator, margin);
      return {
        period,
        numerator: v?.numerator ?? null,
        denominator: v?.denominator ?? null,
        value: v?.value ?? null,
        target,
        light,
        frozen: Boolean(v?.frozenAt),
      };
    }),
  };
}
