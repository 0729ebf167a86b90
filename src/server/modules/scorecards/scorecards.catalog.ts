import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { IndicatorLevel } from '../../../shared/scorecards.js';
import type { Tx } from '../../db/client.js';
import { scorecardIndicators, scorecardSetItems, scorecardSets, units } from '../../db/schema/index.js';
import { pathAlongScope, pathInScope, type Scope } from '../../db/scope.js';
import { notFound, validation } from '../../lib/errors.js';
import type { Indicator, ScoredSet, SetItemInput, UnitRef } from './scorecards.catalog.schemas.js';
import { type IndicatorRow, listIndicators, provinceOf } from './scorecards.repo.js';

// The catalog's reads and rules, shared by the catalog, targets and settings routes.

export type UnitAt = UnitRef & { path: string };

const unitColumns = { id: units.id, code: units.code, name: units.name, tier: units.tier, path: units.path };

export const refOf = ({ id, code, name, tier }: UnitAt): UnitRef => ({ id, code, name, tier });

export const fieldError = (field: string, code: string, vi: string, en: string) =>
  validation([{ field, code, message: { vi, en } }]);

/** A unit in the caller's subtree (`along`: or above it, for what a group head may follow of its commune). */
export async function unitInReach(tx: Tx, unitId: number, scope: Scope, along = false): Promise<UnitAt> {
  const [unit] = await tx
    .select(unitColumns)
    .from(units)
    .where(and(eq(units.id, unitId), along ? pathAlongScope(units.path, scope) : pathInScope(units.path, scope)));
  if (!unit) throw notFound({ vi: 'Không tìm thấy đơn vị', en: 'Unit not found' });
  return unit;
}

/** A province the caller manages (scorecard.manage): its catalog, sets, margin. */
export async function provinceInReach(tx: Tx, provinceId: number, scope: Scope): Promise<UnitAt> {
  const [unit] = await tx
    .select(unitColumns)
    .from(units)
    .where(and(eq(units.id, provinceId), eq(units.tier, 'PROVINCE'), pathInScope(units.path, scope)));
  if (!unit) throw notFound({ vi: 'Không tìm thấy tỉnh, thành phố', en: 'Province not found' });
  return unit;
}

/** The province above a unit (itself for a province); a unit outside any province has no scorecards (400). */
export async function provinceAbove(tx: Tx, unit: UnitAt, field = 'unit'): Promise<UnitAt> {
  const id = await provinceOf(tx, unit.path);
  const [province] = id ? await tx.select(unitColumns).from(units).where(eq(units.id, id)) : [];
  if (!province)
    throw fieldError(
      field,
      'NOT_IN_PROVINCE',
      'Đơn vị này không thuộc tỉnh, thành phố nào nên không có bộ chỉ số',
      'This unit belongs to no province, so it has no scorecards',
    );
  return province;
}

export const indicatorOut = (row: IndicatorRow): Indicator => ({
  id: row.id,
  code: row.code,
  nameVi: row.nameVi,
  nameEn: row.nameEn,
  formulaVi: row.formulaVi,
  formulaEn: row.formulaEn,
  measure: row.measure,
  unitVi: row.unitVi,
  unitEn: row.unitEn,
  kind: row.kind,
  source: row.source,
  levels: row.levels,
  direction: row.direction,
  periodKind: row.periodKind,
  nearMargin: row.nearMargin,
  active: row.active,
  position: row.position,
  version: row.version,
  own: row.ownerUnitId !== null,
});

/** The tiers at and below a unit's tier that indicators are measured at: what its targets may be about. */
export function tiersFrom(tier: string): IndicatorLevel[] {
  if (tier === 'PROVINCE') return ['PROVINCE', 'COMMUNE', 'COMMUNITY'];
  if (tier === 'COMMUNE') return ['COMMUNE', 'COMMUNITY'];
  if (tier === 'COMMUNITY') return ['COMMUNITY'];
  return [];
}

/** An indicator of the province's catalog (shipped or its own), or 400 on the field that named it. */
export async function indicatorOf(tx: Tx, provinceId: number, indicatorId: number, field: string) {
  const row = (await listIndicators(tx, provinceId, false)).find((i) => i.id === indicatorId);
  if (!row)
    throw fieldError(
      field,
      'NOT_IN_CATALOG',
      'Chỉ số này không có trong bộ chỉ số của tỉnh',
      "This indicator is not in the province's catalog",
    );
  return row;
}

/** The sets of a province (shipped and its own) with their items, in catalog order. */
export async function listSets(tx: Tx, provinceId: number, activeOnly: boolean, setId?: number): Promise<ScoredSet[]> {
  const sets = await tx
    .select()
    .from(scorecardSets)
    .where(
      and(
        or(isNull(scorecardSets.ownerUnitId), eq(scorecardSets.ownerUnitId, provinceId)),
        activeOnly ? eq(scorecardSets.active, true) : undefined,
        setId === undefined ? undefined : eq(scorecardSets.id, setId),
      ),
    )
    .orderBy(sql`${scorecardSets.ownerUnitId} nulls first`, asc(scorecardSets.id));
  if (sets.length === 0) return [];
  const items = await tx
    .select()
    .from(scorecardSetItems)
    .where(
      inArray(
        scorecardSetItems.setId,
        sets.map((s) => s.id),
      ),
    )
    .orderBy(asc(scorecardSetItems.position), asc(scorecardSetItems.id));
  return sets.map((s) => {
    const own = items.filter((i) => i.setId === s.id);
    return {
      id: s.id,
      code: s.code,
      nameVi: s.nameVi,
      nameEn: s.nameEn,
      basis: s.basis,
      own: s.ownerUnitId !== null,
      active: s.active,
      version: s.version,
      maxTotal: Math.round(own.reduce((sum, i) => sum + i.maxPoints, 0) * 100) / 100,
      items: own.map((i) => ({
        id: i.id,
        pillarVi: i.pillarVi,
        pillarEn: i.pillarEn,
        indicatorId: i.indicatorId,
        maxPoints: i.maxPoints,
        rule: i.rule,
        evidenceRequired: i.evidenceRequired,
        position: i.position,
      })),
    };
  });
}

/**
 * A set's items as the rules want them: each indicator once and from the province's catalog, evidence asked only of
 * entered indicators (a computed value has none, so it would never score), no step worth more than the item.
 */
export async function checkItems(tx: Tx, provinceId: number, items: SetItemInput[]) {
  const catalog = new Map((await listIndicators(tx, provinceId, false)).map((i) => [i.id, i]));
  const seen = new Set<number>();
  const errors: { field: string; code: string; message: { vi: string; en: string } }[] = [];
  items.forEach((item, n) => {
    const indicator = catalog.get(item.indicatorId);
    if (!indicator)
      errors.push({
        field: `items.${n}.indicatorId`,
        code: 'NOT_IN_CATALOG',
        message: { vi: 'Chỉ số không có trong bộ chỉ số của tỉnh', en: "Not in the province's catalog" },
      });
    else if (seen.has(item.indicatorId))
      errors.push({
        field: `items.${n}.indicatorId`,
        code: 'DUPLICATE',
        message: { vi: 'Chỉ số này đã có trong bộ', en: 'This indicator is already in the set' },
      });
    else if (item.evidenceRequired && indicator.kind === 'COMPUTED')
      errors.push({
        field: `items.${n}.evidenceRequired`,
        code: 'EVIDENCE_COMPUTED',
        message: {
          vi: 'Chỉ số tính tự động không có minh chứng; chỉ yêu cầu minh chứng với chỉ số nhập tay',
          en: 'A computed indicator has no evidence; ask for evidence on entered indicators only',
        },
      });
    seen.add(item.indicatorId);
    if (item.rule.kind === 'STEPS' && item.rule.steps.some((s) => s.points > item.maxPoints))
      errors.push({
        field: `items.${n}.rule`,
        code: 'STEP_OVER_MAX',
        message: {
          vi: 'Số điểm của một mức không được lớn hơn điểm tối đa của chỉ số',
          en: "A step cannot be worth more than the item's maximum points",
        },
      });
  });
  if (errors.length) throw validation(errors);
}

export async function insertItems(tx: Tx, setId: number, items: SetItemInput[]) {
  await tx.insert(scorecardSetItems).values(items.map((item, n) => ({ ...item, setId, position: (n + 1) * 10 })));
}

/** The next position at the end of a province's catalog. */
export async function nextPosition(tx: Tx, provinceId: number): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number>`coalesce(max(${scorecardIndicators.position}), 0)::int` })
    .from(scorecardIndicators)
    .where(or(isNull(scorecardIndicators.ownerUnitId), eq(scorecardIndicators.ownerUnitId, provinceId)));
  return (row?.max ?? 0) + 10;
}
