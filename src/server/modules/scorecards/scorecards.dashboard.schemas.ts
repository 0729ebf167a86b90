import { z } from 'zod';
import {
  directions,
  indicatorKinds,
  indicatorLevels,
  lights,
  measures,
  periodKinds,
} from '../../../shared/scorecards.js';
import { Id } from '../../lib/http.js';

/**
 * The read side's shapes (issue 17 contract: Indicator, Cell, UnitRef). The catalog helper declares the same
 * Indicator for its routes; these carry no OpenAPI id of their own so the two never clash in the document.
 */
export const MonthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const UnitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string(), tier: z.string() });

export const ReadIndicator = z.object({
  id: z.number().int(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  formulaVi: z.string(),
  formulaEn: z.string(),
  measure: z.enum(measures),
  unitVi: z.string(),
  unitEn: z.string(),
  kind: z.enum(indicatorKinds),
  source: z.string().nullable(),
  levels: z.array(z.enum(indicatorLevels)),
  direction: z.enum(directions),
  periodKind: z.enum(periodKinds),
  nearMargin: z.number().nullable(),
  active: z.boolean(),
  position: z.number().int(),
  version: z.number().int(),
  own: z.boolean(),
});

export const Cell = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  targetInherited: z.boolean(),
  light: z.enum(lights),
  previous: z.number().nullable(),
  change: z.number().nullable(),
});

const Cells = z.record(z.string(), Cell);

export const DashboardQuery = z.object({ unit: Id, period: MonthParam.optional() });

export const Dashboard = z
  .object({
    unit: UnitRef,
    period: z.string(),
    previousPeriod: z.string(),
    frozen: z.boolean(),
    computedAt: z.string().nullable(),
    nearMargin: z.number(),
    indicators: z.array(ReadIndicator),
    total: z.object({ unit: UnitRef, cells: Cells }),
    rows: z.array(z.object({ unit: UnitRef, cells: Cells })),
    moved: z.array(z.object({ indicatorId: z.number().int(), change: z.number() })),
  })
  .meta({ id: 'ScorecardDashboard' });

export const SheetFormatParam = z.enum(['xlsx', 'csv']).default('xlsx');
export const DashboardExportQuery = DashboardQuery.extend({ format: SheetFormatParam });

export const TrendQuery = z.object({
  unit: Id,
  indicator: Id,
  months: z.coerce.number().int().min(1).max(36).default(12),
  period: MonthParam.optional(),
});

export const Trend = z
  .object({
    indicator: ReadIndicator,
    points: z.array(
      z.object({
        period: z.string(),
        numerator: z.number().nullable(),
        denominator: z.number().nullable(),
        value: z.number().nullable(),
        target: z.number().nullable(),
        light: z.enum(lights),
        frozen: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ScorecardTrend' });
