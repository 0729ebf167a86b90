import { z } from 'zod';
import { Text, IsoDate } from '../../lib/http.js';

export const CalendarDay = z
  .object({
    day: z.string(),
    kind: z.enum(['HOLIDAY', 'WORKDAY']),
    nameVi: z.string(),
    nameEn: z.string(),
    source: z.enum(['RULE', 'ADMIN']),
  })
  .meta({ id: 'CalendarDay' });

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const DayParams = z.object({ day: IsoDate });

export const DayInput = z.object({
  kind: z.enum(['HOLIDAY', 'WORKDAY']),
  nameVi: Text(200).min(2),
  nameEn: Text(200).min(2),
});
