import { z } from 'zod';
import { entryStatuses, measures, PERIOD_PATTERN } from '../../../shared/scorecards.js';
import { Id, Text, Version } from '../../lib/http.js';

// Entered scorecard values (issue 17): the shapes of the entries API. The web copies the Entry type.

export const Period = z.string().trim().regex(PERIOD_PATTERN, 'YYYY-MM, YYYY-Qn or YYYY');

/** A unit as every scorecard answer names it. */
export const UnitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string(), tier: z.string() });

const Person = z.object({ id: z.number().int(), name: z.string() });

export const EvidenceFile = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
});

export const Entry = z.object({
  id: z.number().int(),
  indicatorId: z.number().int(),
  indicatorCode: z.string(),
  indicatorName: z.object({ vi: z.string(), en: z.string() }),
  measure: z.enum(measures),
  unit: UnitRef,
  period: z.string(),
  version: z.number().int(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  note: z.string(),
  status: z.enum(entryStatuses),
  returnReason: z.string().nullable(),
  createdBy: Person.nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedBy: Person.nullable(),
  decidedAt: z.string().nullable(),
  correctsId: z.number().int().nullable(),
  rowVersion: z.number().int(),
  evidence: z.array(EvidenceFile),
});
export type Entry = z.infer<typeof Entry>;

export const EntryDetail = Entry.extend({
  history: z.array(Entry),
  audit: z.array(z.object({ at: z.string(), action: z.string(), actor: z.string() })),
});

export const EntryList = z.object({ items: z.array(Entry) });

export const EntryListQuery = z.object({
  unit: Id.optional(),
  period: Period.optional(),
  status: z.enum(entryStatuses).optional(),
  indicator: Id.optional(),
  /** Every version, not only the latest of each value. */
  history: z.enum(['true', 'false']).optional(),
});

/** Counts and sums as typed: finite, not negative, bounded far above any commune's figure. */
const Amount = z.number().finite().min(0).max(1e12);

export const CreateEntryInput = z.object({
  unitId: Id,
  indicatorId: Id,
  period: Period,
  numerator: Amount,
  denominator: Amount.nullable().optional(),
  note: Text(2000).optional(),
});
export type CreateEntryInput = z.infer<typeof CreateEntryInput>;

export const UpdateEntryInput = z.object({
  numerator: Amount,
  denominator: Amount.nullable().optional(),
  note: Text(2000).optional(),
  rowVersion: Version,
});
export type UpdateEntryInput = z.infer<typeof UpdateEntryInput>;

export const RowVersionInput = z.object({ rowVersion: Version });

export const ReturnInput = z.object({ rowVersion: Version, reason: Text(1000).min(1) });
