import { z } from 'zod';
import { Gender, HouseholdKind, Relation, ResidenceType, VneidLevel } from '../../../shared/enums.js';
import { Id, IsoDate, PageQuery, pageOf, Text, Version } from '../../lib/http.js';
import { RegistryFilter } from '../residents/residents.schemas.js';

export const HouseholdSummary = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    unitName: z.string(),
    code: z.string().nullable(),
    address: z.string(),
    kind: z.enum(HouseholdKind),
    headResidentId: z.number().int().nullable(),
    headName: z.string().nullable(),
    memberCount: z.number().int(),
    dissolvedOn: z.string().nullable(),
  })
  .meta({ id: 'HouseholdSummary' });
export type HouseholdSummary = z.infer<typeof HouseholdSummary>;

export const HouseholdMember = z.object({
  membershipId: z.number().int(),
  residentId: z.number().int(),
  fullName: z.string(),
  /** As much as is known: "1956-05-15", "1956-05" or "1956". */
  birthDate: z.string(),
  gender: z.enum(Gender),
  vneidLevel: z.enum(VneidLevel),
  relation: z.enum(Relation),
  residenceType: z.enum(ResidenceType),
  /** Null when the day they came is not known. */
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
});

export const HouseholdDetail = HouseholdSummary.extend({
  establishedOn: z.string().nullable(),
  version: z.number().int(),
  members: z.array(HouseholdMember),
}).meta({ id: 'HouseholdDetail' });

/** The registry filter shared with the resident list: a household matches when one of its current members does. */
export const ListHouseholdsQuery = PageQuery.extend({
  ...RegistryFilter.shape,
  includeDissolved: z.enum(['true', 'false']).default('false'),
});
export type ListHouseholdsQuery = z.infer<typeof ListHouseholdsQuery>;

export const HouseholdPage = pageOf(HouseholdSummary).meta({ id: 'HouseholdPage' });

export const CreateHouseholdInput = z.object({
  unitId: Id,
  code: Text(30).min(1).optional(),
  address: Text(300).min(3),
  kind: z.enum(HouseholdKind).default('FAMILY'),
  establishedOn: IsoDate.optional(),
});
export type CreateHouseholdInput = z.infer<typeof CreateHouseholdInput>;

export const UpdateHouseholdInput = z.object({
  version: Version,
  code: Text(30).min(1).nullable().optional(),
  address: Text(300).min(3).optional(),
  kind: z.enum(HouseholdKind).optional(),
  unitId: Id.optional(),
  headResidentId: Id.nullable().optional(),
  dissolvedOn: IsoDate.nullable().optional(),
});
export type UpdateHouseholdInput = z.infer<typeof UpdateHouseholdInput>;
