import { z } from 'zod';
import {
  computedSources,
  directions,
  indicatorKinds,
  indicatorLevels,
  measures,
  PERIOD_PATTERN,
  periodKinds,
} from '../../../shared/scorecards.js';
import { Id, Text, Version } from '../../lib/http.js';

// The catalog, settings, targets and publications of issue 17 (the "H2b" part of the contract): a province's own
// indicators and scored sets, its traffic-light margin, targets per indicator/unit/period, a commune's public choice.

export const UnitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string(), tier: z.string() });
export type UnitRef = z.infer<typeof UnitRef>;

export const Indicator = z.object({
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
  /** The province's own (true) or the shipped catalog's (false). */
  own: z.boolean(),
});
export type Indicator = z.infer<typeof Indicator>;

export const ScoringRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('RATIO') }),
  z.object({
    kind: z.literal('STEPS'),
    steps: z
      .array(z.object({ min: z.number().min(0).max(1e9), points: z.number().min(0).max(10_000) }))
      .min(1)
      .max(20),
  }),
]);

const SetItem = z.object({
  id: z.number().int(),
  pillarVi: z.string(),
  pillarEn: z.string(),
  indicatorId: z.number().int(),
  maxPoints: z.number(),
  rule: ScoringRule,
  evidenceRequired: z.boolean(),
  position: z.number().int(),
});

export const ScoredSet = z.object({
  id: z.number().int(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  basis: z.string(),
  own: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
  maxTotal: z.number(),
  items: z.array(SetItem),
});
export type ScoredSet = z.infer<typeof ScoredSet>;

export const Catalog = z.object({
  province: UnitRef,
  indicators: z.array(Indicator),
  sets: z.array(ScoredSet),
  nearMargin: z.number(),
});

export const UnitQuery = z.object({ unit: Id });
export const ProvinceQuery = z.object({ province: Id });

const Code = z.string().regex(/^[A-Z0-9_]{2,40}$/);
const Name = Text(300).min(1);
/** A relative margin: within 10% of the target (0.1) is "near"; half the target is the most that means anything. */
const Margin = z.number().min(0).max(0.5);

export const IndicatorCreate = z.object({
  province: Id,
  code: Code,
  nameVi: Name,
  nameEn: Name,
  formulaVi: Text(2000).default(''),
  formulaEn: Text(2000).default(''),
  measure: z.enum(measures),
  unitVi: Text(40).default(''),
  unitEn: Text(40).default(''),
  kind: z.enum(indicatorKinds),
  /** COMPUTED only: which of Ketnoi's computations it reads. */
  source: z.enum(computedSources).nullable().optional(),
  levels: z.array(z.enum(indicatorLevels)).min(1).max(3),
  direction: z.enum(directions).default('HIGHER'),
  periodKind: z.enum(periodKinds).default('MONTH'),
  nearMargin: Margin.nullable().optional(),
});
export type IndicatorCreate = z.infer<typeof IndicatorCreate>;

export const IndicatorPatch = z.object({
  nameVi: Name.optional(),
  nameEn: Name.optional(),
  formulaVi: Text(2000).optional(),
  formulaEn: Text(2000).optional(),
  measure: z.enum(measures).optional(),
  unitVi: Text(40).optional(),
  unitEn: Text(40).optional(),
  source: z.enum(computedSources).nullable().optional(),
  levels: z.array(z.enum(indicatorLevels)).min(1).max(3).optional(),
  direction: z.enum(directions).optional(),
  periodKind: z.enum(periodKinds).optional(),
  nearMargin: Margin.nullable().optional(),
  active: z.boolean().optional(),
  position: z.number().int().min(0).max(100_000).optional(),
  version: Version,
});
export type IndicatorPatch = z.infer<typeof IndicatorPatch>;

export const SetItemInput = z.object({
  pillarVi: Name,
  pillarEn: Name,
  indicatorId: Id,
  maxPoints: z.number().gt(0).max(10_000),
  rule: ScoringRule,
  evidenceRequired: z.boolean().default(false),
});
export type SetItemInput = z.infer<typeof SetItemInput>;

export const SetCreate = z.object({
  province: Id,
  code: Code,
  nameVi: Name,
  nameEn: Name,
  basis: Text(500).default(''),
  items: z.array(SetItemInput).min(1).max(200),
});
export type SetCreate = z.infer<typeof SetCreate>;

/** A province's own set: everything given replaces what was there (items as a whole); a shipped set: `active` only. */
export const SetReplace = z.object({
  nameVi: Name.optional(),
  nameEn: Name.optional(),
  basis: Text(500).optional(),
  active: z.boolean().optional(),
  items: z.array(SetItemInput).min(1).max(200).optional(),
  version: Version,
});
export type SetReplace = z.infer<typeof SetReplace>;

export const Settings = z.object({ province: UnitRef, nearMargin: z.number(), version: z.number().int() });
export const SettingsInput = z.object({
  province: Id,
  nearMargin: Margin,
  version: z.number().int().min(0).max(2_147_483_647),
});

export const Period = z.string().regex(PERIOD_PATTERN);

export const TargetsQuery = z.object({ unit: Id, period: Period });
export const TargetItem = z.object({
  indicatorId: z.number().int(),
  own: z.object({ id: z.number().int(), target: z.number(), period: z.string() }).nullable(),
  inherited: z.object({ target: z.number(), period: z.string(), setBy: UnitRef }).nullable(),
  effective: z.number().nullable(),
});
export const Targets = z.object({ unit: UnitRef, period: z.string(), items: z.array(TargetItem) });
export const TargetInput = z.object({
  unitId: Id,
  indicatorId: Id,
  period: Period,
  target: z.number().min(0).max(1e9),
});

export const Publications = z.object({ unitId: z.number().int(), indicatorIds: z.array(z.number().int()) });
export const PublicationsInput = z.object({ unitId: Id, indicatorIds: z.array(Id).max(100) });
