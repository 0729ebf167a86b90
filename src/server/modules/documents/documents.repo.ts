import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { documentCounters, documentSettings, issuedDocuments, units } from '../../db/schema/index.js';
import { pathAlongScope, type Scope } from '../../db/scope.js';

/** Units by id (the province and commune above a document's subject), unscoped: only their names are printed. */
export function unitsByIds(tx: Tx, ids: number[]) {
  return tx.select({ id: units.id, name: units.name, tier: units.tier }).from(units).where(inArray(units.id, ids));
}

/** A unit's path when it lies in the caller's scope or above it (the commune a group head works for). */
export async function findUnitPathAlong(tx: Tx, id: number, scope: Scope) {
  const [row] = await tx
    .select({ path: units.path })
    .from(units)
    .where(and(eq(units.id, id), pathAlongScope(units.path, scope)));
  return row?.path;
}

export async function findDocumentSettings(tx: Tx, unitId: number, lock = false) {
  const query = tx.select().from(documentSettings).where(eq(documentSettings.unitId, unitId));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function saveDocumentSettings(
  tx: Tx,
  unitId: number,
  values: { authority: string; signerTitle: string; signerName: string | null },
  version: number,
) {
  const [row] = await tx
    .insert(documentSettings)
    .values({ unitId, ...values, version })
    .onConflictDoUpdate({ target: documentSettings.unitId, set: { ...values, version, updatedAt: sql`now()` } })
    .returning();
  return row!;
}

export async function findIssued(tx: Tx, unitId: number, kind: string, ref: string) {
  const [row] = await tx
    .select()
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.unitId, unitId), eq(issuedDocuments.kind, kind), eq(issuedDocuments.ref, ref)));
  return row;
}

/**
 * Locks the counter of a kind of document for a commune and year, creating it at 0 for the year's first. Whoever
 * holds the lock numbers next; the others wait, then read the number it left.
 */
export async function lockCounter(tx: Tx, key: { unitId: number; year: number; kind: string }) {
  await tx
    .insert(documentCounters)
    .values({ ...key, lastNumber: 0 })
    .onConflictDoNothing();
  await tx
    .select({ lastNumber: documentCounters.lastNumber })
    .from(documentCounters)
    .where(counterKey(key))
    .for('update');
}

/** The next number of a locked counter, written in the same transaction as the register row that uses it. */
export async function nextNumber(tx: Tx, key: { unitId: number; year: number; kind: string }): Promise<number> {
  const [row] = await tx
    .update(documentCounters)
    .set({ lastNumber: sql`${documentCounters.lastNumber} + 1` })
    .where(counterKey(key))
    .returning({ n: documentCounters.lastNumber });
  return row!.n;
}

const counterKey = (key: { unitId: number; year: number; kind: string }) =>
  and(
    eq(documentCounters.unitId, key.unitId),
    eq(documentCounters.year, key.year),
    eq(documentCounters.kind, key.kind),
  );

export async function insertIssued(tx: Tx, row: typeof issuedDocuments.$inferInsert) {
  const [made] = await tx.insert(issuedDocuments).values(row).returning();
  return made!;
}
