import { sql } from 'drizzle-orm';
import type { IndicatorLevel, InventoryKind } from '../../../shared/scorecards.js';
import { queryRows, type Db } from '../../db/client.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import { listIndicators, provinceOf } from '../scorecards/scorecards.repo.js';
import { unitInScope } from './inventory.service.js';

/**
 * What the inventory says for the entered indicators it can count, as the entry form's starting figures: the unit and
 * the units under it, as of the period's year (a machine bought later is left out). Only working items count. The
 * staff indicators get their numerator alone: the inventory does not know how many staff there are, the form asks.
 */
type Counted = { kind: InventoryKind; state: string; year: number | null; count: number };

const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

type Suggestion = { numerator: number; denominator: number | null; basis: string };

const working = (rows: Counted[], kind: InventoryKind) =>
  rows.filter((r) => r.kind === kind && r.state === 'WORKING').reduce((s, r) => s + r.count, 0);

/** By indicator code: how to work it out from the rows, or null when the inventory has nothing of that kind. */
const rules: Record<string, (rows: Counted[], year: number) => Suggestion | null> = {
  COMPUTERS: (rows) => {
    if (!rows.some((r) => r.kind === 'COMPUTER')) return null;
    const n = working(rows, 'COMPUTER');
    return { numerator: n, denominator: null, basis: `${nf.format(n)} máy đang dùng được` };
  },
  COMPUTER_AGE: (rows, year) => {
    const dated = rows.filter((r) => r.kind === 'COMPUTER' && r.state === 'WORKING' && r.year !== null);
    const machines = dated.reduce((s, r) => s + r.count, 0);
    if (machines === 0) return null;
    const years = dated.reduce((s, r) => s + (year - r.year!) * r.count, 0);
    return {
      numerator: years,
      denominator: machines,
      basis: `${nf.format(machines)} máy có năm mua, tổng ${nf.format(years)} năm sử dụng (bình quân ${nf.format(years / machines)} năm)`,
    };
  },
  VIDEO_ROOMS: (rows) => {
    if (!rows.some((r) => r.kind === 'VIDEO_ROOM')) return null;
    const n = working(rows, 'VIDEO_ROOM');
    return { numerator: n, denominator: null, basis: `${nf.format(n)} phòng họp trực tuyến đang dùng được` };
  },
  CAMERAS: (rows) => {
    if (!rows.some((r) => r.kind === 'CAMERA')) return null;
    const n = working(rows, 'CAMERA');
    return { numerator: n, denominator: null, basis: `${nf.format(n)} camera đang hoạt động` };
  },
  STAFF_DIGITAL_SIGNATURE: (rows) => {
    if (!rows.some((r) => r.kind === 'DIGITAL_SIGNATURE')) return null;
    const n = working(rows, 'DIGITAL_SIGNATURE');
    return {
      numerator: n,
      denominator: null,
      basis: `${nf.format(n)} chữ ký số đang dùng được; hãy nhập tổng số cán bộ, công chức`,
    };
  },
  STAFF_OFFICIAL_EMAIL: (rows) => {
    if (!rows.some((r) => r.kind === 'OFFICIAL_EMAIL')) return null;
    const n = working(rows, 'OFFICIAL_EMAIL');
    return {
      numerator: n,
      denominator: null,
      basis: `${nf.format(n)} hộp thư công vụ đang dùng; hãy nhập tổng số cán bộ, công chức`,
    };
  },
};

export async function inventorySuggestions(db: Db, scope: Scope, unitId: number, period: string) {
  const unit = await unitInScope(db, unitId, scope);
  const provinceId = await provinceOf(db, unit.path);
  if (provinceId === null) return { items: [] };
  const year = Number(period.slice(0, 4));
  const rows = await queryRows<Counted>(
    db,
    sql`select ii.kind, ii.state, ii.year, sum(ii.count)::int as count
        from inventory_items ii join units u on u.id = ii.unit_id
        where u.path like ${`${unit.path}%`} and ${pathInScope(sql`u.path`, scope)}
          and (ii.year is null or ii.year <= ${year})
        group by ii.kind, ii.state, ii.year`,
  );
  const indicators = await listIndicators(db, provinceId);
  const items = [];
  for (const [code, rule] of Object.entries(rules)) {
    // The province's own indicator of that code first (listIndicators orders them so), the shipped one otherwise.
    const indicator = indicators.find(
      (i) => i.code === code && i.kind === 'ENTERED' && i.levels.includes(unit.tier as IndicatorLevel),
    );
    const suggestion = indicator ? rule(rows, year) : null;
    if (indicator && suggestion) items.push({ indicatorId: indicator.id, indicatorCode: code, ...suggestion });
  }
  return { items };
}
