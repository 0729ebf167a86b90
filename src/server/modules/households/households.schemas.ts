import { z } from 'zod';
import { Gender, HouseholdKind, Relation, ResidenceType, VneidLevel } from '../../../shared/enums.js';
import { Id, IsoDate, PageQuery, pageOf, Text, Version } from '../../lib/http.js';
import { BirthDate, RegistryFilter } from '../residents/residents.schemas.js';

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
  cameFrom: z.string().nullable(),
  wentTo: z.string().nullable(),
  /** The household in the registry they went to (split off, merged, moved), when it is in your units. */
  wentToHousehold: z.object({ id: z.number().int(), address: z.string() }).nullable(),
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

// Hand-made registry changes (households.events.ts) and their history (households.history.ts).

/** A birth: the child joins the household; the ID number comes later (blank stays blank). */
export const BirthInput = z.object({
  version: Version,
  fullName: Text(120).min(2),
  birthDate: BirthDate,
  gender: z.enum(Gender),
  relation: z.enum(Relation).default('CHILD'),
  /** The day the child joins the household; the birth date itself when it is known to the day. */
  joinedOn: IsoDate.optional(),
});
export type BirthInput = z.infer<typeof BirthInput>;

export const ChangeHeadInput = z.object({
  version: Version,
  residentId: Id,
  /** What the former head is to the new one (their relation in the household from now on). */
  formerHeadRelation: z.enum(Relation).default('OTHER'),
});
export type ChangeHeadInput = z.infer<typeof ChangeHeadInput>;

export const RelocateInput = z
  .object({ version: Version, unitId: Id.optional(), address: Text(300).min(3).optional() })
  .refine((v) => v.unitId !== undefined || v.address !== undefined, { message: 'unitId or address' });
export type RelocateInput = z.infer<typeof RelocateInput>;

export const SplitInput = z.object({
  version: Version,
  /** The people who form the new household. */
  residentIds: z.array(Id).min(1).max(50),
  headResidentId: Id,
  address: Text(300).min(3),
  unitId: Id.optional(),
  code: Text(30).min(1).optional(),
  on: IsoDate,
  /** When the old head leaves with them and people stay: who heads the old household now. */
  remainingHeadResidentId: Id.optional(),
});
export type SplitInput = z.infer<typeof SplitInput>;

export const MergeInput = z.object({
  version: Version,
  /** The household whose members join; it is closed (kept, with its history), not deleted. */
  intoHouseholdId: Id,
  intoVersion: Version,
  on: IsoDate,
  /**
   * Each incoming person's relation to the receiving household's head, asked for every one: their old relation was
   * to another head (the former head's child may be the new head's grandchild), so it is not guessed.
   */
  relations: z.array(z.object({ residentId: Id, relation: z.enum(Relation).exclude(['HEAD']) })).max(200),
});
export type MergeInput = z.infer<typeof MergeInput>;

export const ChangeKind = z.enum([
  'ADD_MEMBER',
  'BIRTH',
  'DEATH',
  'MOVE',
  'LEAVE',
  'HEAD',
  'RELOCATE',
  'SPLIT',
  'MERGE',
  /** A person's own details corrected (name, birth, ID number, phone, VNeID, tags…); no values in the summary. */
  'CORRECT',
]);

export const RegistryChange = z
  .object({
    id: z.number().int(),
    kind: ChangeKind,
    /** Names, dates and places for the history line, by kind. */
    summary: z.record(z.string(), z.union([z.string(), z.number(), z.null(), z.array(z.string())])),
    householdIds: z.array(z.number().int()),
    residentIds: z.array(z.number().int()),
    by: z.string().nullable(),
    at: z.string(),
    undoneAt: z.string().nullable(),
    undoneBy: z.string().nullable(),
    /** Null when undo is possible now; otherwise why not. */
    undoBlocked: z.enum(['UNDONE', 'LATER_CHANGE', 'GONE']).nullable(),
  })
  .meta({ id: 'RegistryChange' });
export type RegistryChange = z.infer<typeof RegistryChange>;

export const RegistryHistory = z.object({ items: z.array(RegistryChange) }).meta({ id: 'RegistryHistory' });

export const ChangeParams = z.object({ id: Id, changeId: Id });

export const ChangeResult = z
  .object({ changeId: z.number().int(), householdId: z.number().int().nullable() })
  .meta({ id: 'ChangeResult' });
