import { z } from 'zod';
import { Id } from '../../lib/http.js';
import { MonthParam, ReadIndicator, SheetFormatParam, UnitRef } from './scorecards.dashboard.schemas.js';

export const RankingQuery = z.object({
  unit: Id,
  period: MonthParam.optional(),
  indicator: Id.optional(),
  set: Id.optional(),
});
export const RankingExportQuery = RankingQuery.extend({ format: SheetFormatParam });

const SetRef = z.object({
  id: z.number().int(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  maxTotal: z.number(),
});

export const Ranking = z
  .object({
    unit: UnitRef,
    period: z.string(),
    previousPeriod: z.string(),
    by: z.object({ indicator: ReadIndicator.optional(), set: SetRef.optional() }),
    tieRule: z.object({ vi: z.string(), en: z.string() }),
    published: z.boolean(),
    rows: z.array(
      z.object({
        unit: UnitRef,
        value: z.number().nullable(),
        numerator: z.number().nullable(),
        denominator: z.number().nullable(),
        rank: z.number().int().nullable(),
        previousRank: z.number().int().nullable(),
        rankChange: z.number().int().nullable(),
        change: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ScorecardRanking' });

export const ScoreQuery = z.object({ unit: Id, period: MonthParam.optional(), set: Id });

const Rule = z.union([
  z.object({ kind: z.literal('RATIO') }),
  z.object({ kind: z.literal('STEPS'), steps: z.array(z.object({ min: z.number(), points: z.number() })) }),
]);

export const Score = z
  .object({
    set: SetRef,
    unit: UnitRef,
    period: z.string(),
    total: z.number().nullable(),
    maxTotal: z.number(),
    pillars: z.array(
      z.object({ pillarVi: z.string(), pillarEn: z.string(), points: z.number(), maxPoints: z.number() }),
    ),
    items: z.array(
      z.object({
        indicator: ReadIndicator,
        pillarVi: z.string(),
        pillarEn: z.string(),
        value: z.number().nullable(),
        target: z.number().nullable(),
        maxPoints: z.number(),
        points: z.number(),
        rule: Rule,
        evidenceOk: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ScorecardScore' });

export const BoardQuery = z.object({
  unit: Id,
  period: MonthParam.optional(),
  set: Id.optional(),
  indicator: Id.optional(),
});
