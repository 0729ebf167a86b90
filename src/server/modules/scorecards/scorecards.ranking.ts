import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { pathWithin, type Scope } from '../../db/scope.js';
import { AppError, forbidden, notFound, validation } from '../../lib/errors.js';
import { ErrorCode } from '../../../shared/enums.js';
import { type Direction, monthOf, previousPeriod, rankValues } from '../../../shared/scorecards.js';
import {
  changeOf,
  childrenOf,
  findUnit,
  readValues,
  snapshotOf,
  toIndicator,
  type UnitRow,
  unitRef,
  valueKey,
} from './scorecards.dashboard.data.js';
import { catalogOf } from './scorecards.dashboard.js';
import { loadSet, scoreUnits, setRef } from './scorecards.score.js';

export const TIE_RULE = {
  vi: 'Đơn vị có giá trị bằng nhau (làm tròn 4 chữ số thập phân) đồng hạng, hạng kế tiếp bỏ qua (1, 2, 2, 4); đơn vị chưa có số liệu xếp cuối, không xếp hạng; cùng hạng thì xếp theo tên.',
  en: 'Units with equal values (to 4 decimals) share a rank and the next rank is skipped (1, 2, 2, 4); units without data come last, unranked; equal ranks are listed by name.',
};

const notPublished = () =>
  new AppError(ErrorCode.NOT_PUBLISHED, 403, {
    vi: 'Tỉnh chưa công bố bảng xếp hạng của tháng này',
    en: 'The province has not published this month’s ranking',
  });

/**
 * Who may see a ranking of a unit's children. Inside the caller's units: all of it. A province above the caller's
 * commune (issue 17): only for a month whose snapshot the province published, and then names and values only
 * (`limited`); otherwise 403 NOT_PUBLISHED. A group head above their group: 403.
 */
export async function rankingAccess(db: Tx, scope: Scope, unitId: number, period: string) {
  const unit = await findUnit(db, unitId);
  if (pathWithin(unit.path, scope)) return { unit, limited: false };
  if (unit.tier === 'PROVINCE') {
    const under = scope.prefixes.filter((p) => p.startsWith(unit.path));
    const communes =
      under.length === 0
        ? []
        : await queryRows<{ id: number }>(
            db,
            sql`select id from units where tier = 'COMMUNE' and path in (${sql.join(
              under.map((p) => sql`${p}`),
              sql`, `,
            )})`,
          );
    if (communes.length > 0) {
      if ((await snapshotOf(db, unit.id, period)).publishedAt === null) throw notPublished();
      return { unit, limited: true };
    }
  }
  throw forbidden({
    vi: 'Bạn chỉ xem được xếp hạng trong đơn vị mình phụ trách',
    en: 'You can only see rankings within your own units',
  });
}

type Entry = { unit: UnitRow; value: number | null; numerator: number | null; denominator: number | null };

/** Ranks of this month and last, the change of rank (up is positive) and of value. */
function ranked(now: Entry[], before: Map<number, number | null>, direction: Direction, limited: boolean) {
  const named = <T extends { unit: UnitRow }>(rows: T[]) => rows.map((r) => ({ ...r, name: r.unit.name }));
  const previousRanks = new Map(
    rankValues(named(now.map((r) => ({ unit: r.unit, value: before.get(r.unit.id) ?? null }))), direction).map((r) => [
      r.unit.id,
      r.rank,
    ]),
  );
  return rankValues(named(now), direction).map((r) => {
    const previousRank = previousRanks.get(r.unit.id) ?? null;
    return {
      unit: unitRef(r.unit),
      value: r.value,
      numerator: limited ? null : r.numerator,
      denominator: limited ? null : r.denominator,
      rank: r.rank,
      previousRank,
      rankChange: r.rank !== null && previousRank !== null ? previousRank - r.rank : null,
      change: changeOf(r.value, before.get(r.unit.id) ?? null),
    };
  });
}

export type RankingQuery = { unit: number; period?: string; indicator?: number; set?: number };

/**
 * The unit's children (a province's communes, a commune's groups) ranked on one indicator or on a scored set's total
 * for a month, with last month's ranks beside (rankValues: the stated tie rule).
 */
export async function loadRanking(db: Tx, scope: Scope, query: RankingQuery, now = new Date()) {
  if ((query.indicator === undefined) === (query.set === undefined))
    throw validation([
      {
        field: 'indicator',
        code: 'ONE_OF',
        message: { vi: 'Chọn một chỉ số hoặc một bộ chỉ số', en: 'Choose one indicator or one scored set' },
      },
    ]);
  const period = query.period ?? monthOf(now);
  const previous = previousPeriod(period);
  const { unit, limited } = await rankingAccess(db, scope, query.unit, period);
  const { provinceId, indicators } = await catalogOf(db, unit);
  const [children, snapshot] = await Promise.all([childrenOf(db, unit), snapshotOf(db, provinceId, period)]);
  const head = { unit: unitRef(unit), period, previousPeriod: previous, tieRule: TIE_RULE };
  const published = snapshot.publishedAt !== null;

  if (query.indicator !== undefined) {
    const indicator = indicators.find((i) => i.id === query.indicator);
    if (!indicator) throw notFound({ vi: 'Không tìm thấy chỉ số', en: 'Indicator not found' });
    const values = await readValues(
      db,
      children.map((c) => c.id),
      [indicator.id],
      [period, previous],
    );
    const at = new Map(values.map((v) => [valueKey(v.unitId, v.indicatorId, v.period), v]));
    const rows = children.map((c) => {
      const v = at.get(valueKey(c.id, indicator.id, period));
      return { unit: c, value: v?.value ?? null, numerator: v?.numerator ?? null, denominator: v?.denominator ?? null };
    });
    const before = new Map(children.map((c) => [c.id, at.get(valueKey(c.id, indicator.id, previous))?.value ?? null]));
    return {
      ...head,
      by: { indicator: toIndicator(indicator) },
      published,
      rows: ranked(rows, before, indicator.direction, limited),
    };
  }

  const set = await loadSet(db, query.set!, provinceId);
  const [scores, scoresBefore] = await Promise.all([
    scoreUnits(db, children, set, indicators, period),
    scoreUnits(db, children, set, indicators, previous),
  ]);
  const rows = children.map((c) => ({ unit: c, value: scores.get(c.id)!.total, numerator: null, denominator: null }));
  const before = new Map(children.map((c) => [c.id, scoresBefore.get(c.id)!.total]));
  return { ...head, by: { set: setRef(set) }, published, rows: ranked(rows, before, 'HIGHER', limited) };
}
