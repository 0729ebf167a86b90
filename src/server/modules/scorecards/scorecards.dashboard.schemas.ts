import { z } from 'zod';
import { lights } from '../../../shared/scorecards.js';
import { Id } from '../../lib/http.js';
import { Indicator, UnitRef } from './scorecards.catalog.schemas.js';

/** The read side's shapes (issue 17 contract: Cell here; Indicator and UnitRef as the catalog declares them). */
export const MonthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export { UnitRef };
export const ReadIndicator = Indicator;

export const Cell = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  targetInherited: z.boolean(),
  light: z.enum(lights),
  previous: z.number().nullable(),
  change: z.number().nullable(),
  /** When the light is BEHIND: the first month (YYYY-MM) of the unbroken run of behind months ending here, looking
   * back at most twelve months; null otherwise. */
  behindSince: z.string().nullable(),
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
