import { z } from 'zod';
import { Id, IsoDate } from '../../lib/http.js';

const Rate = z.number().nullable();
const counts = {
  received: z.number().int(),
  online: z.number().int(),
  inPerson: z.number().int(),
  postal: z.number().int(),
  fullOnlineBase: z.number().int(),
  fullOnline: z.number().int(),
  digitized: z.number().int(),
  resolved: z.number().int(),
  onTime: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  paid: z.number().int(),
  paidOnline: z.number().int(),
  onlineRate: Rate,
  fullOnlineRate: Rate,
  onTimeRate: Rate,
  digitizedRate: Rate,
  onlinePaymentRate: Rate,
  satisfactionRate: Rate,
};
export const Indicators = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    totals: z.object({ ...counts, overdueNow: z.number().int() }),
    months: z.array(z.object({ month: z.string(), ...counts })),
    communes: z.array(z.object({ unitId: z.number().int(), code: z.string(), name: z.string(), ...counts })),
  })
  .meta({ id: 'OnestopIndicators' });

export const IndicatorQuery = z.object({ unit: Id, from: IsoDate, to: IsoDate });
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;
export const IndicatorExportQuery = IndicatorQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
