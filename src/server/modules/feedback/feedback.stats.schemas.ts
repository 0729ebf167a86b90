import { z } from 'zod';
import { Id, IsoDate } from '../../lib/http.js';

/** A rate with what it divides: `value` is numerator / denominator (4 decimals), null when nothing to divide by. */
const Rate = z.object({
  value: z.number().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int(),
});

const measures = {
  received: z.number().int(),
  answered: z.number().int(),
  answeredOnTime: z.number().int(),
  answeredLate: z.number().int(),
  answeredExtended: z.number().int(),
  rejected: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  avgAnswerHours: z.number().nullable(),
  onTimeRate: Rate,
  satisfactionRate: Rate,
};
const Period = z.object({ from: z.string(), to: z.string() });

export const StatsGroupBy = z.enum(['month', 'quarter', 'year']);

export const FeedbackStatsQuery = z.object({
  unit: Id,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  groupBy: StatsGroupBy.default('month'),
});

export const FeedbackStats = z
  .object({
    period: Period,
    groupBy: StatsGroupBy,
    unit: z.object({ id: z.number().int(), name: z.string() }),
    totals: z.object({ ...measures, overdueNow: z.number().int(), openNow: z.number().int() }),
    periods: z.array(z.object({ period: z.string(), ...measures })),
    units: z.array(
      z.object({
        unitId: z.number().int(),
        name: z.string(),
        own: z.boolean(),
        ...measures,
        overdueNow: z.number().int(),
        openNow: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'FeedbackStats' });

export const RankByParam = z.enum(['onTimeRate', 'satisfactionRate', 'avgAnswerHours', 'overdueNow', 'received']);

export const FeedbackRankingQuery = z.object({
  provinceId: Id,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  by: RankByParam.default('onTimeRate'),
});

export const FeedbackRanking = z
  .object({
    period: Period,
    by: RankByParam,
    unit: z.object({ id: z.number().int(), name: z.string() }),
    items: z.array(
      z.object({
        rank: z.number().int().nullable(),
        unitId: z.number().int(),
        code: z.string(),
        name: z.string(),
        ...measures,
        overdueNow: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'FeedbackRanking' });

/** The feedback rates shown on the indicators page beside the dossiers'. */
export const FeedbackIndicatorRates = z.object({
  received: z.number().int(),
  answered: z.number().int(),
  onTimeRate: Rate,
  satisfactionRate: Rate,
  avgAnswerHours: z.number().nullable(),
  overdueNow: z.number().int(),
});
