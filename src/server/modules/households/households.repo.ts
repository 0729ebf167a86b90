import { and, eq, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import { householdMembers, households, residents, units } from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';
import { foldText } from '../../../shared/text.js';
import { householdSearchText } from '../residents/residents.repo.js';
import { personConditions, type PersonFilter } from '../residents/residents.filters.js';
import { unitLabel } from '../units/units.labels.js';

export type HouseholdRow = typeof households.$inferSelect;

const likeEscape = (s: string) => s.replace(/[%_\\]/g, '\\$&');

// Qualified by hand for the same reason as units.repo.ts's childCount (drizzle leaves single-table columns bare).
const headName = sql<string | null>`(select r.full_name from residents r where r.id = "households"."head_resident_id")`;
const memberCount = sql<number>`(
  select count(*)::int from household_members m where m.household_id = "households"."id" and m.left_on is null)`;

export type HouseholdFilter = PersonFilter & { folded?: string; unitPath?: string; includeDissolved: boolean };

function householdConditions(scope: Scope, f: HouseholdFilter): SQL {
  const people = personConditions(f, 'r');
  return and(
    unitInScope(households.unitId, scope),
    f.unitPath
      ? sql`${households.unitId} in (select u2.id from units u2 where u2.path like ${`${f.unitPath}%`})`
      : undefined,
    f.folded ? sql`${households.searchText} like ${`%${likeEscape(f.folded)}%`}` : undefined,
    f.householdKind ? eq(households.kind, f.householdKind) : undefined,
    f.includeDissolved ? undefined : isNull(households.dissolvedOn),
    // A household matches when one of the people living in it now does.
    people.length
      ? sql`exists (select 1 from residents r where r.household_id = "households"."id" and ${and(...people)})`
      : undefined,
  )!;
}

export async function searchHouseholds(
  tx: Tx,
  scope: Scope,
  f: HouseholdFilter,
  page: { limit: number; offset: number },
) {
  return (
    tx
      .select({ household: households, unitName: unitLabel, headName, memberCount })
      .from(households)
      .innerJoin(units, eq(units.id, households.unitId))
      .where(householdConditions(scope, f))
      // House order: "Số 17" before "Số 103" (house_order pads every number; see the schema).
      .orderBy(households.houseOrder, households.id)
      .limit(page.limit + 1)
      .offset(page.offset)
  );
}

/** Keyset pages for exports. */
export async function listHouseholdsAfter(tx: Tx, scope: Scope, f: HouseholdFilter, afterId: number, limit: number) {
  return tx
    .select({ household: households, unitName: unitLabel, unitCode: units.code, headName, memberCount })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(and(householdConditions(scope, f), sql`${households.id} > ${afterId}`))
    .orderBy(households.id)
    .limit(limit);
}

export async function findHousehold(tx: Tx, id: number, scope: Scope) {
  const [row] = await tx
    .select({ household: households, unitName: unitLabel, unitClosedAt: units.closedAt, headName, memberCount })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(and(eq(households.id, id), unitInScope(households.unitId, scope)));
  return row;
}

/** Members of a household, current first, then past stays, for the "members over time" view. */
export async function listMembers(tx: Tx, householdId: number) {
  return tx
    .select({
      m: householdMembers,
      fullName: residents.fullName,
      birthDate: residents.birthDate,
      birthPrecision: residents.birthPrecision,
      gender: residents.gender,
      vneidLevel: residents.vneidLevel,
    })
    .from(householdMembers)
    .innerJoin(residents, eq(residents.id, householdMembers.residentId))
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(sql`${householdMembers.leftOn} is not null`, householdMembers.joinedOn, householdMembers.id);
}

/**
 * Where each person who left this household went inside the registry: the household whose stay began the day theirs
 * here ended (a split, a merge, a move). Only households in the caller's units are named, so a link never 404s.
 */
export async function nextHouseholds(tx: Tx, householdId: number, scope: Scope) {
  const next = alias(householdMembers, 'next_member');
  const rows = await tx
    .select({ membershipId: householdMembers.id, id: households.id, address: households.address })
    .from(householdMembers)
    .innerJoin(
      next,
      and(
        eq(next.residentId, householdMembers.residentId),
        eq(next.joinedOn, householdMembers.leftOn),
        ne(next.householdId, householdMembers.householdId),
      ),
    )
    .innerJoin(households, and(eq(households.id, next.householdId), unitInScope(households.unitId, scope)))
    .where(and(eq(householdMembers.householdId, householdId), isNotNull(householdMembers.leftOn)));
  return new Map(rows.map((r) => [r.membershipId, { id: r.id, address: r.address }]));
}

export async function insertHousehold(tx: Tx, row: typeof households.$inferInsert): Promise<HouseholdRow> {
  const [inserted] = await tx
    .insert(households)
    .values({ ...row, searchText: householdSearchText(row.address, null), addressSearch: foldText(row.address) })
    .returning();
  return inserted!;
}

/** Optimistic update of a household's own fields; returns undefined when `version` is stale. */
export async function updateHouseholdRow(
  tx: Tx,
  id: number,
  version: number,
  fields: Partial<typeof households.$inferInsert>,
) {
  const [row] = await tx
    .update(households)
    .set({ ...fields, version: sql`${households.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(households.id, id), eq(households.version, version)))
    .returning();
  return row;
}

/** Sets (or clears) the head and refreshes the search key, which carries the head's name. */
export async function setHouseholdHead(
  tx: Tx,
  household: { id: number; address: string },
  head: { id: number; fullName: string } | null,
) {
  await tx
    .update(households)
    .set({
      headResidentId: head?.id ?? null,
      searchText: householdSearchText(household.address, head?.fullName),
      updatedAt: sql`now()`,
    })
    .where(eq(households.id, household.id));
}
