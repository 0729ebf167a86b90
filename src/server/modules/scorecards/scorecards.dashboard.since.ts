import type { Tx } from '../../db/client.js';
import { enclosingPeriods, monthsUpTo } from '../../../shared/scorecards.js';
import { byKey, type Cell, judged, readValues, type UnitRow, valueKey } from './scorecards.dashboard.data.js';
import { type IndicatorRow, idsOnPath, resolveTarget, targetKey, targetsOn } from './scorecards.repo.js';

/** How far back "behind since" looks: the dashboards' trend year. */
export const SINCE_MONTHS = 12;

/**
 * "Since when" a unit has been behind: for each cell that is BEHIND in `period`, the first month of the unbroken run
 * of BEHIND months that ends there, within the last twelve (each month judged as its snapshot stamped it, or
 * against its own effective target while open). Only the behind cells are looked up, in one query for their values and one for their targets,
 * so a dashboard where most cells are fine pays little. Keyed `${unitId}:${indicatorId}`.
 */
export async function behindSince(
  db: Tx,
  behind: { unit: UnitRow; indicator: IndicatorRow }[],
  period: string,
  margin: number,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (behind.length === 0) return out;
  const months = monthsUpTo(period, SINCE_MONTHS).slice(0, -1).reverse(); // the month before first, going back
  const unitIds = [...new Set(behind.map((b) => b.unit.id))];
  const indicatorIds = [...new Set(behind.map((b) => b.indicator.id))];
  const chainIds = [...new Set(behind.flatMap((b) => idsOnPath(b.unit.path)))];
  const [values, targets] = await Promise.all([
    readValues(db, unitIds, indicatorIds, months),
    targetsOn(db, chainIds, indicatorIds, [...new Set(months.flatMap(enclosingPeriods))]),
  ]);
  const found = byKey(values);
  const targetByKey = new Map(targets.map((t) => [targetKey(t), t]));
  for (const { unit, indicator } of behind) {
    const chain = idsOnPath(unit.path);
    let since = period;
    for (const month of months) {
      const v = found.get(valueKey(unit.id, indicator.id, month));
      const live = resolveTarget(targetByKey, indicator.id, chain, enclosingPeriods(month), indicator.direction);
      const { light } = judged(v, live ? { target: live.target, inherited: false } : undefined, indicator, margin);
      if (light !== 'BEHIND') break;
      since = month;
    }
    out.set(`${unit.id}:${indicator.id}`, since);
  }
  return out;
}

/** Fills `behindSince` in the cells of units × indicators that are BEHIND (the dashboard's last step). */
export async function markBehindSince(
  db: Tx,
  cells: Map<number, Record<string, Cell>>,
  units: UnitRow[],
  indicators: IndicatorRow[],
  period: string,
  margin: number,
): Promise<void> {
  const behind = units.flatMap((unit) =>
    indicators.filter((i) => cells.get(unit.id)![i.id]!.light === 'BEHIND').map((indicator) => ({ unit, indicator })),
  );
  for (const [key, since] of await behindSince(db, behind, period, margin)) {
    const [unitId, indicatorId] = key.split(':');
    cells.get(Number(unitId))![indicatorId!]!.behindSince = since;
  }
}
