import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import { validation } from '../../lib/errors.js';
import type { SheetColumn } from '../../lib/spreadsheet.js';
import { getUnitPath } from '../units/units.service.js';
import type { IndicatorQuery } from './indicators.schemas.js';

/** Counts summed over stats rows; rates are derived from them (never stored, so they always add up). */
export type Counts = {
  received: number;
  online: number;
  inPerson: number;
  postal: number;
  fullOnlineBase: number;
  fullOnline: number;
  digitized: number;
  resolved: number;
  onTime: number;
  rated: number;
  satisfied: number;
  paid: number;
  paidOnline: number;
};
export type Rates = {
  onlineRate: number | null;
  fullOnlineRate: number | null;
  onTimeRate: number | null;
  digitizedRate: number | null;
  onlinePaymentRate: number | null;
  satisfactionRate: number | null;
};

const countKeys = [
  'received',
  'online',
  'inPerson',
  'postal',
  'fullOnlineBase',
  'fullOnline',
  'digitized',
  'resolved',
  'onTime',
  'rated',
  'satisfied',
  'paid',
  'paidOnline',
] as const;

/** Each count summed over the stats rows `s`, named as in `Counts` (the column is its snake_case name). */
const countColumns = sql.raw(
  countKeys
    .map((k) => `coalesce(sum(s.${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}), 0)::int as "${k}"`)
    .join(',\n  '),
);

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

/** Decision 766-style rates: online, full-process online, on time, digitized, paid online, satisfied. */
export function ratesOf(c: Counts): Rates {
  return {
    onlineRate: ratio(c.online, c.received),
    fullOnlineRate: ratio(c.fullOnline, c.fullOnlineBase),
    onTimeRate: ratio(c.onTime, c.resolved),
    digitizedRate: ratio(c.digitized, c.received),
    onlinePaymentRate: ratio(c.paidOnline, c.paid),
    satisfactionRate: ratio(c.satisfied, c.rated),
  };
}

export type Period = { from: string; to: string };

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
  const [overdue] = await queryRows<{ count: number }>(
    db,
    sql`
    select count(*)::int as count from dossiers d join units u on u.id = d.unit_id
    where ${inUnit} and d.status in ('RECEIVED', 'PROCESSING', 'PAYMENT_REQUESTED')
      and coalesce(d.extended_due_at, d.due_at) < now()`,
  );
  // The period's totals are the months added up: one pass over the stats instead of two.
  const totals = Object.fromEntries(countKeys.map((k) => [k, months.reduce((sum, m) => sum + m[k], 0)])) as Counts;
  return {
    period,
    totals: { ...totals, ...ratesOf(totals), overdueNow: overdue!.count },
    months: months.map((m) => ({ ...m, ...ratesOf(m) })),
    communes: communes.map((c) => ({ ...c, ...ratesOf(c) })),
  };
}

/** The indicators of a unit in the caller's scope over a period (the start not after the end). */
export async function loadIndicators(db: Tx, scope: Scope, query: IndicatorQuery) {
  if (query.from > query.to)
    throw validation([
      {
        field: 'from',
        code: 'RANGE',
        message: { vi: 'Ngày bắt đầu phải trước ngày kết thúc', en: 'The start must come before the end' },
      },
    ]);
  const path = await getUnitPath(db, query.unit, scope);
  return indicatorsFor(db, scope, path, { from: query.from, to: query.to });
}

/** The indicators as a spreadsheet, one row per commune, rates in percent with one decimal. */
export function indicatorsSheet(data: Awaited<ReturnType<typeof loadIndicators>>) {
  const percent = (v: number | null) => (v === null ? '' : Math.round(v * 1000) / 10);
  const columns: SheetColumn[] = [
    { key: 'code', header: 'Mã xã', width: 10 },
    { key: 'name', header: 'Xã, phường', width: 28 },
    { key: 'received', header: 'Hồ sơ tiếp nhận' },
    { key: 'online', header: 'Trực tuyến' },
    { key: 'inPerson', header: 'Trực tiếp' },
    { key: 'postal', header: 'Bưu chính' },
    { key: 'onlineRate', header: 'Tỷ lệ trực tuyến (%)' },
    { key: 'fullOnlineRate', header: 'Tỷ lệ trực tuyến toàn trình (%)' },
    { key: 'onTimeRate', header: 'Tỷ lệ đúng hạn (%)' },
    { key: 'digitizedRate', header: 'Tỷ lệ số hóa (%)' },
    { key: 'onlinePaymentRate', header: 'Tỷ lệ thanh toán trực tuyến (%)' },
    { key: 'satisfactionRate', header: 'Tỷ lệ hài lòng (%)' },
  ];
  async function* rows() {
    for (const c of data.communes) {
      yield {
        ...c,
        onlineRate: percent(c.onlineRate),
        fullOnlineRate: percent(c.fullOnlineRate),
        onTimeRate: percent(c.onTimeRate),
        digitizedRate: percent(c.digitizedRate),
        onlinePaymentRate: percent(c.onlinePaymentRate),
        satisfactionRate: percent(c.satisfactionRate),
      };
    }
  }
  return { sheetName: 'Chỉ số', columns, rows: rows() };
}
