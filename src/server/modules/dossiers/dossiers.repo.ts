import { and, asc, desc, eq, inArray, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { closedStatuses } from '../../../shared/onestop.js';
import type { ProcedureNames } from '../../../shared/languages.js';
import { foldText } from '../../../shared/text.js';
import type { Tx } from '../../db/client.js';
import {
  dossierEvents,
  dossierFiles,
  dossiers,
  procedures,
  units,
  users,
  type ProcedureDocument,
} from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';
import { toOffset } from '../../lib/http.js';
import { indicatorCondition } from '../indicators/indicators.definitions.js';
import { dueSoonLimit } from './dossiers.clock.js';
import type { Queue, QueueQuery } from './dossiers.schemas.js';

export type DossierRow = typeof dossiers.$inferSelect;

const assignee = alias(users, 'assignee');

/** The columns every dossier view needs: the row, its procedure's code and name, its unit and assignee's names. */
const summaryColumns = {
  dossier: dossiers,
  procedureCode: procedures.code,
  procedureName: procedures.nameVi,
  procedureNameEn: procedures.nameEn,
  procedureTranslations: procedures.translations,
  requiresApproval: procedures.requiresApproval,
  timeUnit: procedures.timeUnit,
  timeAmount: procedures.timeAmount,
  formFields: procedures.formFields,
  documents: procedures.documents,
  unitName: units.name,
  unitCode: units.code,
  unitPath: units.path,
  assigneeName: assignee.fullName,
};
export type DossierWithNames = {
  dossier: DossierRow;
  procedureCode: string;
  procedureName: string;
  procedureNameEn: string;
  /** The Japanese and Chinese names the commune entered (the status page's name in the reader's language). */
  procedureTranslations: ProcedureNames['translations'];
  requiresApproval: boolean;
  timeUnit: string;
  timeAmount: number;
  formFields: { key: string; labelVi: string; labelEn: string }[];
  /** The papers its procedure version asks for, in order: a file's or a mark's `paper` is a position here. */
  documents: ProcedureDocument[];
  unitName: string;
  unitCode: string;
  unitPath: string;
  assigneeName: string | null;
};

const openStatuses = ['RECEIVED', 'PROCESSING', 'PAYMENT_REQUESTED'] as const;
/** The date promised now: an apology's new date (Form 04) replaces the first one for "due soon" and "overdue". */
const promisedDue = sql`coalesce(${dossiers.extendedDueAt}, ${dossiers.dueAt})`;

/** The WHERE of a work queue; `dueSoonBefore` (the end of the second working day from today) only for due_soon. */
export function queueCondition(
  queue: Queue,
  ctx: { userId: number; now: Date; dueSoonBefore?: Date },
): SQL | undefined {
  switch (queue) {
    case 'all':
      return undefined;
    case 'to_receive':
      return eq(dossiers.status, 'NEW');
    case 'mine':
      return and(eq(dossiers.assigneeId, ctx.userId), notInArray(dossiers.status, [...closedStatuses, 'RESOLVED']));
    case 'due_soon':
      return and(
        inArray(dossiers.status, [...openStatuses]),
        sql`${promisedDue} >= ${ctx.now.toISOString()}`,
        sql`${promisedDue} <= ${ctx.dueSoonBefore!.toISOString()}`,
      );
    case 'overdue':
      return and(inArray(dossiers.status, [...openStatuses]), sql`${promisedDue} < ${ctx.now.toISOString()}`);
    case 'supplement':
      return eq(dossiers.status, 'SUPPLEMENT_REQUESTED');
    case 'to_approve':
      return and(eq(dossiers.status, 'PROCESSING'), eq(dossiers.awaitingApproval, true));
    case 'to_return':
      return eq(dossiers.status, 'RESOLVED');
    case 'closed':
      return inArray(dossiers.status, [...closedStatuses]);
  }
}

/** The WHERE of a listing: the caller's units, the filters, the queue, the indicator's period, the search box. */
function listCondition(scope: Scope, query: QueueQuery, ctx: Parameters<typeof queueCondition>[1]) {
  const q = query.q?.trim();
  const folded = q ? foldText(q) : '';
  return and(
    unitInScope(dossiers.unitId, scope),
    // The unit and everything under it: a commune's own dossiers, or a province's (the list under its indicators).
    query.unit
      ? sql`${dossiers.unitId} in (select c.id from units c join units p on c.path like p.path || '%' where p.id = ${query.unit})`
      : undefined,
    query.status ? eq(dossiers.status, query.status) : undefined,
    query.procedure ? eq(procedures.code, query.procedure) : undefined,
    queueCondition(query.queue, ctx),
    query.indicator && query.from && query.to
      ? indicatorCondition(query.indicator, { from: query.from, to: query.to })
      : undefined,
    q
      ? sql`(${dossiers.code} like ${`${q.toUpperCase()}%`} or ${dossiers.searchText} like ${`%${folded}%`})`
      : undefined,
  );
}

/** A page of a work queue inside the caller's units: newest due first for open work, newest submitted otherwise. */
export async function listDossiers(
  db: Tx,
  scope: Scope,
  query: QueueQuery,
  who: { userId: number; now: Date },
): Promise<DossierWithNames[]> {
  // The calendar is read only for the queue that needs it, not on every listing.
  const ctx = { ...who, dueSoonBefore: query.queue === 'due_soon' ? await dueSoonLimit(db, who.now) : undefined };
  const byDue = ['due_soon', 'overdue', 'mine', 'to_approve'].includes(query.queue);
  return db
    .select(summaryColumns)
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .leftJoin(assignee, eq(assignee.id, dossiers.assigneeId))
    .where(listCondition(scope, query, ctx))
    .orderBy(...(byDue ? [asc(dossiers.dueAt), asc(dossiers.id)] : [desc(dossiers.submittedAt), desc(dossiers.id)]))
    .limit(query.limit + 1)
    .offset(toOffset(query).offset) as Promise<DossierWithNames[]>;
}

/** How many dossiers the listing matches in all (for the list under an indicator, to show beside its number). */
export async function countDossiers(db: Tx, scope: Scope, query: QueueQuery, who: { userId: number; now: Date }) {
  const ctx = { ...who, dueSoonBefore: query.queue === 'due_soon' ? await dueSoonLimit(db, who.now) : undefined };
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(listCondition(scope, query, ctx));
  return row!.count;
}

export async function findDossier(db: Tx, where: SQL, lock = false): Promise<DossierWithNames | undefined> {
  const query = db
    .select(summaryColumns)
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .leftJoin(assignee, eq(assignee.id, dossiers.assigneeId))
    .where(where);
  const [row] = await (lock ? query.for('update', { of: dossiers }) : query);
  return row as DossierWithNames | undefined;
}

export const inScope = (id: number, scope: Scope) => and(eq(dossiers.id, id), unitInScope(dossiers.unitId, scope))!;

export const dossierNotFound = () => notFound({ vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' });

/**
 * The dossier `where` picks (`inScope(id, scope)` or `byToken(token)`), or 404: outside the scope it does not exist.
 */
export async function getDossier(db: Tx, where: SQL, lock = false): Promise<DossierWithNames> {
  const found = await findDossier(db, where, lock);
  if (!found) throw dossierNotFound();
  return found;
}
export const byToken = (token: string) => eq(dossiers.lookupToken, token);

/** The other dossiers submitted with one as an interconnected group, in submission order. */
export async function bundleMembers(db: Tx, bundleId: number | null, exceptId: number) {
  if (bundleId === null) return [];
  return db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      token: dossiers.lookupToken,
      status: dossiers.status,
      procedureCode: procedures.code,
      nameVi: procedures.nameVi,
      nameEn: procedures.nameEn,
      translations: procedures.translations,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(and(eq(dossiers.bundleId, bundleId), sql`${dossiers.id} <> ${exceptId}`))
    .orderBy(asc(dossiers.id));
}

export async function eventsOf(db: Tx, dossierId: number) {
  return db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId)).orderBy(asc(dossierEvents.id));
}

export async function filesOf(db: Tx, dossierId: number) {
  return db
    .select({
      id: dossierFiles.id,
      kind: dossierFiles.kind,
      label: dossierFiles.label,
      paper: dossierFiles.paper,
      fileName: dossierFiles.fileName,
      mime: dossierFiles.mime,
      size: dossierFiles.size,
      sha256: dossierFiles.sha256,
      createdAt: dossierFiles.createdAt,
    })
    .from(dossierFiles)
    .where(eq(dossierFiles.dossierId, dossierId))
    .orderBy(asc(dossierFiles.id));
}

export async function insertEvent(tx: Tx, event: typeof dossierEvents.$inferInsert) {
  await tx.insert(dossierEvents).values(event);
}

/** Claims uploads for a dossier: only files not yet claimed, presented with their secret key. */
export async function claimUploads(
  tx: Tx,
  dossierId: number,
  refs: { id: number; key: string; label?: string; paper?: number }[],
): Promise<number> {
  let claimed = 0;
  for (const ref of refs) {
    const rows = await tx
      .update(dossierFiles)
      .set({ dossierId, uploadKey: null, label: ref.label ?? null, paper: ref.paper ?? null })
      .where(and(eq(dossierFiles.id, ref.id), eq(dossierFiles.uploadKey, ref.key), isNull(dossierFiles.dossierId)))
      .returning({ id: dossierFiles.id });
    claimed += rows.length;
  }
  if (claimed > 0) await markDigitized(tx, dossierId);
  return claimed;
}

/** A paper of the dossier is now held electronically (counts toward the digitized rate). */
export async function markDigitized(tx: Tx, dossierId: number): Promise<void> {
  await tx
    .update(dossiers)
    .set({ digitized: true })
    .where(and(eq(dossiers.id, dossierId), eq(dossiers.digitized, false)));
}

/**
 * Did this request change dossiers (a successful write to the dossier or payment routes)? Mail and caches follow it.
 */
export function changedDossiers(request: { method: string; url: string }, reply: { statusCode: number }): boolean {
  return (
    request.method !== 'GET' && reply.statusCode < 300 && /^\/api\/(public\/)?(dossiers|payments)\b/.test(request.url)
  );
}
