import { z } from 'zod';
import { UnitKind, UnitTier } from '../../../shared/enums.js';
import { Id, IsoDate, Text } from '../../lib/http.js';

export const Unit = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(UnitKind),
    tier: z.enum(UnitTier),
    depth: z.number().int(),
    legalBasis: z.string().nullable(),
    validFrom: z.string().nullable(),
    closedAt: z.string().nullable(),
    closedReason: z.string().nullable(),
    childCount: z.number().int(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

export const UnitDetail = Unit.extend({
  ancestors: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), kind: z.enum(UnitKind) })),
}).meta({ id: 'UnitDetail' });

export const ListUnitsQuery = z.object({
  parent: Id.optional(),
  includeClosed: z.enum(['true', 'false']).default('false'),
});

export const CreateUnitInput = z.object({
  parentId: Id,
  code: Text(20).min(1),
  name: Text(200).min(1),
  kind: z.enum(UnitKind),
  legalBasis: Text(300).optional(),
  validFrom: IsoDate.optional(),
});
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;

export const UpdateUnitInput = z
  .object({
    name: Text(200).min(1).optional(),
    parentId: Id.optional(),
    legalBasis: Text(300).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type UpdateUnitInput = z.infer<typeof UpdateUnitInput>;

export const CloseUnitInput = z.object({ reason: Text(300).min(1) });
