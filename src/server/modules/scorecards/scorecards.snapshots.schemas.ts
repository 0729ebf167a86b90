import { z } from 'zod';
import { Id } from '../../lib/http.js';

/** A month, as snapshots freeze them ('2026-11'). */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM')
  .meta({ example: '2026-11' });

export const RefreshInput = z.object({ province: Id }).meta({ id: 'ScorecardRefreshInput' });
export const RefreshQueued = z.object({ queued: z.literal(true) }).meta({ id: 'ScorecardRefreshQueued' });

export const SnapshotsQuery = z.object({ province: Id });

export const SnapshotRun = z
  .object({
    id: z.number().int(),
    period: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    /** How many values the run froze (units × indicators of the province that month). */
    values: z.number().int(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'ScorecardSnapshotRun' });

export const SnapshotRuns = z.object({ items: z.array(SnapshotRun) }).meta({ id: 'ScorecardSnapshotRuns' });

export const FreezeInput = z.object({ province: Id, period: Month }).meta({ id: 'ScorecardFreezeInput' });

export const FreezeResult = z
  .object({ id: z.number().int(), period: z.string(), values: z.number().int(), alreadyFrozen: z.boolean() })
  .meta({ id: 'ScorecardFreezeResult' });
