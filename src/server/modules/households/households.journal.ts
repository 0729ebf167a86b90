import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { residentNameKeys } from '../../db/derived.js';
import { householdMembers, households, registryChanges, residents } from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';
import { conflict } from '../../lib/errors.js';
import type { Actor } from '../../lib/auth-context.js';
import { foldText } from '../../../shared/text.js';
import { householdSearchText } from '../residents/residents.repo.js';

// The journaled writes of the registry's hand-made changes. Every row an action writes goes through here, which keeps
// what it replaced; undo (households.history.ts) applies the list backwards. Nothing else is written by these actions,
// so undo reverses exactly what the action wrote.

export type MemberFields = {
  leftOn: string | null;
  leftReason: string | null;
  wentTo: string | null;
  relation: string;
};
/**
 * What an action may write on a person: where they live, and (a correction) their own details. The ID number and
 * phone are kept as stored, ciphertext and blind index, so the journal never holds them in clear.
 */
export type ResidentFields = Pick<
  typeof residents.$inferSelect,
  | 'householdId'
  | 'unitId'
  | 'fullName'
  | 'searchText'
  | 'birthDate'
  | 'birthPrecision'
  | 'gender'
  | 'personalIdEnc'
  | 'personalIdBidx'
  | 'phoneEnc'
  | 'phoneBidx'
  | 'vneidLevel'
  | 'vneidCheckedOn'
  | 'hasSmartphone'
  | 'tags'
  | 'ethnicity'
  | 'healthNotes'
>;
export type HouseholdFields = {
  headResidentId: number | null;
  searchText: string;
  unitId: number;
  address: string;
  addressSearch: string;
  dissolvedOn: string | null;
};

export type Write =
  | { op: 'member.insert'; id: number }
  | { op: 'member.update'; id: number; before: Partial<MemberFields> }
  | { op: 'resident.insert'; id: number }
  | { op: 'resident.update'; id: number; before: Partial<ResidentFields> }
  | { op: 'household.insert'; id: number }
  | { op: 'household.update'; id: number; before: Partial<HouseholdFields> };

export type ChangeKind =
  | 'ADD_MEMBER'
  | 'BIRTH'
  | 'DEATH'
  | 'MOVE'
  | 'LEAVE'
  | 'HEAD'
  | 'RELOCATE'
  | 'SPLIT'
  | 'MERGE'
  | 'CORRECT';
export type Versions = { households: Record<string, number>; residents: Record<string, number> };

export const staleHousehold = () =>
  conflict({
    vi: 'Hộ này vừa được người khác cập nhật, vui lòng tải lại',
    en: 'Someone else updated this household; reload and try again',
  });
export const stalePerson = () =>
  conflict({
    vi: 'Thông tin người này vừa được người khác cập nhật, vui lòng tải lại',
    en: 'Someone else updated this person; reload and try again',
  });

const pick = <T extends object>(row: T, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, row[k as keyof T]])) as Partial<T>;

/** A household in scope, locked for the action; undefined when outside scope. */
export async function lockHousehold(tx: Tx, id: number, scope: Scope) {
  const [row] = await tx
    .select()
    .from(households)
    .where(and(eq(households.id, id), unitInScope(households.unitId, scope)))
    .for('update');
  return row;
}

/** A person in scope, locked for the action; undefined when outside scope. */
export async function lockResident(tx: Tx, id: number, scope: Scope) {
  const [row] = await tx
    .select()
    .from(residents)
    .where(and(eq(residents.id, id), unitInScope(residents.unitId, scope)))
    .for('update');
  return row;
}

/** Collects one action's writes; `commit` bumps every touched record's version once and files the change. */
export function openJournal(tx: Tx) {
  const writes: Write[] = [];
  const touchedHouseholds = new Set<number>();
  const touchedResidents = new Set<number>();
  const filedUnder = new Set<number>();
  return {
    touchHousehold: (id: number) => touchedHouseholds.add(id),
    /**
     * Lists the change in a household's history (and makes it undoable from there) without stepping the household's
     * version: a person's correction belongs to their household's story but changes nothing of the household.
     */
    fileUnder: (id: number) => filedUnder.add(id),
    touchResident: (id: number) => touchedResidents.add(id),

    async insertMember(row: typeof householdMembers.$inferInsert) {
      const [inserted] = await tx.insert(householdMembers).values(row).returning({ id: householdMembers.id });
      writes.push({ op: 'member.insert', id: inserted!.id });
      touchedHouseholds.add(row.householdId);
      touchedResidents.add(row.residentId);
      return inserted!.id;
    },

    async updateMember(id: number, fields: Partial<MemberFields>) {
      const [before] = await tx.select().from(householdMembers).where(eq(householdMembers.id, id));
      await tx.update(householdMembers).set(fields).where(eq(householdMembers.id, id));
      writes.push({ op: 'member.update', id, before: pick(before!, Object.keys(fields)) as Partial<MemberFields> });
      touchedHouseholds.add(before!.householdId);
      touchedResidents.add(before!.residentId);
    },

    async insertResident(row: typeof residents.$inferInsert) {
      const [inserted] = await tx.insert(residents).values(row).returning();
      writes.push({ op: 'resident.insert', id: inserted!.id });
      touchedResidents.add(inserted!.id);
      return inserted!;
    },

    async updateResident(id: number, fields: Partial<ResidentFields>) {
      const [before] = await tx.select().from(residents).where(eq(residents.id, id));
      await tx.update(residents).set(fields).where(eq(residents.id, id));
      writes.push({ op: 'resident.update', id, before: pick(before!, Object.keys(fields)) as Partial<ResidentFields> });
      touchedResidents.add(id);
    },

    async insertHousehold(row: typeof households.$inferInsert) {
      const [inserted] = await tx
        .insert(households)
        .values({ ...row, searchText: householdSearchText(row.address, null), addressSearch: foldText(row.address) })
        .returning();
      writes.push({ op: 'household.insert', id: inserted!.id });
      touchedHouseholds.add(inserted!.id);
      return inserted!;
    },

    async updateHousehold(id: number, fields: Partial<HouseholdFields>) {
      const [before] = await tx.select().from(households).where(eq(households.id, id));
      await tx.update(households).set(fields).where(eq(households.id, id));
      writes.push({
        op: 'household.update',
        id,
        before: pick(before!, Object.keys(fields)) as Partial<HouseholdFields>,
      });
      touchedHouseholds.add(id);
    },

    /** Sets the head (or none) and the search key that carries the head's name. */
    async setHead(household: { id: number; address: string }, head: { id: number; fullName: string } | null) {
      await this.updateHousehold(household.id, {
        headResidentId: head?.id ?? null,
        searchText: householdSearchText(household.address, head?.fullName),
      });
    },

    /** Bumps the touched records' versions and files the change; returns its id. */
    async commit(actor: Actor, kind: ChangeKind, summary: Record<string, unknown>) {
      const versions = await bumpVersions(tx, [...touchedHouseholds], [...touchedResidents]);
      const [row] = await tx
        .insert(registryChanges)
        .values({
          kind,
          householdIds: [...new Set([...touchedHouseholds, ...filedUnder])],
          residentIds: [...touchedResidents],
          summary,
          writes,
          versionsAfter: versions,
          userId: actor.userId,
          username: actor.username,
        })
        .returning({ id: registryChanges.id });
      return row!.id;
    },
  };
}
export type Journal = ReturnType<typeof openJournal>;

/** One version step for each record an action (or its undo) touched, so stale screens get a 409. */
export async function bumpVersions(tx: Tx, householdIds: number[], residentIds: number[]): Promise<Versions> {
  const out: Versions = { households: {}, residents: {} };
  if (householdIds.length) {
    const rows = await tx
      .update(households)
      .set({ version: sql`${households.version} + 1`, updatedAt: sql`now()` })
      .where(inArray(households.id, householdIds))
      .returning({ id: households.id, version: households.version });
    for (const r of rows) out.households[r.id] = r.version;
  }
  if (residentIds.length) {
    const rows = await tx
      .update(residents)
      .set({ version: sql`${residents.version} + 1`, updatedAt: sql`now()` })
      .where(inArray(residents.id, residentIds))
      .returning({ id: residents.id, version: residents.version });
    for (const r of rows) out.residents[r.id] = r.version;
  }
  return out;
}

/**
 * After an undo: each surviving record goes back to the version it had before the change (every action steps a
 * record's version exactly once). Its fields are as they were at that version, so a screen opened before the change
 * may save again, one opened after it gets a 409, and the change before becomes the latest, undoable in turn.
 */
export async function restoreVersions(
  tx: Tx,
  after: Versions,
  removed: { households: Set<number>; residents: Set<number> },
) {
  for (const [id, version] of Object.entries(after.households)) {
    if (removed.households.has(Number(id))) continue;
    await tx
      .update(households)
      .set({ version: version - 1, updatedAt: sql`now()` })
      .where(eq(households.id, Number(id)));
  }
  for (const [id, version] of Object.entries(after.residents)) {
    if (removed.residents.has(Number(id))) continue;
    await tx
      .update(residents)
      .set({ version: version - 1, updatedAt: sql`now()` })
      .where(eq(residents.id, Number(id)));
  }
}

/** Applies one write backwards. Deleting an inserted row fails (foreign key) if anything came to depend on it. */
export async function reverseWrite(tx: Tx, w: Write) {
  switch (w.op) {
    case 'member.insert':
      await tx.delete(householdMembers).where(eq(householdMembers.id, w.id));
      return;
    case 'member.update':
      await tx.update(householdMembers).set(w.before).where(eq(householdMembers.id, w.id));
      return;
    case 'resident.insert':
      // The name keys are kept by insert/update triggers only; a person removed by undo takes theirs along.
      await tx.delete(residentNameKeys).where(eq(residentNameKeys.residentId, w.id));
      await tx.delete(residents).where(eq(residents.id, w.id));
      return;
    case 'resident.update':
      await tx.update(residents).set(w.before).where(eq(residents.id, w.id));
      return;
    case 'household.insert':
      await tx.delete(households).where(eq(households.id, w.id));
      return;
    case 'household.update':
      await tx.update(households).set(w.before).where(eq(households.id, w.id));
      return;
  }
}
