import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';
import { enclosingPeriods, monthOf, pointsOf, type ScoringRule } from '../../../shared/scorecards.js';
import {
  byKey,
  readableUnit,
  readValues,
  toIndicator,
  type UnitRow,
  unitRef,
  valueKey,
  judged,
} from './scorecards.dashboard.data.js';
import { catalogOf } from './scorecards.dashboard.js';
import { effectiveTargets, type IndicatorRow } from './scorecards.repo.js';

export type SetItem = {
  id: number;
  pillarVi: string;
  pillarEn: string;
  indicatorId: number;
  maxPoints: number;
  rule: ScoringRule;
  evidenceRequired: boolean;
  position: number;
};
export type ScoredSet = {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  maxTotal: number;
  items: SetItem[];
};

/** A scored set of the province's catalog (shipped or its own) with its items in order; 404 for another's. */
export async function loadSet(db: Tx, setId: number, provinceId: number): Promise<ScoredSet> {
  const [set] = await queryRows<Omit<ScoredSet, 'items' | 'maxTotal'>>(
    db,
    sql`select id, code, name_vi as "nameVi", name_en as "nameEn" from scorecard_sets
        where id = ${setId} and (owner_unit_id is null or owner_unit_id = ${provinceId})`,
  );
  if (!set) throw notFound({ vi: 'Không tìm thấy bộ chỉ số', en: 'Scored set not found' });
  const items = await queryRows<SetItem>(
    db,
    sql`select id, pillar_vi as "pillarVi", pillar_en as "pillarEn", indicator_id as "indicatorId",
          max_points as "maxPoints", rule, evidence_required as "evidenceRequired", position
        from scorecard_set_items where set_id = ${setId} order by position, id`,
  );
  const maxTotal = Math.round(items.reduce((s, i) => s + i.maxPoints, 0) * 100) / 100;
  return { ...set, maxTotal, items };
}

/** Entries (of the values' `entry_id`) that are approved and carry at least one file of evidence. */
async function evidencedEntries(db: Tx, entryIds: number[]): Promise<Set<number>> {
  if (entryIds.length === 0) return new Set();
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select e.id from scorecard_entries e
        where e.id = any(${sql.raw(`array[${entryIds.map(Math.trunc).join(',')}]::int[]`)}) and e.status = 'APPROVED'
          and exists (select 1 from scorecard_evidence f where f.entry_id = e.id)`,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * For values added up from the units below (no `entry_id`: a commune without its own entry sums its groups'): the
 * latest approved entries under each unit for the month's enclosing periods, and whether each has a file. Such a
 * value counts as evidenced when there is at least one entry behind it and every one has evidence.
 */
async function evidencedBelow(db: Tx, units: UnitRow[], indicatorIds: number[], period: string) {
  const out = new Map<string, boolean>();
  if (units.length === 0 || indicatorIds.length === 0) return out;
  const rows = await queryRows<{ path: string; indicatorId: number; evidenced: boolean }>(
    db,
    sql`select distinct on (e.unit_id, e.indicator_id, e.period) u.path, e.indicator_id as "indicatorId",
          exists (select 1 from scorecard_evidence f where f.entry_id = e.id) as evidenced
        from scorecard_entries e join units u on u.id = e.unit_id
        where e.status = 'APPROVED'
          and e.indicator_id = any(${sql.raw(`array[${indicatorIds.map(Math.trunc).join(',')}]::int[]`)})
          and e.period in (${sql.join(
            enclosingPeriods(period).map((p) => sql`${p}`),
            sql`, `,
          )})
          and (${sql.join(
            units.map((unit) => sql`u.path like ${`${unit.path}%`}`),
            sql` or `,
          )})
        order by e.unit_id, e.indicator_id, e.period, e.version desc`,
  );
  for (const unit of units)
    for (const indicatorId of indicatorIds) {
      const behind = rows.filter((r) => r.indicatorId === indicatorId && r.path.startsWith(unit.path));
      out.set(`${unit.id}:${indicatorId}`, behind.length > 0 && behind.every((r) => r.evidenced));
    }
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Each unit's points on a set for a month (pointsOf per item; an item that needs evidence scores 0 unless its value
 * comes from an approved entry with a file attached, or is added up from such entries below), with the pillars'
 * subtotals. Four queries for any number of units: values, targets, evidence of entries, evidence below.
 */
export async function scoreUnits(db: Tx, units: UnitRow[], set: ScoredSet, catalog: IndicatorRow[], period: string) {
  const byId = new Map(catalog.map((i) => [i.id, i]));
  const items = set.items.filter((i) => byId.has(i.indicatorId));
  const indicators = items.map((i) => byId.get(i.indicatorId)!);
  const [values, targets] = await Promise.all([
    readValues(
      db,
      units.map((u) => u.id),
      indicators.map((i) => i.id),
      [period],
    ),
    effectiveTargets(db, units, indicators, period),
  ]);
  const needsEvidence = new Set(items.filter((i) => i.evidenceRequired).map((i) => i.indicatorId));
  const rolledUp = values.filter((v) => v.entryId === null && v.value !== null && needsEvidence.has(v.indicatorId));
  const [evidenced, below] = await Promise.all([
    evidencedEntries(db, [...new Set(values.map((v) => v.entryId).filter((e): e is number => e !== null))]),
    evidencedBelow(
      db,
      units.filter((u) => rolledUp.some((v) => v.unitId === u.id)),
      [...new Set(rolledUp.map((v) => v.indicatorId))],
      period,
    ),
  ]);
  const found = byKey(values);
  const out = new Map<number, ReturnType<typeof scoreOne>>();
  const scoreOne = (unit: UnitRow) => {
    const scored = items.map((item) => {
      const indicator = byId.get(item.indicatorId)!;
      const v = found.get(valueKey(unit.id, item.indicatorId, period));
      const value = v?.value ?? null;
      const { target } = judged(v, targets.get(`${unit.id}:${item.indicatorId}`), indicator, 0);
      const evidenceOk =
        !item.evidenceRequired ||
        (typeof v?.entryId === 'number'
          ? evidenced.has(v.entryId)
          : below.get(`${unit.id}:${item.indicatorId}`) === true);
      const points = evidenceOk ? pointsOf(item.rule, item.maxPoints, value, indicator.measure, target) : 0;
      return {
        indicator: toIndicator(indicator),
        pillarVi: item.pillarVi,
        pillarEn: item.pillarEn,
        value,
        target,
        maxPoints: item.maxPoints,
        points,
        rule: item.rule,
        evidenceOk,
      };
    });
    const pillars: { pillarVi: string; pillarEn: string; points: number; maxPoints: number }[] = [];
    for (const s of scored) {
      let p = pillars.find((x) => x.pillarVi === s.pillarVi);
      if (!p) {
        p = { pillarVi: s.pillarVi, pillarEn: s.pillarEn, points: 0, maxPoints: 0 };
        pillars.push(p);
      }
      p.points = round2(p.points + s.points);
      p.maxPoints = round2(p.maxPoints + s.maxPoints);
    }
    // Without a single value the unit has no score (unranked), rather than a score of 0.
    const any = scored.some((s) => s.value !== null);
    return { total: any ? round2(scored.reduce((t, s) => t + s.points, 0)) : null, pillars, items: scored };
  };
  for (const unit of units) out.set(unit.id, scoreOne(unit));
  return out;
}

export const setRef = (s: ScoredSet) => ({
  id: s.id,
  code: s.code,
  nameVi: s.nameVi,
  nameEn: s.nameEn,
  maxTotal: s.maxTotal,
});

export type ScoreQuery = { unit: number; period?: string; set: number };

/** A unit's score on a set for a month, with the breakdown per pillar and per item. */
export async function loadScore(db: Tx, scope: Scope, query: ScoreQuery, now = new Date()) {
  const unit = await readableUnit(db, scope, query.unit);
  const period = query.period ?? monthOf(now);
  const { provinceId, indicators } = await catalogOf(db, unit);
  const set = await loadSet(db, query.set, provinceId);
  const score = (await scoreUnits(db, [unit], set, indicators, period)).get(unit.id)!;
  return {
    set: setRef(set),
    unit: unitRef(unit),
    period,
    total: score.total,
    maxTotal: set.maxTotal,
    pillars: score.pillars,
    items: score.items,
  };
}
