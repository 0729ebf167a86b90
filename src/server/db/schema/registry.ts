import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { units } from './units.js';

/**
 * A household: a place and the people living there over time. `unit_id` is the smallest unit it belongs to
 * (a residential group or an alley under it). Boarding houses and collectives are households too, so their
 * temporary residents are members with residence type TEMPORARY.
 */
export const households = pgTable(
  'households',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code'),
    address: text('address').notNull(),
    kind: text('kind').notNull().default('FAMILY'),
    headResidentId: integer('head_resident_id').references((): AnyPgColumn => residents.id),
    /** Folded (no accents, lower case) address and head's name: the search key. */
    searchText: text('search_text').notNull().default(''),
    /** Folded address alone: what a resident search by address matches (not the head's name). */
    addressSearch: text('address_search').notNull().default(''),
    /**
     * The folded address with every run of digits left-padded to 10 ("so 0000000017"), so that ordinary text order is
     * house order ("Số 17" before "Số 103"). Computed by the database, so list pages sorted by it stay correct.
     */
    houseOrder: text('house_order')
      .notNull()
      .generatedAlwaysAs(
        sql`regexp_replace(regexp_replace(address_search, '([0-9]+)', '0000000000\\1', 'g'), '0*([0-9]{10})', '\\1', 'g')`,
      ),
    establishedOn: date('established_on'),
    dissolvedOn: date('dissolved_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('households_unit_idx').on(t.unitId, t.id),
    index('households_house_order_idx').on(t.houseOrder, t.id),
    index('households_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('households_address_trgm_idx').using('gin', sql`${t.addressSearch} gin_trgm_ops`),
    uniqueIndex('households_unit_code_key').on(t.unitId, t.code).where(sql`${t.code} is not null`),
    check('households_kind_check', sql`${t.kind} in ('FAMILY', 'BOARDING_HOUSE', 'COLLECTIVE')`),
  ],
);

export const residents = pgTable(
  'residents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fullName: text('full_name').notNull(),
    /** Folded name for accent- and case-insensitive search. */
    searchText: text('search_text').notNull(),
    /** The first day of what is known (1956 → 1956-01-01); `birthPrecision` says how much of it is known. */
    birthDate: date('birth_date').notNull(),
    /** DAY (a full date), MONTH (month and year) or YEAR (the year only): a list saying "1956" keeps just 1956. */
    birthPrecision: text('birth_precision').notNull().default('DAY'),
    gender: text('gender').notNull(),
    /** AES-256-GCM ciphertext of the 12-digit personal ID number. */
    personalIdEnc: text('personal_id_enc'),
    /** Blind index (keyed HMAC) of the personal ID number, for exact lookup and re-import matching. */
    personalIdBidx: text('personal_id_bidx'),
    phoneEnc: text('phone_enc'),
    phoneBidx: text('phone_bidx'),
    vneidLevel: text('vneid_level').notNull().default('NONE'),
    vneidCheckedOn: date('vneid_checked_on'),
    hasSmartphone: boolean('has_smartphone'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Sensitive (Decree 13/2023): shown only to roles holding resident.readSensitive. */
    ethnicity: text('ethnicity'),
    healthNotes: text('health_notes'),
    /** Denormalised from the current membership: the unit and household the resident lives in now. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    householdId: integer('household_id').references((): AnyPgColumn => households.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('residents_unit_name_idx').on(t.unitId, t.searchText, t.id),
    index('residents_household_idx').on(t.householdId),
    index('residents_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    uniqueIndex('residents_personal_id_bidx_key').on(t.personalIdBidx),
    index('residents_phone_bidx_idx').on(t.phoneBidx),
    check('residents_gender_check', sql`${t.gender} in ('MALE', 'FEMALE')`),
    check('residents_vneid_check', sql`${t.vneidLevel} in ('NONE', 'L1', 'L2')`),
    check('residents_birth_precision_check', sql`${t.birthPrecision} in ('DAY', 'MONTH', 'YEAR')`),
  ],
);

/** Membership over time: a resident's stays in households, with residence type and dates. */
export const householdMembers = pgTable(
  'household_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    residentId: integer('resident_id')
      .notNull()
      .references(() => residents.id),
    relation: text('relation').notNull().default('OTHER'),
    residenceType: text('residence_type').notNull().default('PERMANENT'),
    /** Null when nobody knows (an imported list with a blank "arrival date"): never the day of the import. */
    joinedOn: date('joined_on'),
    leftOn: date('left_on'),
    leftReason: text('left_reason'),
    /** Where they came from when they moved in from outside the commune (free text: "Hà Nội"). */
    cameFrom: text('came_from'),
    /** Where they went when they moved out of the commune (free text). */
    wentTo: text('went_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('household_members_household_idx').on(t.householdId),
    index('household_members_resident_idx').on(t.residentId),
    // At most one current stay per resident: moving closes the old row and opens a new one.
    uniqueIndex('household_members_one_current_key').on(t.residentId).where(sql`${t.leftOn} is null`),
    check(
      'household_members_residence_check',
      sql`${t.residenceType} in ('PERMANENT', 'TEMPORARY', 'TEMPORARY_ABSENT')`,
    ),
    check('household_members_dates_check', sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
  ],
);
