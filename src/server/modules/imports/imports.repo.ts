import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { importJobs, units } from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';

export type ImportRow = typeof importJobs.$inferSelect;

export async function insertImport(tx: Tx, row: typeof importJobs.$inferInsert): Promise<ImportRow> {
  const [inserted] = await tx.insert(importJobs).values(row).returning();
  return inserted!;
}

/** An import in the caller's scope (without the file bytes or the run that owns it). */
export async function findImport(tx: Tx, id: number, scope: Scope) {
  const { file: _file, runId: _run, ...columns } = getTableColumns(importJobs);
  const [row] = await tx
    .select({ ...columns, unitName: units.name })
    .from(importJobs)
    .innerJoin(units, eq(units.id, importJobs.unitId))
    .where(and(eq(importJobs.id, id), unitInScope(importJobs.unitId, scope)));
  return row;
}

export async function listImports(tx: Tx, scope: Scope, limit: number) {
  const { file: _file, errors: _errors, runId: _run, ...columns } = getTableColumns(importJobs);
  return tx
    .select({ ...columns, unitName: units.name })
    .from(importJobs)
    .innerJoin(units, eq(units.id, importJobs.unitId))
    .where(unitInScope(importJobs.unitId, scope))
    .orderBy(desc(importJobs.id))
    .limit(limit);
}

/** The job's full row, file included: for the worker only. */
export async function loadImportForWorker(tx: Tx, id: number) {
  const [row] = await tx.select().from(importJobs).where(eq(importJobs.id, id));
  return row;
}

export async function updateImport(tx: Tx, id: number, fields: Partial<typeof importJobs.$inferInsert>) {
  await tx
    .update(importJobs)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(importJobs.id, id));
}

/** Moves an import from one status to another only if it is still in the expected one (no double commits). */
export async function transitionImport(
  tx: Tx,
  id: number,
  from: string,
  fields: Partial<typeof importJobs.$inferInsert>,
) {
  const rows = await tx
    .update(importJobs)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, from)))
    .returning({ id: importJobs.id });
  return rows.length === 1;
}

/** Writes to a job only while this run still owns it (a run the sweep replaced gets false and stops). */
export async function updateRun(
  tx: Tx,
  id: number,
  runId: string,
  fields: Partial<typeof importJobs.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(importJobs)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(and(eq(importJobs.id, id), eq(importJobs.runId, runId)))
    .returning({ id: importJobs.id });
  return rows.length === 1;
}
