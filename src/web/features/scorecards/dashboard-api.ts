import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { api } from '../../lib/api.js';
import { formatNumber, formatPercent } from '../../lib/format.js';
import type {
  Direction,
  IndicatorKind,
  IndicatorLevel,
  Light,
  Measure,
  PeriodKind,
} from '../../../shared/scorecards.js';

// The read side of the scorecards (issue 17) as the console's dashboards use it: the shapes of f-contract.md, copied
// here as types (the server's zod schemas live in modules/scorecards/*.schemas.ts), and one hook per route.

export type UnitRef = { id: number; code: string; name: string; tier: string };

export type Indicator = {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  formulaVi: string;
  formulaEn: string;
  measure: Measure;
  unitVi: string;
  unitEn: string;
  kind: IndicatorKind;
  source: string | null;
  levels: IndicatorLevel[];
  direction: Direction;
  periodKind: PeriodKind;
  nearMargin: number | null;
  active: boolean;
  position: number;
  version: number;
  own: boolean;
};

export type Cell = {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  targetInherited: boolean;
  light: Light;
  previous: number | null;
  change: number | null;
  /** When behind: the first month (YYYY-MM) of the unbroken run of behind months ending at the period. */
  behindSince: string | null;
};

export type Dashboard = {
  unit: UnitRef;
  period: string;
  previousPeriod: string;
  frozen: boolean;
  computedAt: string | null;
  nearMargin: number;
  indicators: Indicator[];
  total: { unit: UnitRef; cells: Record<string, Cell> };
  rows: { unit: UnitRef; cells: Record<string, Cell> }[];
  moved: { indicatorId: number; change: number }[];
};

export type TrendPoint = {
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  light: Light;
  frozen: boolean;
};
export type Trend = { indicator: Indicator; points: TrendPoint[] };

export type SetRef = { id: number; code: string; nameVi: string; nameEn: string; maxTotal: number };
export type RankingRow = {
  unit: UnitRef;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  rank: number | null;
  previousRank: number | null;
  rankChange: number | null;
  change: number | null;
};
export type Ranking = {
  unit: UnitRef;
  period: string;
  previousPeriod: string;
  by: { indicator?: Indicator; set?: SetRef };
  tieRule: { vi: string; en: string };
  published: boolean;
  rows: RankingRow[];
};

export type Score = {
  set: SetRef;
  unit: UnitRef;
  period: string;
  total: number;
  maxTotal: number;
  pillars: { pillarVi: string; pillarEn: string; points: number; maxPoints: number }[];
  items: {
    indicator: Indicator;
    pillarVi: string;
    pillarEn: string;
    value: number | null;
    target: number | null;
    maxPoints: number;
    points: number;
    evidenceOk: boolean;
  }[];
};

export type CatalogSet = {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  active: boolean;
  maxTotal: number;
};
export type Catalog = { province: UnitRef; indicators: Indicator[]; sets: CatalogSet[]; nearMargin: number };

export type Report = {
  id: number;
  unit: UnitRef;
  period: string;
  status: string;
  createdAt: string;
  finishedAt: string | null;
  fileName: string | null;
};

const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])),
  ).toString();

export const useDashboard = (unit: number | undefined, period: string) =>
  useQuery({
    queryKey: ['scorecards', 'dashboard', unit, period],
    queryFn: () => api<Dashboard>(`/api/scorecards/dashboard?${qs({ unit, period })}`),
    enabled: unit !== undefined,
  });

export const useTrend = (unit: number, indicator: number, period: string, enabled = true) =>
  useQuery({
    queryKey: ['scorecards', 'trend', unit, indicator, period],
    queryFn: () => api<Trend>(`/api/scorecards/trend?${qs({ unit, indicator, period, months: 12 })}`),
    enabled,
  });

export type RankBy = { indicator?: number; set?: number };
export const useRanking = (unit: number | undefined, period: string, by: RankBy) =>
  useQuery({
    queryKey: ['scorecards', 'ranking', unit, period, by.indicator, by.set],
    queryFn: () => api<Ranking>(`/api/scorecards/ranking?${qs({ unit, period, ...by })}`),
    enabled: unit !== undefined && (by.indicator !== undefined || by.set !== undefined),
  });

export const useScore = (unit: number | undefined, period: string, set: number | undefined) =>
  useQuery({
    queryKey: ['scorecards', 'score', unit, period, set],
    queryFn: () => api<Score>(`/api/scorecards/score?${qs({ unit, period, set })}`),
    enabled: unit !== undefined && set !== undefined,
  });

export const useCatalog = (unit: number | undefined) =>
  useQuery({
    queryKey: ['scorecards', 'catalog', unit],
    queryFn: () => api<Catalog>(`/api/scorecards/catalog?${qs({ unit })}`),
    enabled: unit !== undefined,
  });

export const useReports = (unit: number | undefined) =>
  useQuery({
    queryKey: ['scorecards', 'reports', unit],
    queryFn: () => api<{ items: Report[] }>(`/api/scorecards/reports?${qs({ unit })}`).then((r) => r.items),
    enabled: unit !== undefined,
    // A report is made by a job: look again while one is still being written.
    refetchInterval: (q) =>
      q.state.data?.some((r) => r.status === 'QUEUED' || r.status === 'RUNNING' || r.status === 'PENDING')
        ? 3000
        : false,
  });

export function useCreateReport(unit: number | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (period: string) =>
      api<{ id: number }>('/api/scorecards/reports', { method: 'POST', body: { unit, period } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['scorecards', 'reports', unit] }),
  });
}

export const dashboardQuery = (unit: number, period: string) => qs({ unit, period });
export const rankingQuery = (unit: number, period: string, by: RankBy) => qs({ unit, period, ...by });

/** An indicator's name in the page's language (the catalog has Vietnamese and English). */
export const nameOf = (i: { nameVi: string; nameEn: string }, lang = i18next.language) =>
  lang === 'vi' ? i.nameVi : i.nameEn;
export const unitWordOf = (i: { unitVi: string; unitEn: string }, lang = i18next.language) =>
  lang === 'vi' ? i.unitVi : i.unitEn;

/** A value as people read it: a percentage "83,5%", a count "12", a mean "4,2 năm"; "—" when there is none. */
export function formatValue(measure: Measure, value: number | null, lang = i18next.language, unitWord = '') {
  if (value === null) return '—';
  if (measure === 'PERCENT') return formatPercent(value, lang);
  const n = formatNumber(Math.round(value * 10) / 10, lang);
  return unitWord && measure === 'AVERAGE' ? `${n} ${unitWord}` : n;
}

/**
 * A change between two values: percentage points for a PERCENT ("+3,2 điểm %"), the measure's own numbers otherwise,
 * with its sign written out ("+", "−"), so a change is read without colour.
 */
export function formatChange(measure: Measure, change: number | null, lang = i18next.language) {
  if (change === null) return '—';
  const size = changeAsShown(measure, change);
  if (size === 0) return '±0';
  const text = formatNumber(Math.abs(size), lang);
  return `${size > 0 ? '+' : '−'}${text}${measure === 'PERCENT' ? ` ${i18next.t('scorecardDash.points')}` : ''}`;
}

/**
 * A change rounded as it is written (a tenth of a percentage point, a tenth of a count): a change of −0,02 points is
 * shown "±0", and must not be called "kém đi" with a ▼ beside it.
 */
export const changeAsShown = (measure: Measure, change: number) =>
  measure === 'PERCENT' ? Math.round(change * 1000) / 10 : Math.round(change * 10) / 10;

/** Better or worse, given whether more is better for this indicator: "up" for an improvement. */
export const changeSense = (direction: Direction, change: number | null) =>
  change === null || change === 0 ? 'same' : change > 0 === (direction === 'HIGHER') ? 'better' : 'worse';
