import { z } from 'zod';
import { lights, measures } from '../../../shared/scorecards.js';
import { CommuneCode, Id } from '../../lib/http.js';
import { MonthParam } from './scorecards.dashboard.schemas.js';

export const SnapshotValuesParams = z.object({ period: MonthParam });
export const SnapshotValuesQuery = z.object({ unit: Id });

const example = {
  period: '2026-10',
  frozenAt: '2026-11-01T19:05:00.000Z',
  publishedAt: '2026-11-03T02:00:00.000Z',
  values: [
    {
      unitCode: '11311',
      unitName: 'Xã An Hòa',
      tier: 'COMMUNE',
      indicatorCode: 'VNEID_L2',
      numerator: 5800,
      denominator: 8000,
      value: 0.725,
      target: 0.85,
      light: 'BEHIND',
    },
    {
      unitCode: '11311',
      unitName: 'Xã An Hòa',
      tier: 'COMMUNE',
      indicatorCode: 'VIDEO_ROOMS',
      numerator: 2,
      denominator: null,
      value: 2,
      target: null,
      light: 'NO_TARGET',
    },
  ],
};

export const SnapshotValues = z
  .object({
    period: z.string(),
    frozenAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    values: z.array(
      z.object({
        unitCode: z.string(),
        unitName: z.string(),
        tier: z.string(),
        indicatorCode: z.string(),
        numerator: z.number().nullable(),
        denominator: z.number().nullable(),
        value: z.number().nullable(),
        target: z.number().nullable(),
        light: z.enum(lights),
      }),
    ),
  })
  .meta({
    id: 'ScorecardSnapshotValues',
    description:
      'Every value of a frozen month under a unit (its own and each unit below it), for the province’s own systems. ' +
      'A percentage is numerator/denominator as a fraction (0.725 = 72.5%); a count has no denominator. Frozen values ' +
      'never change: a month not yet frozen answers 404.',
    examples: [example],
  });

export const PublicScorecardParams = z.object({ code: CommuneCode });

export const PublicScorecard = z
  .object({
    commune: z.object({ code: z.string(), name: z.string() }),
    period: z.string().nullable(),
    items: z.array(
      z.object({
        code: z.string(),
        nameVi: z.string(),
        nameEn: z.string(),
        measure: z.enum(measures),
        unitVi: z.string(),
        unitEn: z.string(),
        value: z.number().nullable(),
        target: z.number().nullable(),
        light: z.enum(lights),
        trend: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
      }),
    ),
  })
  .meta({ id: 'PublicScorecard' });
