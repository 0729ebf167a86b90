import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { units } from '../../db/schema/index.js';
import { pathInScope, type Scope } from '../../db/scope.js';

export type UnitRow = typeof units.$inferSelect;

// Written out in full: in a single-table select drizzle renders `${units.id}` as a bare "id", which inside this
// subquery would bind to `c.id` and count nothing.
const childCount = sql<number>`(select count(*)::int from units c where c.parent_id = "units"."id")`;

/** A unit inside the caller's scope, or undefined (which the service reports as 404, never 403: no probing). */
export async function findUnit(tx: Tx, id: number, scope: Scope) {
  const [row] = await tx
    .select({ unit: units, childCount })
    .from(units)
    .where(and(eq(units.id, id), pathInScope(units.path, scope)));
  return row;
}

/** A unit regardless of scope: for internal checks (e.g. whether a parent exists) whose result is never returned. */
export async function findUnitUnscoped(tx: Tx, id: number) {
  const [row] = await tx.select().from(units).where(eq(units.id, id));
  return row;
}

export async function findUnitByCode(tx: Tx, code: string, scope: Scope) {
  const [row] = await tx
    .select()
    .from(units)
    .where(and(eq(units.code, code), pathInScope(units.path, scope)))
    .orderBy(asc(units.depth))
    .limit(1);
  return row;
}

export async function listChildUnits(tx: Tx, parentId: number, scope: Scope, includeClosed: boolean) {
  return tx
    .select({ unit: units, childCount })
    .from(units)
    .where(
      and(
        eq(units.parentId, parentId),
        pathInScope(units.path, scope),
        includeClosed ? undefined : isNull(units.closedAt),
      ),
    )
    .orderBy(sql`${units.name} collate vi_num`, units.id)
    .limit(5000);
}

/** The units the caller's roles sit on: the roots of what they may see. */
export async function listScopeRoots(tx: Tx, scope: Scope) {
  return tx
    .select({ unit: units, childCount })
    .from(units)
    .where(
      sql`${units.path} in (${sql.join(
        scope.prefixes.map((p) => sql`${p}`),
        sql`, `,
      )})`,
    )
    .orderBy(units.depth, units.name);
}

export async function listAncestors(tx: Tx, path: string) {
  const ids = path.split('/').filter(Boolean).map(Number);
  return tx
    .select({ id: units.id, code: units.code, name: units.name, kind: units.kind })
    .from(units)
    .where(
      sql`${units.id} in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    )
    .orderBy(units.depth);
}

/** Inserts a unit and sets its path from its new id in the same statement pair (caller holds the transaction). */
export async function insertUnit(
  tx: Tx,
  row: {
    parent: UnitRow | null;
    code: string;
    name: string;
    kind: string;
    tier: string;
    legalBasis?: string | null;
    validFrom?: string | null;
  },
): Promise<UnitRow> {
  const [inserted] = await tx
    .insert(units)
    .values({
      parentId: row.parent?.id ?? null,
      code: row.code,
      name: row.name,
      kind: row.kind,
      tier: row.tier,
      path: `pending-${Math.random()}`,
      depth: row.parent ? row.parent.depth + 1 : 0,
      legalBasis: row.legalBasis ?? null,
      validFrom: row.validFrom ?? null,
    })
    .returning();
  const [updated] = await tx
    .update(units)
    .set({ path: `${row.parent?.path ?? '/'}${inserted!.id}/` })
    .where(eq(units.id, inserted!.id))
    .returning();
  return updated!;
}

export async function updateUnitFields(tx: Tx, id: number, fields: { name?: string; legalBasis?: string | null }) {
  await tx
    .update(units)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(units.id, id));
}

/** Re-parents a unit: rewrites the path and depth of the whole subtree in one statement. */
export async function moveSubtree(tx: Tx, unit: UnitRow, newParent: UnitRow) {
  const newPath = `${newParent.path}${unit.id}/`;
  const depthDelta = newParent.depth + 1 - unit.depth;
  await tx.execute(sql`
    update units set
      path = ${newPath} || substr(path, ${unit.path.length + 1}),
      depth = depth + ${depthDelta},
      parent_id = case when id = ${unit.id} then ${newParent.id} else parent_id end,
      updated_at = now()
    where path like ${`${unit.path}%`}`);
}

/** Closes a unit and everything under it that is still open. */
export async function closeSubtree(tx: Tx, unit: UnitRow, reason: string): Promise<number> {
  const closed = await tx
    .update(units)
    .set({ closedAt: sql`now()`, closedReason: reason, updatedAt: sql`now()` })
    .where(and(sql`${units.path} like ${`${unit.path}%`}`, isNull(units.closedAt)))
    .returning({ id: units.id });
  return closed.length;
}
