import type { Light, Measure } from '../../../shared/scorecards.js';
import type { SheetColumn, SheetRow } from '../../lib/sheet-types.js';
import type { loadDashboard } from './scorecards.dashboard.js';
import type { loadRanking } from './scorecards.ranking.js';

/** A light in words (never colour alone: a printed sheet or a screen reader has none). */
export const lightVi: Record<Light, string> = {
  MET: 'Đạt',
  NEAR: 'Gần đạt',
  BEHIND: 'Chưa đạt',
  NO_TARGET: 'Chưa giao chỉ tiêu',
  NO_DATA: 'Chưa có số liệu',
};

const vi = (n: number, digits: number) =>
  n.toLocaleString('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: digits });

/** A value as a Vietnamese reader writes it: "83,5%", "3,2 năm", "12 máy"; a dash when there is none. */
export function formatValueVi(measure: Measure, unitVi: string, value: number | null): string {
  if (value === null) return '–';
  if (measure === 'PERCENT') return `${vi(value * 100, 1)}%`;
  return unitVi ? `${vi(value, 2)} ${unitVi}` : vi(value, 2);
}

/** A change in the indicator's own terms: percentage points for a percentage ("+2,5 điểm %"). */
export function formatChangeVi(measure: Measure, change: number | null): string {
  if (change === null) return '';
  // Signed as written: a change that rounds to nothing (−0,0002 → "0") is "0", never "−0 điểm %".
  const shown = measure === 'PERCENT' ? Math.round(change * 1000) / 10 : Math.round(change * 100) / 100;
  if (shown === 0) return '0';
  const sign = shown > 0 ? '+' : '−';
  const size = Math.abs(shown);
  return measure === 'PERCENT' ? `${sign}${vi(size, 1)} điểm %` : `${sign}${vi(size, 2)}`;
}

/** "11/2026" from "2026-11". */
export const monthVi = (period: string) => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

/** A percentage in a sheet as a number of percent (83.5), so a spreadsheet sums and sorts it. */
const sheetNumber = (measure: Measure, value: number | null) =>
  value === null ? null : measure === 'PERCENT' ? Math.round(value * 10000) / 100 : value;

/** The dashboard as a long table: one row per unit (the total first) and indicator, with its numbers and light. */
export function dashboardSheet(data: Awaited<ReturnType<typeof loadDashboard>>) {
  const columns: SheetColumn[] = [
    { key: 'unitCode', header: 'Mã đơn vị', width: 12 },
    { key: 'unitName', header: 'Đơn vị', width: 28 },
    { key: 'code', header: 'Mã chỉ số', width: 22 },
    { key: 'name', header: 'Chỉ số', width: 48 },
    { key: 'numerator', header: 'Tử số', width: 10 },
    { key: 'denominator', header: 'Mẫu số', width: 10 },
    { key: 'value', header: 'Giá trị (% hoặc đơn vị)', width: 14 },
    { key: 'target', header: 'Chỉ tiêu', width: 10 },
    { key: 'light', header: 'Đánh giá', width: 18 },
    { key: 'previous', header: `Tháng ${monthVi(data.previousPeriod)}`, width: 12 },
    { key: 'change', header: 'Thay đổi', width: 10 },
  ];
  const rows: SheetRow[] = [];
  for (const line of [data.total, ...data.rows]) {
    for (const indicator of data.indicators) {
      const cell = line.cells[indicator.id];
      if (!cell) continue;
      const n = (v: number | null) => sheetNumber(indicator.measure, v);
      rows.push({
        unitCode: line.unit.code,
        unitName: line.unit.name,
        code: indicator.code,
        name: indicator.nameVi,
        numerator: cell.numerator,
        denominator: cell.denominator,
        value: n(cell.value),
        target: n(cell.target),
        light: lightVi[cell.light],
        previous: n(cell.previous),
        change: n(cell.change),
      });
    }
  }
  return { sheetName: `Chỉ số ${monthVi(data.period)}`.replace('/', '-'), columns, rows };
}

/** The ranking as a table, in rank order. */
export function rankingSheet(data: Awaited<ReturnType<typeof loadRanking>>) {
  const measure = data.by.indicator?.measure ?? 'COUNT';
  const n = (v: number | null) => sheetNumber(measure, v);
  const columns: SheetColumn[] = [
    { key: 'rank', header: 'Hạng', width: 8 },
    { key: 'unitCode', header: 'Mã đơn vị', width: 12 },
    { key: 'unitName', header: 'Đơn vị', width: 28 },
    { key: 'value', header: data.by.set ? 'Tổng điểm' : 'Giá trị', width: 12 },
    { key: 'numerator', header: 'Tử số', width: 10 },
    { key: 'denominator', header: 'Mẫu số', width: 10 },
    { key: 'previousRank', header: `Hạng tháng ${monthVi(data.previousPeriod)}`, width: 14 },
    { key: 'rankChange', header: 'Tăng/giảm hạng', width: 12 },
    { key: 'change', header: 'Thay đổi giá trị', width: 12 },
  ];
  const rows: SheetRow[] = data.rows.map((r) => ({
    rank: r.rank,
    unitCode: r.unit.code,
    unitName: r.unit.name,
    value: n(r.value),
    numerator: r.numerator,
    denominator: r.denominator,
    previousRank: r.previousRank,
    rankChange: r.rankChange,
    change: n(r.change),
  }));
  return { sheetName: `Xếp hạng ${monthVi(data.period)}`.replace('/', '-'), columns, rows };
}
