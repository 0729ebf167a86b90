import { useQuery } from '@tanstack/react-query';
import type {
  ComputedSource,
  Direction,
  IndicatorKind,
  IndicatorLevel,
  Measure,
  PeriodKind,
  ScoringRule,
} from '../../../shared/scorecards.js';
import { api } from '../../lib/api.js';
import { formatNumber, formatPercent } from '../../lib/format.js';
import type { UnitRef } from './entries-api.js';

/** The catalog, the scored sets, the settings, the snapshots and the public choice (issue 17's contract shapes). */

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
  source: ComputedSource | null;
  levels: IndicatorLevel[];
  direction: Direction;
  periodKind: PeriodKind;
  nearMargin: number | null;
  active: boolean;
  position: number;
  version: number;
  own: boolean;
};

export type SetItem = {
  id?: number;
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
  basis: string;
  own: boolean;
  active: boolean;
  version: number;
  maxTotal: number;
  items: SetItem[];
};

export type Catalog = { province: UnitRef; indicators: Indicator[]; sets: ScoredSet[]; nearMargin: number };

export const useCatalog = (unit: number | undefined) =>
  useQuery({
    queryKey: ['scorecard-catalog', unit],
    queryFn: () => api<Catalog>(`/api/scorecards/catalog?unit=${unit}`),
    enabled: unit !== undefined,
    staleTime: 60_000,
  });

export type Settings = { nearMargin: number; version: number };

export const useSettings = (province: number | undefined) =>
  useQuery({
    queryKey: ['scorecard-settings', province],
    queryFn: () => api<Settings>(`/api/scorecards/settings?province=${province}`),
    enabled: province !== undefined,
  });

export type Snapshot = {
  id: number;
  period: string;
  startedAt: string;
  finishedAt: string | null;
  values: number;
  publishedAt: string | null;
};

export const useSnapshots = (province: number | undefined) =>
  useQuery({
    queryKey: ['scorecard-snapshots', province],
    queryFn: () => api<{ items: Snapshot[] }>(`/api/scorecards/snapshots?province=${province}`).then((r) => r.items),
    enabled: province !== undefined,
  });

export const usePublications = (unit: number | undefined) =>
  useQuery({
    queryKey: ['scorecard-publications', unit],
    queryFn: () => api<{ indicatorIds: number[] }>(`/api/scorecards/publications?unit=${unit}`),
    enabled: unit !== undefined,
  });

/** An indicator's name in the reader's language. */
export const nameOf = (i: { nameVi: string; nameEn: string }, lang: string) =>
  lang.startsWith('en') && i.nameEn ? i.nameEn : i.nameVi;

/**
 * The words for the two numbers of a ratio, taken from the indicator's own formula ("Số hộ có Internet … / tổng số
 * hộ"), so a province's own indicator gets fitting labels without a translation table. A count has one number.
 */
export function partsOf(i: Pick<Indicator, 'formulaVi' | 'formulaEn' | 'measure'>, lang: string) {
  const formula = lang.startsWith('en') ? i.formulaEn || i.formulaVi : i.formulaVi;
  const [top, bottom] = formula.split(' / ').map((s) => s.replace(/\s*\(.*\)\s*$/, '').trim());
  const cap = (s: string | undefined) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : undefined);
  return { numerator: cap(top), denominator: i.measure === 'COUNT' ? undefined : cap(bottom) };
}

/** A value as people read it: "83,5%", "3,2 năm", "12 máy". */
export function formatValue(
  i: Pick<Indicator, 'measure' | 'unitVi' | 'unitEn'>,
  value: number | null | undefined,
  lang: string,
) {
  if (value === null || value === undefined) return '—';
  if (i.measure === 'PERCENT') return formatPercent(value, lang);
  const unit = lang.startsWith('en') ? i.unitEn : i.unitVi;
  const n = formatNumber(Math.round(value * 100) / 100, lang);
  return unit ? `${n} ${unit}` : n;
}

/** Percent targets travel as shares (0.8) and are typed as percentages (80). */
export const toShown = (measure: Measure, v: number) => (measure === 'PERCENT' ? Math.round(v * 10000) / 100 : v);
export const fromShown = (measure: Measure, v: number) => (measure === 'PERCENT' ? v / 100 : v);
