import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { pathWithin, type Scope } from '../../db/scope.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { type IndicatorLevel, type Light, lightOf, previousPeriod } from '../../../shared/scorecards.js';
import { indicatorOut } from './scorecards.catalog.js';
import { effectiveTargets, type IndicatorRow } from './scorecards.repo.js';

/**
 * What every read of the scorecards shares (dashboard, trend, ranking, score, exports, reports, public page): units
 * and their children, the values of `scorecard_values` in one indexed query, targets and lights. Nothing here reads
 * the registry: the read model is the values table (issue 17 contract).
 */
export type UnitRow = { id: number; code: string; name: string; tier: string; path: string };
export const unitRef = (u: UnitRow) => ({ id: u.id, code: u.code, name: u.name, tier: u.tier });

/** An indicator as the API shows it (the catalog's shape). */
export const toIndicator = indicatorOut;

export async function findUnit(db: Tx, id: number): Promise<UnitRow> {
  const [unit] = await queryRows<UnitRow>(db, sql`select id, code, name, tier, path from units where id = ${id}`);
  if (!unit) throw notFound({ vi: 'Không tìm thấy đơn vị', en: 'Unit not found' });
  return unit;
}

/** A unit the caller reads: in their subtree, else 403 (a group head asking for their commune). */
export async function readableUnit(db: Tx, scope: Scope, id: number): Promise<UnitRow> {
  const unit = await findUnit(db, id);
  if (!pathWithin(unit.path, scope))
    throw forbidden({
      vi: 'Bạn chỉ xem được chỉ số của đơn vị mình phụ trách',
      en: 'You can only see the scorecards of your own units',
    });
  return unit;
}

/** The tier a unit's dashboard rows are: a province's communes, a commune's groups; a group has none. */
export function childTierOf(tier: string): IndicatorLevel | null {
  if (tier === 'PROVINCE') return 'COMMUNE';
  if (tier === 'COMMUNE') return 'COMMUNITY';
  return null;
}

/** The open units of the next tier down under a unit (by path, so a level in between changes nothing), by name. */
export async function childrenOf(db: Tx, unit: UnitRow): Promise<UnitRow[]> {
  const tier = childTierOf(unit.tier);
  if (!tier) return [];
  const rows = await queryRows<UnitRow>(
    db,
    sql`select id, code, name, tier, path from units
        where path like ${`${unit.path}%`} and tier = ${tier} and closed_at is null`,
  );
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.id - b.id);
}

export type ValueRow = {
  unitId: number;
  indicatorId: number;
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  entryId: number | null;
  computedAt: string;
  frozenAt: string | null;
  /** Stamped when the month was frozen (null while it is open). */
  target: number | null;
  targetInherited: boolean | null;
  light: Light | null;
};

const intArray = (ids: number[]) => sql.raw(`array[${ids.map((n) => Math.trunc(n)).join(',')}]::int[]`);
const textArray = (keys: string[]) =>
  sql.raw(`array[${keys.map((k) => `'${k.replace(/[^0-9Q-]/g, '')}'`).join(',')}]::text[]`);

/**
 * The values of some units × indicators × periods in one query on the primary key (unit, indicator, period): a
 * province's dashboard is 34 units × 30 indicators × 2 months, a few thousand rows.
 */
export async function readValues(
  db: Tx,
  unitIds: number[],
  indicatorIds: number[],
  periods: string[],
): Promise<ValueRow[]> {
  if (unitIds.length === 0 || indicatorIds.length === 0 || periods.length === 0) return [];
  const rows = await queryRows<ValueRow>(
    db,
    sql`select unit_id as "unitId", indicator_id as "indicatorId", period, numerator, denominator, value,
          entry_id as "entryId", computed_at as "computedAt", frozen_at as "frozenAt", target,
          target_inherited as "targetInherited", light
        from scorecard_values
        where unit_id = any(${intArray(unitIds)}) and indicator_id = any(${intArray(indicatorIds)})
          and period = any(${textArray(periods)})`,
  );
  return rows.map((r) => ({
    ...r,
    computedAt: new Date(r.computedAt).toISOString(),
    frozenAt: r.frozenAt === null ? null : new Date(r.frozenAt).toISOString(),
  }));
}

export const valueKey = (unitId: number, indicatorId: number, period: string) => `${unitId}:${indicatorId}:${period}`;
export const byKey = (rows: ValueRow[]) => new Map(rows.map((r) => [valueKey(r.unitId, r.indicatorId, r.period), r]));

/** A province's snapshot of a month: whether it ran (frozen) and whether the province published it to communes. */
export async function snapshotOf(db: Tx, provinceId: number, period: string) {
  const [row] = await queryRows<{ finishedAt: string | null; publishedAt: string | null }>(
    db,
    sql`select finished_at as "finishedAt", published_at as "publishedAt" from scorecard_snapshots
        where province_id = ${provinceId} and period = ${period}`,
  );
  const iso = (at: string | null | undefined) => (at ? new Date(at).toISOString() : null);
  return { frozenAt: iso(row?.finishedAt), publishedAt: iso(row?.publishedAt) };
}

/**
 * The target and light a value is judged by: as stamped when its month was frozen (so a target edited later never
 * changes a month already reported), else the target in force now. A row frozen before stamping existed has no light:
 * it takes the live target.
 */
export function judged(
  v: Pick<ValueRow, 'value' | 'frozenAt' | 'target' | 'targetInherited' | 'light'> | undefined,
  live: { target: number; inherited: boolean } | undefined,
  indicator: Pick<IndicatorRow, 'direction' | 'nearMargin'>,
  margin: number,
): { target: number | null; targetInherited: boolean; light: Light } {
  if (v?.frozenAt && v.light) return { target: v.target, targetInherited: v.targetInherited ?? false, light: v.light };
  const target = live?.target ?? null;
  return {
    target,
    targetInherited: live?.inherited ?? false,
    light: lightOf(v?.value ?? null, target, indicator.direction, indicator.nearMargin ?? margin),
  };
}

export type Cell = {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  targetInherited: boolean;
  light: Light;
  previous: number | null;
  change: number | null;
  /** When BEHIND: the first month of the unbroken run of behind months ending here (within a year); else null. */
  behindSince: string | null;
};

/** A value's change since the period before, to 4 decimals like the values (null when either is missing). */
export const changeOf = (value: number | null, previous: number | null) =>
  value === null || previous === null ? null : Math.round((value - previous) * 10000) / 10000;

/**
 * The cells of units × indicators for a period: value, target (effectiveTargets: one query), light, change since
 * `previousPeriod` (`behindSince` is filled by `markBehindSince`). Values come in from one `readValues` over both
 * months.
 */
export async function cellsOf(
  db: Tx,
  units: UnitRow[],
  indicators: IndicatorRow[],
  period: string,
  margin: number,
): Promise<{ cells: Map<number, Record<string, Cell>>; values: ValueRow[] }> {
  const previous = previousPeriod(period);
  const ids = indicators.map((i) => i.id);
  const [values, targets] = await Promise.all([
    readValues(
      db,
      units.map((u) => u.id),
      ids,
      [period, previous],
    ),
    effectiveTargets(db, units, indicators, period),
  ]);
  const found = byKey(values);
  const cells = new Map<number, Record<string, Cell>>();
  for (const unit of units) {
    const row: Record<string, Cell> = {};
    for (const indicator of indicators) {
      const now = found.get(valueKey(unit.id, indicator.id, period));
      const before = found.get(valueKey(unit.id, indicator.id, previous));
      const value = now?.value ?? null;
      row[indicator.id] = {
        numerator: now?.numerator ?? null,
        denominator: now?.denominator ?? null,
        value,
        ...judged(now, targets.get(`${unit.id}:${indicator.id}`), indicator, margin),
        previous: before?.value ?? null,
        change: changeOf(value, before?.value ?? null),
        behindSince: null,
      };
    }
    cells.set(unit.id, row);
  }
  return { cells, values: values.filter((v) => v.period === period) };
}
