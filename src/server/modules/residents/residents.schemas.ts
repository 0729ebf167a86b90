import { z } from 'zod';
import { Gender, HouseholdKind, Relation, ResidenceType, VneidLevel } from '../../../shared/enums.js';
import { fromPartialDate } from '../../../shared/partial-date.js';
import { Id, IsoDate, PageQuery, pageOf, Text, Version } from '../../lib/http.js';

/** A birth date known to the day, the month or only the year: "1956-05-15", "1956-05" or "1956" (never padded). */
export const BirthDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
  .refine((v) => fromPartialDate(v) !== null, { message: 'Not a real date' })
  .meta({ description: 'yyyy-MM-dd, yyyy-MM or yyyy: as much of the birth date as is known' });

const Tag = z.string().trim().min(1).max(40);
/** Whole years, 0–150, as digits: an empty or signed value is refused rather than read as 0. */
const Age = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number)
  .pipe(z.number().int().max(150));

export const ResidentSummary = z
  .object({
    id: z.number().int(),
    fullName: z.string(),
    birthDate: BirthDate,
    gender: z.enum(Gender),
    /** Only the last 4 digits; the full number is in the (audited) detail view. */
    personalIdMasked: z.string().nullable(),
    phoneMasked: z.string().nullable(),
    vneidLevel: z.enum(VneidLevel),
    hasSmartphone: z.boolean().nullable(),
    tags: z.array(z.string()),
    unitId: z.number().int(),
    unitName: z.string(),
    householdId: z.number().int().nullable(),
    address: z.string().nullable(),
  })
  .meta({ id: 'ResidentSummary' });
export type ResidentSummary = z.infer<typeof ResidentSummary>;

export const Membership = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  address: z.string(),
  householdKind: z.enum(HouseholdKind),
  relation: z.enum(Relation),
  residenceType: z.enum(ResidenceType),
  /** Null when the day they came is not known (a list that left it blank). */
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
  cameFrom: z.string().nullable(),
  wentTo: z.string().nullable(),
});

/** A person's record: the ID number and phone stay masked here; `RevealedContact` shows them, audited. */
export const ResidentDetail = ResidentSummary.extend({
  vneidCheckedOn: z.string().nullable(),
  /** Present only for roles that may read sensitive data; otherwise omitted. */
  sensitive: z.object({ ethnicity: z.string().nullable(), healthNotes: z.string().nullable() }).optional(),
  memberships: z.array(Membership),
  version: z.number().int(),
  updatedAt: z.string(),
}).meta({ id: 'ResidentDetail' });
export type ResidentDetail = z.infer<typeof ResidentDetail>;

/** The full ID number and phone of one person, for a role that may see them; each reveal is audited. */
export const RevealedContact = z
  .object({ personalId: z.string().nullable(), phone: z.string().nullable() })
  .meta({ id: 'RevealedContact' });
export type RevealedContact = z.infer<typeof RevealedContact>;

/**
 * What a registry list can be narrowed to: the resident list and the household list (a household matches when one
 * of its current members does), and their exports, all read this one schema and the one SQL builder beside it
 * (residents.filters.ts), so a file always holds what the screen showed.
 */
export const RegistryFilter = z.object({
  q: Text(100).optional(),
  /** A unit in scope, its whole subtree included (a thôn with its alleys). */
  unit: Id.optional(),
  /** Age in whole years today, counted from the latest possible birthday when only the month or year is known. */
  ageFrom: Age.optional(),
  ageTo: Age.optional(),
  gender: z.enum(Gender).optional(),
  vneidLevel: z.enum(VneidLevel).optional(),
  smartphone: z.enum(['yes', 'no', 'unknown']).optional(),
  /** One tag or several (`tag=a&tag=b`): people carrying all of them. */
  tag: z.union([Tag, z.array(Tag).max(10)]).optional(),
  /** The kind of household: BOARDING_HOUSE lists boarding houses and their tenants. */
  kind: z.enum(HouseholdKind).optional(),
  /** Arrived in their current household on or after this day (an unknown arrival day never matches). */
  movedInSince: IsoDate.optional(),
});
export type RegistryFilter = z.infer<typeof RegistryFilter>;

export const ListResidentsQuery = PageQuery.extend({
  ...RegistryFilter.shape,
  /** Include people who have left the commune (no current household). */
  includeFormer: z.enum(['true', 'false']).default('false'),
});
export type ListResidentsQuery = z.infer<typeof ListResidentsQuery>;

export const ResidentPage = pageOf(ResidentSummary).meta({ id: 'ResidentPage' });

const PersonFields = {
  fullName: Text(120).min(2),
  birthDate: BirthDate,
  gender: z.enum(Gender),
  personalId: z.string().trim().max(20).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  vneidLevel: z.enum(VneidLevel).default('NONE'),
  vneidCheckedOn: IsoDate.nullable().optional(),
  hasSmartphone: z.boolean().nullable().optional(),
  tags: z.array(Tag).max(20).default([]),
  ethnicity: Text(60).nullable().optional(),
  healthNotes: Text(1000).nullable().optional(),
};

export const CreateResidentInput = z.object({
  ...PersonFields,
  householdId: Id,
  relation: z.enum(Relation).default('OTHER'),
  residenceType: z.enum(ResidenceType).default('PERMANENT'),
  joinedOn: IsoDate,
  /** Moving in from outside the commune: where from (free text). */
  cameFrom: Text(200).min(1).optional(),
  /** Set by the screen to check the household is as the user saw it; a stale screen gets 409. */
  householdVersion: Version.optional(),
});
export type CreateResidentInput = z.infer<typeof CreateResidentInput>;

export const UpdateResidentInput = z.object({
  version: Version,
  fullName: PersonFields.fullName.optional(),
  birthDate: BirthDate.optional(),
  gender: z.enum(Gender).optional(),
  personalId: PersonFields.personalId,
  phone: PersonFields.phone,
  vneidLevel: z.enum(VneidLevel).optional(),
  vneidCheckedOn: PersonFields.vneidCheckedOn,
  hasSmartphone: PersonFields.hasSmartphone,
  tags: z.array(Tag).max(20).optional(),
  ethnicity: PersonFields.ethnicity,
  healthNotes: PersonFields.healthNotes,
});
export type UpdateResidentInput = z.infer<typeof UpdateResidentInput>;

export const MoveResidentInput = z.object({
  householdId: Id,
  relation: z.enum(Relation).default('OTHER'),
  residenceType: z.enum(ResidenceType).default('PERMANENT'),
  movedOn: IsoDate,
  reason: Text(300).optional(),
  /** The version of the person the user saw: a stale screen gets 409. */
  version: Version.optional(),
  /** When they head their old household and others stay: who heads it now. */
  newHeadResidentId: Id.optional(),
});
export type MoveResidentInput = z.infer<typeof MoveResidentInput>;

export const LeaveInput = z.object({
  leftOn: IsoDate,
  reason: Text(300).min(1),
  /** Where they went, outside the commune (free text). */
  wentTo: Text(200).min(1).optional(),
  version: Version.optional(),
  newHeadResidentId: Id.optional(),
});
export type LeaveInput = z.infer<typeof LeaveInput>;

/** A death: the stay ends with reason DIED; a head's household passes to the member picked. */
export const DeathInput = z.object({
  version: Version,
  diedOn: IsoDate,
  newHeadResidentId: Id.optional(),
});
export type DeathInput = z.infer<typeof DeathInput>;
