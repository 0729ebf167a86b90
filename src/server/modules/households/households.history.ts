import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { households, registryChanges, residents } from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';
import { conflict, forbidden, notFound, unlessTaken } from '../../lib/errors.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import {
  lockHousehold,
  lockResident,
  restoreVersions,
  reverseWrite,
  type Versions,
  type Write,
} from './households.journal.js';
import type { RegistryChange } from './households.schemas.js';

// A household's or a person's history of hand-made changes, and undoing the most recent one. Undo is offered only
// while every record the change touched is still at the version the change left it at: then nothing later has
// written to them, and replaying the change's writes backwards restores exactly what was there before, versions
// included, so the change before it can then be undone too.

type ChangeRow = typeof registryChanges.$inferSelect;
type Blocked = RegistryChange['undoBlocked'];

async function currentVersions(tx: Tx, rows: ChangeRow[]) {
  const hIds = [...new Set(rows.flatMap((r) => Object.keys((r.versionsAfter as Versions).households).map(Number)))];
  const rIds = [...new Set(rows.flatMap((r) => Object.keys((r.versionsAfter as Versions).residents).map(Number)))];
  const hs = hIds.length
    ? await tx
        .select({ id: households.id, version: households.version })
        .from(households)
        .where(inArray(households.id, hIds))
    : [];
  const rs = rIds.length
    ? await tx
        .select({ id: residents.id, version: residents.version })
        .from(residents)
        .where(inArray(residents.id, rIds))
    : [];
  return {
    households: new Map(hs.map((h) => [h.id, h.version])),
    residents: new Map(rs.map((r) => [r.id, r.version])),
  };
}

function blockedBy(row: ChangeRow, now: Awaited<ReturnType<typeof currentVersions>>): Blocked {
  if (row.undoneAt) return 'UNDONE';
  const after = row.versionsAfter as Versions;
  const sides = [
    [after.households, now.households],
    [after.residents, now.residents],
  ] as const;
  for (const [wanted, actual] of sides) {
    for (const [id, version] of Object.entries(wanted)) {
      const current = actual.get(Number(id));
      if (current === undefined) return 'GONE';
      if (current !== version) return 'LATER_CHANGE';
    }
  }
  return null;
}

function present(row: ChangeRow, blocked: Blocked): RegistryChange {
  return {
    id: row.id,
    kind: row.kind as RegistryChange['kind'],
    summary: row.summary as RegistryChange['summary'],
    householdIds: row.householdIds,
    residentIds: row.residentIds,
    by: row.username,
    at: row.at.toISOString(),
    undoneAt: row.undoneAt?.toISOString() ?? null,
    undoneBy: row.undoneBy,
    undoBlocked: blocked,
  };
}

/** The changes that touched a household or a person (in scope: checked by the caller), newest first. */
export async function listChanges(tx: Tx, about: { householdId: number } | { residentId: number }) {
  const where =
    'householdId' in about
      ? sql`${registryChanges.householdIds} @> array[${about.householdId}]::int[]`
      : sql`${registryChanges.residentIds} @> array[${about.residentId}]::int[]`;
  const rows = await tx.select().from(registryChanges).where(where).orderBy(desc(registryChanges.id)).limit(200);
  const now = await currentVersions(tx, rows);
  return { items: rows.map((r) => present(r, blockedBy(r, now))) };
}

/** A household's history, for someone who may read it. */
export async function householdHistory(tx: Tx, scope: Scope, householdId: number, actor: Actor) {
  if (!(await findHouseholdInScope(tx, householdId, scope))) throw householdNotFound();
  // The history names people: reading it is recorded like reading the household.
  await insertAudit(tx, actor, { action: 'household.history', entityType: 'household', entityId: householdId });
  return listChanges(tx, { householdId });
}

const householdNotFound = () => notFound({ vi: 'Không tìm thấy hộ gia đình', en: 'Household not found' });

async function findHouseholdInScope(tx: Tx, id: number, scope: Scope) {
  const [row] = await tx
    .select({ id: households.id })
    .from(households)
    .where(and(eq(households.id, id), unitInScope(households.unitId, scope)));
  return row;
}

const undoRefused: Record<Exclude<Blocked, null> | 'TAKEN', { vi: string; en: string }> = {
  TAKEN: {
    vi: 'Không hoàn tác được: số định danh cũ nay đã ghi cho người khác',
    en: 'Cannot undo: the former ID number now belongs to someone else',
  },
  UNDONE: { vi: 'Thay đổi này đã được hoàn tác', en: 'This change has already been undone' },
  LATER_CHANGE: {
    vi: 'Không hoàn tác được: hộ hoặc người liên quan đã có thay đổi sau đó. Hãy hoàn tác thay đổi mới nhất trước',
    en: 'Cannot undo: the household or a person in it changed afterwards. Undo the latest change first',
  },
  GONE: {
    vi: 'Không hoàn tác được: một hồ sơ liên quan không còn nữa',
    en: 'Cannot undo: a record it touched no longer exists',
  },
};

/**
 * Undoes a change filed under this household: every household and person it touched must be in the caller's units
 * and untouched since; its writes are then replayed backwards in one transaction, and the change is marked undone.
 */
export async function undoChange(
  database: Database,
  scope: Scope,
  householdId: number,
  changeId: number,
  actor: Actor,
) {
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(registryChanges)
      .where(
        and(
          eq(registryChanges.id, changeId),
          sql`${registryChanges.householdIds} @> array[${householdId}]::int[]`,
          isNull(registryChanges.undoneAt),
        ),
      )
      .for('update');
    if (!(await findHouseholdInScope(tx, householdId, scope))) throw householdNotFound();
    if (!row) throw conflict(undoRefused.UNDONE);
    // Lock every record first (in id order), then compare versions: nothing may slip in between.
    for (const id of [...row.householdIds].sort((a, b) => a - b)) {
      if (!(await lockHousehold(tx, id, scope))) throw forbidden(outsideScope);
    }
    for (const id of [...row.residentIds].sort((a, b) => a - b)) {
      if (!(await lockResident(tx, id, scope))) throw forbidden(outsideScope);
    }
    const blocked = blockedBy(row, await currentVersions(tx, [row]));
    if (blocked) throw conflict(undoRefused[blocked]);
    const writes = row.writes as Write[];
    // Undoing a correction of an ID number fails if another person has been given that number since.
    for (const w of [...writes].reverse()) await unlessTaken(reverseWrite(tx, w), () => conflict(undoRefused.TAKEN));
    const removed = (op: Write['op']) => new Set(writes.filter((w) => w.op === op).map((w) => w.id));
    const goneH = removed('household.insert');
    const goneR = removed('resident.insert');
    await restoreVersions(tx, row.versionsAfter as Versions, { households: goneH, residents: goneR });
    await tx
      .update(registryChanges)
      .set({ undoneAt: sql`now()`, undoneBy: actor.username })
      .where(eq(registryChanges.id, changeId));
    await insertAudit(tx, actor, {
      action: 'household.undo',
      entityType: 'household',
      entityId: householdId,
      details: { changeId, kind: row.kind },
    });
    return { changeId, householdId: goneH.has(householdId) ? null : householdId };
  });
}

const outsideScope = {
  vi: 'Thay đổi này chạm đến hộ hoặc người ngoài địa bàn của bạn',
  en: 'This change touched households or people outside your units',
};
