import { z } from 'zod';
import { inventoryKinds, inventoryStates } from '../../../shared/scorecards.js';
import { Id, Text, Version } from '../../lib/http.js';
import { Period, UnitRef } from '../scorecards/scorecards.entries.schemas.js';

// The ICT inventory of a unit (issue 17): what the office has, which the entered indicators are counted from.

export const InventoryItem = z.object({
  id: z.number().int(),
  unit: UnitRef,
  kind: z.enum(inventoryKinds),
  label: z.string(),
  count: z.number().int(),
  year: z.number().int().nullable(),
  state: z.enum(inventoryStates),
  note: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type InventoryItem = z.infer<typeof InventoryItem>;

export const InventoryList = z.object({
  items: z.array(InventoryItem),
  /** Per kind: how many are on the books (retired ones not) and how many of those work. */
  totals: z.record(z.string(), z.object({ count: z.number().int(), working: z.number().int() })),
});

export const UnitQuery = z.object({ unit: Id });
export const SuggestionQuery = z.object({ unit: Id, period: Period });

/** The year bought or installed: the table allows 1980–2100; a purchase is never in the future. */
const Year = z.number().int().min(1980).max(2100);

const fields = {
  kind: z.enum(inventoryKinds),
  label: Text(200).optional(),
  count: z.number().int().min(0).max(100_000),
  year: Year.nullable().optional(),
  state: z.enum(inventoryStates).optional(),
  note: Text(1000).optional(),
};

export const CreateItemInput = z.object({ unitId: Id, ...fields });
export type CreateItemInput = z.infer<typeof CreateItemInput>;

export const UpdateItemInput = z.object({ ...fields, version: Version });
export type UpdateItemInput = z.infer<typeof UpdateItemInput>;

export const Suggestions = z.object({
  items: z.array(
    z.object({
      indicatorId: z.number().int(),
      indicatorCode: z.string(),
      numerator: z.number(),
      denominator: z.number().nullable(),
      /** In Vietnamese words, for the form: "12 máy đang dùng được". */
      basis: z.string(),
    }),
  ),
});
