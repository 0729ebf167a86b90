import { and, eq, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { foldText } from '../../../shared/text.js';
import { queryRows, type Tx } from '../../db/client.js';
import { residentNameKeys } from '../../db/derived.js';
import { householdMembers, households, residents, units } from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';
import { unitLabel } from '../units/units.labels.js';
import { personConditions, type PersonFilter } from './residents.filters.js';

export type ResidentRow = typeof residents.$inferSelect;
export type ResidentInsert = typeof residents.$inferInsert;

/** What a search box may mean: an exact blind-index hit, or folded text matched as a substring. */
export type ResidentSearch =
  | { kind: 'personalId'; bidx: string }
  | { kind: 'phone'; bidx: string }
  /** Names starting with the text at any word ("van hung" finds "Nguyễn Văn Hùng"), via resident_name_keys. */
  | { kind: 'name'; folded: string }
  /** Addresses containing the text (trigram): the fallback when no name matches. */
  | { kind: 'address'; folded: string }
  | { kind: 'none' };

export type ResidentFilter = PersonFilter & {
  search: ResidentSearch;
  /** Restrict to this unit's subtree (already checked to be in scope). */
  unitPath?: string;
  includeFormer: boolean;
};

const likeEscape = (s: string) => s.replace(/[%_\\]/g, '\\$&');

function searchCondition(search: ResidentSearch): SQL | undefined {
  switch (search.kind) {
    case 'personalId':
      return eq(residents.personalIdBidx, search.bidx);
    case 'phone':
      return eq(residents.phoneBidx, search.bidx);
    case 'name': {
      const prefix = `${likeEscape(search.folded)}%`;
      return sql`${residents.id} in (select k.resident_id from resident_name_keys k where k.key like ${prefix})`;
    }
    case 'address': {
      const part = `%${likeEscape(search.folded)}%`;
      return sql`${residents.householdId} in (select h3.id from households h3 where h3.address_search like ${part})`;
    }
    default:
      return undefined;
  }
}

/** The filter's conditions; `unitColumn` is where the unit id is read (the name index carries it too). */
function residentConditions(scope: Scope, f: ResidentFilter, unitColumn: AnyColumn = residents.unitId): SQL {
  return and(
    unitInScope(unitColumn, scope),
    f.unitPath ? sql`${unitColumn} in (select u2.id from units u2 where u2.path like ${`${f.unitPath}%`})` : undefined,
    searchCondition(f.search),
    ...personConditions(f, 'residents'),
    f.householdKind
      ? sql`${residents.householdId} in (select hk.id from households hk where hk.kind = ${f.householdKind})`
      : undefined,
    f.includeFormer ? undefined : sql`${residents.householdId} is not null`,
  )!;
}

/**
 * Residents in scope matching the filter, one page (limit+1 rows to learn whether more exist), in house order: by
 * household (numeric house numbers, households.house_order), then by name within it; people with no household last.
 */
export async function searchResidents(
  tx: Tx,
  scope: Scope,
  f: ResidentFilter,
  page: { limit: number; offset: number },
) {
  if (f.search.kind === 'name') return searchResidentsByName(tx, scope, f, f.search.folded, page);
  return (
    tx
      .select({ resident: residents, unitName: unitLabel, address: households.address })
      .from(residents)
      .innerJoin(units, eq(units.id, residents.unitId))
      .leftJoin(households, eq(households.id, residents.householdId))
      // Said of the household too (it is implied by residentConditions): PostgreSQL then treats the join as inner and
      // can read households in house_order's index, a page at a time (1–5 ms instead of sorting every person in scope).
      .where(and(residentConditions(scope, f), f.includeFormer ? undefined : sql`${households.id} is not null`))
      .orderBy(sql`${households.houseOrder} nulls last`, households.id, residents.searchText, residents.id)
      .limit(page.limit + 1)
      .offset(page.offset)
  );
}

/**
 * Name search: a range scan over resident_name_keys in key order, scope checked on the unit id the index carries
 * (kept equal to the resident's by trigger), stopping after one page. Kept lean on purpose: with unnamed statements
 * PostgreSQL plans every call, and planning a heavier query cost more than running it. A name with a repeated word
 * ("Đào Văn Văn") can match twice; the page keeps the first.
 */
async function searchResidentsByName(
  tx: Tx,
  scope: Scope,
  f: ResidentFilter,
  folded: string,
  page: { limit: number; offset: number },
) {
  const k = residentNameKeys;
  const rows = await tx
    .select({ resident: residents, unitName: unitLabel, address: households.address })
    .from(k)
    .innerJoin(residents, eq(residents.id, k.residentId))
    .innerJoin(units, eq(units.id, residents.unitId))
    .leftJoin(households, eq(households.id, residents.householdId))
    .where(
      and(
        sql`${k.key} like ${`${likeEscape(folded)}%`}`,
        residentConditions(scope, { ...f, search: { kind: 'none' } }, k.unitId),
      ),
    )
    .orderBy(k.key, k.residentId)
    .limit(page.limit + 1)
    .offset(page.offset);
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.resident.id) && seen.add(r.resident.id));
}

/** Does any name in scope start with this text? (Decides between a name and an address search.) */
export async function anyNameStartsWith(tx: Tx, scope: Scope, folded: string): Promise<boolean> {
  const k = residentNameKeys;
  const rows = await tx
    .select({ id: k.residentId })
    .from(k)
    .where(and(sql`${k.key} like ${`${likeEscape(folded)}%`}`, unitInScope(k.unitId, scope)))
    .limit(1);
  return rows.length > 0;
}

/**
 * One keyset page of residents for an export: only the columns a registry row needs (the list's select takes every
 * column, and mapping them cost an export of a province more than reading them).
 */
/** One person of an export page: plain values as the database writes them, dates and tags already text. */
export type ExportResident = {
  id: number;
  unitId: number;
  fullName: string;
  birthDate: string;
  birthPrecision: string;
  gender: string;
  personalIdEnc: string | null;
  phoneEnc: string | null;
  vneidLevel: string;
  hasSmartphone: boolean | null;
  tags: string;
  householdCode: string | null;
  address: string | null;
  householdKind: string | null;
  relation: string | null;
  residenceType: string | null;
  joinedOn: string | null;
};

/**
 * A keyset page of residents for an export. Plain SQL, read as the driver returns it: at a province's million rows,
 * the query builder's mapping of each field was a tenth of the writer's time and most of its garbage. Dates come as
 * text and tags as one "a, b" string, so nothing is parsed only to be formatted again.
 */
export async function exportResidentsAfter(tx: Tx, scope: Scope, f: ResidentFilter, afterId: number, limit: number) {
  return queryRows<ExportResident>(
    tx,
    sql`select residents.id, residents.unit_id as "unitId", residents.full_name as "fullName",
        residents.birth_date::text as "birthDate", residents.birth_precision as "birthPrecision", residents.gender,
        residents.personal_id_enc as "personalIdEnc", residents.phone_enc as "phoneEnc",
        residents.vneid_level as "vneidLevel", residents.has_smartphone as "hasSmartphone",
        array_to_string(residents.tags, ', ') as tags, households.code as "householdCode", households.address,
        households.kind as "householdKind", household_members.relation,
        household_members.residence_type as "residenceType", household_members.joined_on::text as "joinedOn"
      from ${residents}
      left join ${households} on households.id = residents.household_id
      left join ${householdMembers} on household_members.resident_id = residents.id
        and household_members.left_on is null
        -- Redundant for the result, but it starts the planner's merge join at this page: without it each page read
        -- the stays from the first resident on (148 ms a page at 1M instead of 6 ms).
        and household_members.resident_id > ${afterId}
      where ${residentConditions(scope, f)} and residents.id > ${afterId}
      order by residents.id
      limit ${limit}`,
  );
}

export async function findResident(tx: Tx, id: number, scope: Scope) {
  const [row] = await tx
    .select({ resident: residents, unitName: unitLabel, unitPath: units.path, address: households.address })
    .from(residents)
    .innerJoin(units, eq(units.id, residents.unitId))
    .leftJoin(households, eq(households.id, residents.householdId))
    .where(and(eq(residents.id, id), unitInScope(residents.unitId, scope)));
  return row;
}

export async function listMemberships(tx: Tx, residentId: number) {
  return tx
    .select({ m: householdMembers, address: households.address, householdKind: households.kind })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(eq(householdMembers.residentId, residentId))
    .orderBy(sql`${householdMembers.joinedOn} desc`, sql`${householdMembers.id} desc`);
}

export async function insertResident(tx: Tx, row: ResidentInsert): Promise<ResidentRow> {
  const [inserted] = await tx.insert(residents).values(row).returning();
  return inserted!;
}

export async function setResidentHousehold(tx: Tx, id: number, householdId: number | null, unitId?: number) {
  await tx
    .update(residents)
    .set({ householdId, ...(unitId ? { unitId } : {}), version: sql`${residents.version} + 1`, updatedAt: sql`now()` })
    .where(eq(residents.id, id));
}

export async function insertMembership(tx: Tx, row: typeof householdMembers.$inferInsert) {
  await tx.insert(householdMembers).values(row);
}

/** The resident's current stay (the one row without a leaving date), if any. */
export async function findCurrentMembership(tx: Tx, residentId: number) {
  const [row] = await tx
    .select()
    .from(householdMembers)
    .where(and(eq(householdMembers.residentId, residentId), isNull(householdMembers.leftOn)));
  return row;
}

/** Ends the resident's current stay; returns the closed row (if there was one). */
export async function closeCurrentMembership(tx: Tx, residentId: number, leftOn: string, reason: string | null) {
  const [row] = await tx
    .update(householdMembers)
    .set({ leftOn, leftReason: reason })
    .where(and(eq(householdMembers.residentId, residentId), isNull(householdMembers.leftOn)))
    .returning();
  return row;
}

export async function findResidentIdByPersonalId(tx: Tx, bidx: string) {
  const [row] = await tx
    .select({ id: residents.id, unitId: residents.unitId })
    .from(residents)
    .where(eq(residents.personalIdBidx, bidx));
  return row;
}

/** Re-folds the search key of a household after its head or address changed. */
export function householdSearchText(address: string, headName: string | null | undefined) {
  return foldText(`${headName ?? ''} ${address}`);
}
