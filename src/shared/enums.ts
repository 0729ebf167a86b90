/** Shared enumerations: one `as const` object and a literal union per concept (STYLE.md §19). */

export const Gender = { MALE: 'MALE', FEMALE: 'FEMALE' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];

export const VneidLevel = { NONE: 'NONE', L1: 'L1', L2: 'L2' } as const;
export type VneidLevel = (typeof VneidLevel)[keyof typeof VneidLevel];

export const HouseholdKind = { FAMILY: 'FAMILY', BOARDING_HOUSE: 'BOARDING_HOUSE', COLLECTIVE: 'COLLECTIVE' } as const;
export type HouseholdKind = (typeof HouseholdKind)[keyof typeof HouseholdKind];

/** Residence type of a household membership (Law on Residence 2020). */
export const ResidenceType = {
  PERMANENT: 'PERMANENT',
  TEMPORARY: 'TEMPORARY',
  TEMPORARY_ABSENT: 'TEMPORARY_ABSENT',
} as const;
export type ResidenceType = (typeof ResidenceType)[keyof typeof ResidenceType];

export const Relation = {
  HEAD: 'HEAD',
  SPOUSE: 'SPOUSE',
  CHILD: 'CHILD',
  PARENT: 'PARENT',
  SIBLING: 'SIBLING',
  GRANDCHILD: 'GRANDCHILD',
  TENANT: 'TENANT',
  OTHER: 'OTHER',
} as const;
export type Relation = (typeof Relation)[keyof typeof Relation];

/**
 * Administrative and community unit kinds. NATION is the single root; provinces and communes carry national codes
 * (Decision 19/2025); communities (thôn, tổ dân phố…) and zones (alleys) carry local codes only.
 */
export const UnitKind = {
  NATION: 'NATION',
  PROVINCE: 'PROVINCE',
  CITY: 'CITY',
  COMMUNE: 'COMMUNE',
  WARD: 'WARD',
  SPECIAL_ZONE: 'SPECIAL_ZONE',
  THON: 'THON',
  AP: 'AP',
  BAN: 'BAN',
  BUON: 'BUON',
  SOC: 'SOC',
  TO_DAN_PHO: 'TO_DAN_PHO',
  KHU_PHO: 'KHU_PHO',
  KHOM: 'KHOM',
  ZONE: 'ZONE',
} as const;
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];

export const UnitTier = {
  NATION: 'NATION',
  PROVINCE: 'PROVINCE',
  COMMUNE: 'COMMUNE',
  COMMUNITY: 'COMMUNITY',
  ZONE: 'ZONE',
} as const;
export type UnitTier = (typeof UnitTier)[keyof typeof UnitTier];

export const tierOfKind: Record<UnitKind, UnitTier> = {
  NATION: 'NATION',
  PROVINCE: 'PROVINCE',
  CITY: 'PROVINCE',
  COMMUNE: 'COMMUNE',
  WARD: 'COMMUNE',
  SPECIAL_ZONE: 'COMMUNE',
  THON: 'COMMUNITY',
  AP: 'COMMUNITY',
  BAN: 'COMMUNITY',
  BUON: 'COMMUNITY',
  SOC: 'COMMUNITY',
  TO_DAN_PHO: 'COMMUNITY',
  KHU_PHO: 'COMMUNITY',
  KHOM: 'COMMUNITY',
  ZONE: 'ZONE',
};

/** Which tier may sit under which: the tree has any depth below communities (zones under zones). */
export const childTiers: Record<UnitTier, UnitTier[]> = {
  NATION: ['PROVINCE'],
  PROVINCE: ['COMMUNE'],
  COMMUNE: ['COMMUNITY'],
  COMMUNITY: ['ZONE'],
  ZONE: ['ZONE'],
};

/** Code format per tier: 2-digit province, 5-digit commune (Decision 19/2025), free local codes below. */
export const unitCodePattern: Record<UnitTier, RegExp> = {
  NATION: /^VN$/,
  PROVINCE: /^\d{2}$/,
  COMMUNE: /^\d{5}$/,
  COMMUNITY: /^[A-Za-z0-9_-]{1,20}$/,
  ZONE: /^[A-Za-z0-9_-]{1,20}$/,
};

export const Role = {
  SYSTEM_ADMIN: 'SYSTEM_ADMIN',
  PROVINCE_OFFICER: 'PROVINCE_OFFICER',
  COMMUNE_LEADER: 'COMMUNE_LEADER',
  ONESTOP_OFFICER: 'ONESTOP_OFFICER',
  GROUP_HEAD: 'GROUP_HEAD',
  DIGITAL_TEAM: 'DIGITAL_TEAM',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ErrorCode = {
  VALIDATION: 'VALIDATION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  CSRF: 'CSRF',
  RATE_LIMITED: 'RATE_LIMITED',
  LOCKED: 'LOCKED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNIT_CLOSED: 'UNIT_CLOSED',
  /** An Idempotency-Key sent again with other content (422): never answered with the first submission. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  UNAVAILABLE: 'UNAVAILABLE',
  /** A record the request names (an id in the body) does not exist: the database's foreign key said so. */
  REFERENCE_NOT_FOUND: 'REFERENCE_NOT_FOUND',
  /** The server has no speech synthesiser for loudspeaker audio (install espeak-ng). */
  SPEECH_UNAVAILABLE: 'SPEECH_UNAVAILABLE',
  /** A dossier submitted without a paper its procedure requires (422); `errors` names each missing paper. */
  PAPERS_MISSING: 'PAPERS_MISSING',
  /** Approval, resolution or return before the result is on file or the fee is settled or waived (409). */
  NOT_READY_TO_CLOSE: 'NOT_READY_TO_CLOSE',
  /** A campaign reminder to households reminded within the guard's interval (409), unless a leader overrides it. */
  REMINDER_TOO_SOON: 'REMINDER_TOO_SOON',
  /** A retry of messages that failed for a reason a retry cannot change (unsubscribed, refused, expired) (409). */
  DELIVERY_NOT_RETRYABLE: 'DELIVERY_NOT_RETRYABLE',
  /** A scorecard value already has a version open (draft, submitted or returned): edit that one instead (409). */
  ENTRY_OPEN: 'ENTRY_OPEN',
  /** A commune asking for the province's scorecard ranking of a month the province has not published (403). */
  NOT_PUBLISHED: 'NOT_PUBLISHED',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** How a door-to-door visit went, for the household or one person in it. */
export const VisitOutcome = {
  DONE: 'DONE',
  VNEID_L2_ACTIVATED: 'VNEID_L2_ACTIVATED',
  NEEDS_POLICE_VISIT: 'NEEDS_POLICE_VISIT',
  NO_SMARTPHONE: 'NO_SMARTPHONE',
  NOT_HOME: 'NOT_HOME',
  REFUSED: 'REFUSED',
  MOVED: 'MOVED',
} as const;
export type VisitOutcome = (typeof VisitOutcome)[keyof typeof VisitOutcome];
