import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import type { SheetColumn, SheetRow } from '../../lib/spreadsheet.js';
import { queueCondition } from '../dossiers/dossiers.repo.js';
import { feedbackIndicators } from '../feedback/feedback.stats.js';
import { getUnitPath } from '../units/units.service.js';
import { type Period, periodOf } from './indicators.period.js';
import { countKeys, rateDefinitions, rateKeys, type CountKey, type RateKey } from './indicators.definitions.js';
import type { IndicatorQuery } from './indicators.schemas.js';

export { type Period, periodOf } from './indicators.period.js';

/** Counts summed over stats rows; rates are derived from them (never stored, so they always add up). */
export type Counts = Record<CountKey, number>;
export type Rate = { value: number | null; numerator: number; denominator: number };
export type Rates = Record<RateKey, Rate>;

/** Each count summed over the stats rows `s`, named as in `Counts` (the column is its snake_case name). */
const countColumns = sql.raw(
  countKeys
    .map((k) => `coalesce(sum(s.${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}), 0)::int as "${k}"`)
    .join(',\n  '),
);

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

/** Decision 766-style rates (online, full-process online, on time, digitized, paid online, satisfied), each with its
 * numerator and denominator. */
export function ratesOf(c: Counts): Rates {
  return Object.fromEntries(
    rateKeys.map((k) => {
      const { numerator, denominator } = rateDefinitions[k];
      return [k, { value: ratio(c[numerator], c[denominator]), numerator: c[numerator], denominator: c[denominator] }];
    }),
  ) as Rates;
}

/**
 * Indicators of a unit's subtree over a period, from the daily stats (one row per commune and day), plus the open
 * dossiers overdue right now (from the work-queue index). Scope is in the query: units outside it add nothing.
 */
export async function indicatorsFor(db: Tx, scope: Scope, unitPath: string, period: Period) {
  const inUnit = sql`u.path like ${`${unitPath}%`} and ${pathInScope(sql`u.path`, scope)}`;
  const months = await queryRows<Counts & { month: string }>(
    db,
    sql`
    select to_char(date_trunc('month', s.day), 'YYYY-MM') as month, ${countColumns}
    from dossier_daily_stats s join units u on u.id = s.unit_id
    where ${inUnit} and s.day between ${period.from} and ${period.to} group by 1 order by 1`,
  );
  // Each commune under the unit, for comparing and ranking (a commune's own row when the unit is a commune).
  const communes = await queryRows<Counts & { unitId: number; code: string; name: string }>(
    db,
    sql`
    select u.id as "unitId", u.code, u.name, ${countColumns}
    from units u left join dossier_daily_stats s on s.unit_id = u.id and s.day between ${period.from} and ${period.to}
    where ${inUnit} and u.tier = 'COMMUNE' group by u.id, u.code, u.name order by u.name`,
  );
  // Overdue now is the officers' "overdue" queue itself, counted: the link under the number opens that list.
  const [overdue] = await queryRows<{ count: number }>(
    db,
    sql`
    select count(*)::int as count from dossiers join units u on u.id = dossiers.unit_id
    where ${inUnit} and ${queueCondition('overdue', { userId: 0, now: new Date() })}`,
  );
  // The period's totals are the months added up: one pass over the stats instead of two.
  const totals = Object.fromEntries(countKeys.map((k) => [k, months.reduce((sum, m) => sum + m[k], 0)])) as Counts;
  // Questions and reports (issue 16): their on-time and satisfaction rates beside the dossiers'.
  const feedback = await feedbackIndicators(db, scope, unitPath, period);
  return {
    period,
    totals: { ...totals, ...ratesOf(totals), overdueNow: overdue!.count },
    months: months.map((m) => ({ ...m, ...ratesOf(m) })),
    communes: communes.map((c) => ({ ...c, ...ratesOf(c), feedback: feedback.byCommune(c.unitId) })),
    feedback: feedback.totals,
  };
}

/** The indicators of a unit in the caller's scope over a period (the start not after the end). */
export async function loadIndicators(db: Tx, scope: Scope, query: IndicatorQuery) {
  const period = periodOf(query);
  const path = await getUnitPath(db, query.unit, scope);
  return indicatorsFor(db, scope, path, period);
}

const countHeaders: Record<CountKey, string> = {
  received: 'Hồ sơ tiếp nhận',
  online: 'Trực tuyến',
  inPerson: 'Trực tiếp',
  postal: 'Bưu chính',
  fullOnlineBase: 'Tiếp nhận thuộc TTHC toàn trình',
  fullOnline: 'Trực tuyến toàn trình',
  digitized: 'Được số hóa',
  resolved: 'Đã giải quyết',
  onTime: 'Giải quyết đúng hạn',
  rated: 'Lượt đánh giá',
  satisfied: 'Hài lòng',
  paid: 'Đã nộp phí',
  paidOnline: 'Nộp phí trực tuyến',
};
const rateHeaders: Record<RateKey, string> = {
  onlineRate: 'Tỷ lệ trực tuyến (%)',
  fullOnlineRate: 'Tỷ lệ trực tuyến toàn trình (%)',
  onTimeRate: 'Tỷ lệ đúng hạn (%)',
  digitizedRate: 'Tỷ lệ số hóa (%)',
  onlinePaymentRate: 'Tỷ lệ thanh toán trực tuyến (%)',
  satisfactionRate: 'Tỷ lệ hài lòng (%)',
};

/**
 * The indicators as a spreadsheet, one row per commune: every count (so each rate can be recomputed from its
 * numerator and denominator), then the rates in percent with one decimal.
 */
export function indicatorsSheet(data: Awaited<ReturnType<typeof loadIndicators>>) {
  const percent = (r: Rate) => (r.value === null ? '' : Math.round(r.value * 1000) / 10);
  const columns: SheetColumn[] = [
    { key: 'code', header: 'Mã xã', width: 10 },
    { key: 'name', header: 'Xã, phường', width: 28 },
    ...countKeys.map((k) => ({ key: k, header: countHeaders[k] })),
    ...rateKeys.map((k) => ({ key: k, header: rateHeaders[k] })),
    { key: 'feedbackOnTime', header: 'PAKN trả lời đúng hạn (%)' },
    { key: 'feedbackSatisfied', header: 'PAKN hài lòng (%)' },
  ];
  async function* rows(): AsyncGenerator<SheetRow> {
    for (const c of data.communes) {
      const counts = Object.fromEntries(countKeys.map((k) => [k, c[k]]));
      yield {
        code: c.code,
        name: c.name,
        ...counts,
        ...Object.fromEntries(rateKeys.map((k) => [k, percent(c[k])])),
        feedbackOnTime: percent(c.feedback.onTimeRate),
        feedbackSatisfied: percent(c.feedback.satisfactionRate),
      };
    }
  }
  return { sheetName: 'Chỉ số', columns, rows: rows() };
}
