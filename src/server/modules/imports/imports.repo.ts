import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { importJobs, units, users } from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';

export type ImportRow = typeof importJobs.$inferSelect;

export async function insertImport(tx: Tx, row: typeof importJobs.$inferInsert): Promise<ImportRow> {
  const [inserted] = await tx.insert(importJobs).values(row).returning();
  return inserted!;
}

/** Who uploaded, and whether an error report (bad rows kept with their cells) can be downloaded. */
const shown = {
  unitName: units.name,
  uploadedBy: users.fullName,
  hasReport: sql<boolean>`coalesce(jsonb_array_length(${importJobs.report}->'rows') > 0, false)`,
};

/** An import in the caller's scope (without the file bytes, the kept bad rows or the run that owns it). */
export async function findImport(tx: Tx, id: number, scope: Scope) {
  const { file: _file, runId: _run, report: _report, ...columns } = getTableColumns(importJobs);
  const [row] = await tx
    .select({ ...columns, ...shown })
    .from(importJobs)
    .innerJoin(units, eq(units.id, importJobs.unitId))
    .innerJoin(users, eq(users.id, importJobs.userId))
    .where(and(eq(importJobs.id, id), unitInScope(importJobs.unitId, scope)));
  return row;
}

/** The import history of the caller's units, newest first: who, when, which file, what it added and changed. */
export async function listImports(tx: Tx, scope: Scope, limit: number) {
  const { file: _file, errors: _errors, runId: _run, report: _report, ...columns } = getTableColumns(importJobs);
  return tx
    .select({ ...columns, ...shown })
    .from(importJobs)
    .innerJoin(units, eq(units.id, importJobs.unitId))
    .innerJoin(users, eq(users.id, importJobs.userId))
    .where(unitInScope(importJobs.unitId, scope))
    .orderBy(desc(importJobs.id))
    .limit(limit);
}

/** The kept bad rows of an import in the caller's scope, for its error report. */
export async function findImportReport(tx: Tx, id: number, scope: Scope) {
  const [row] = await tx
    .select({ fileName: importJobs.fileName, report: importJobs.report, errors: importJobs.errors })
    .from(importJobs)
    .where(and(eq(importJobs.id, id), unitInScope(importJobs.unitId, scope)));
  return row;
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
