import { foldText } from '../../../shared/text.js';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import type { Actor } from '../../lib/auth-context.js';

export type AuditEntry = {
  action: string;
  entityType?: string;
  entityId?: string | number;
  details?: Record<string, unknown>;
};

/**
 * A change and its audit entry in one transaction; `entry` may be a function of the change's result (a new row's id).
 */
export async function audited<T>(
  db: Db,
  actor: Actor,
  work: (tx: Tx) => Promise<T>,
  entry: AuditEntry | ((out: T) => AuditEntry),
): Promise<T> {
  return db.transaction(async (tx) => {
    const out = await work(tx);
    await insertAudit(tx, actor, typeof entry === 'function' ? entry(out) : entry);
    return out;
  });
}

export async function insertAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAudits(tx, actor, [entry]);
}

/**
 * A page of a list of people read (residents, households, dossiers, appointments): like a search, the reading is a
 * use of their data, so it is recorded — who, which list, with what filter, how many rows. Filters name units and
 * kinds, never an ID number or phone typed (the caller passes what kind of search it was instead).
 */
export async function auditListRead(
  tx: Tx,
  actor: Actor,
  list: 'resident' | 'household' | 'dossier' | 'appointment',
  filter: Record<string, unknown>,
  rows: number,
): Promise<void> {
  const kept = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''));
  await insertAudit(tx, actor, { action: `${list}.list`, details: { filter: kept, rows } });
}

/** What a typed search is recorded as: the folded words, or only "number" when it holds an ID, phone or code. */
export const searchForAudit = (q: string | undefined) =>
  q ? (/\d{4,}/.test(q) ? 'number' : foldText(q) || undefined) : undefined;

/** Several entries by one actor in one statement (a field sync writing back to many people). */
export async function insertAudits(tx: Tx, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await tx.insert(auditLog).values(
    entries.map((entry) => ({
      userId: actor.userId,
      username: actor.username,
      roles: actor.roles,
      unitId: actor.unitId,
      ip: actor.ip,
      userAgent: actor.userAgent,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === undefined ? null : String(entry.entityId),
      details: entry.details ?? null,
    })),
  );
}

export type AuditFilter = {
  from?: string;
  to?: string;
  userId?: number;
  action?: string;
  entityType?: string;
  entityId?: string;
};

function where(scope: Scope, f: AuditFilter): SQL {
  // An auditor sees entries written by actors whose primary unit lies in the auditor's subtree.
  const conditions: (SQL | undefined)[] = [
    sql`(${auditLog.unitId} is null and ${scope.prefixes.includes('/1/')}
      or exists (select 1 from units u where u.id = "audit_log"."unit_id" and ${pathInScope(sql`u.path`, scope)}))`,
    f.from ? gte(auditLog.at, new Date(f.from)) : undefined,
    f.to ? lt(auditLog.at, new Date(f.to)) : undefined,
    f.userId ? eq(auditLog.userId, f.userId) : undefined,
    f.action ? sql`${auditLog.action} like ${`${f.action.replace(/[%_\\]/g, '\\$&')}%`}` : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined))!;
}

export async function listAudit(tx: Tx, scope: Scope, f: AuditFilter, page: { limit: number; offset: number }) {
  return tx
    .select()
    .from(auditLog)
    .where(where(scope, f))
    .orderBy(desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** Keyset pages for exports: `beforeId` walks down the log without OFFSET. */
export async function listAuditBefore(tx: Tx, scope: Scope, f: AuditFilter, beforeId: number, limit: number) {
  return tx
    .select()
    .from(auditLog)
    .where(and(where(scope, f), lt(auditLog.id, beforeId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
