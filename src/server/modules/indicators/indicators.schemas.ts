import { z } from 'zod';
import { Id, IsoDate } from '../../lib/http.js';
import { FeedbackIndicatorRates } from '../feedback/feedback.stats.schemas.js';
import { countKeys, rateKeys } from './indicators.definitions.js';

/** A rate with what it divides: `value` is numerator / denominator (4 decimals), null when nothing to divide by. */
const Rate = z.object({
  value: z.number().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int(),
});
const counts = {
  ...Object.fromEntries(countKeys.map((k) => [k, z.number().int()])),
  ...Object.fromEntries(rateKeys.map((k) => [k, Rate])),
} as Record<(typeof countKeys)[number], z.ZodNumber> & Record<(typeof rateKeys)[number], typeof Rate>;

export const Indicators = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    totals: z.object({ ...counts, overdueNow: z.number().int() }),
    months: z.array(z.object({ month: z.string(), ...counts })),
    communes: z.array(
      z.object({
        unitId: z.number().int(),
        code: z.string(),
        name: z.string(),
        ...counts,
        feedback: FeedbackIndicatorRates,
      }),
    ),
    /** Questions and reports (PAKN): on time and satisfied, beside the dossiers' rates. */
    feedback: FeedbackIndicatorRates,
  })
  .meta({ id: 'OnestopIndicators' });

export const IndicatorQuery = z.object({ unit: Id, from: IsoDate, to: IsoDate });
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;
export const IndicatorExportQuery = IndicatorQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
