import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Permission, rolePermissions } from '../../../shared/permissions.js';
import type { Database, Tx } from '../../db/client.js';
import { dossierFiles, roleAssignments, units, users } from '../../db/schema/index.js';
import { pathAlongScope, type Scope } from '../../db/scope.js';
import type { Actor, AuthContext } from '../../lib/auth-context.js';
import { notFound, validation } from '../../lib/errors.js';
import { paged } from '../../lib/http.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import { auditListRead, insertAudit, searchForAudit } from '../audit/audit.repo.js';
import { periodOf } from '../indicators/indicators.service.js';
import { getUnitPath } from '../units/units.service.js';
import { type ActingAs, takeAction } from './dossiers.actions.js';
import { actorsOn, presentDetail, presentSummary } from './dossiers.present.js';
import {
  countDossiers,
  type DossierWithNames,
  eventsOf,
  filesOf,
  getDossier,
  inScope,
  listDossiers,
} from './dossiers.repo.js';
import type { QueueQuery } from './dossiers.schemas.js';
import { checkDocument, storeFile } from './dossiers.uploads.js';
import { withPapers } from './dossiers.papers.js';

// The one-stop officers' side of a dossier: reading it (audited), assigning many at once, its papers, and who may
// receive or be assigned it.

/** A work queue's page (to receive, mine, due soon, overdue…) in the caller's units, or under one of them. */
export async function listQueue(
  db: Tx,
  scope: Scope,
  query: QueueQuery,
  by: { userId: number; actor: Actor; locale: 'vi' | 'en' },
) {
  if (query.unit) await getUnitPath(db, query.unit, scope);
  if (query.indicator) periodOf(query);
  const who = { userId: by.userId, now: new Date() };
  const rows = await listDossiers(db, scope, query, who);
  const { queue, unit, procedure, status, page: pageNo, indicator, from, to } = query;
  const filter = { queue, unit, procedure, status, indicator, from, to, search: searchForAudit(query.q), page: pageNo };
  await auditListRead(db, by.actor, 'dossier', filter, Math.min(rows.length, query.limit));
  const locale = by.locale;
  const page = paged(rows, query);
  const total = indicator ? await countDossiers(db, scope, query, who) : undefined;
  return { ...page, items: page.items.map((row) => presentSummary(row, locale)), total };
}

/** A dossier with its history, papers and the actions this staff member may take. */
export async function detailOf(
  db: Tx,
  cipher: PiiCipher,
  auth: AuthContext,
  row: DossierWithNames,
  locale: 'vi' | 'en',
) {
  const [events, files] = [await eventsOf(db, row.dossier.id), await filesOf(db, row.dossier.id)];
  return withPapers(db, row, presentDetail(row, events, files, cipher, actorsOn(auth, row.unitPath), locale), locale);
}

/**
 * Opens a dossier in the caller's units; reading the applicant's details is recorded like opening a person's record.
 */
export async function readDossier(db: Tx, scope: Scope, id: number, actor: Actor) {
  const row = await getDossier(db, inScope(id, scope));
  await insertAudit(db, actor, {
    action: 'dossier.read',
    entityType: 'dossier',
    entityId: row.dossier.id,
    details: { code: row.dossier.code },
  });
  return row;
}

/**
 * Assigns several dossiers to one officer, each as it is now (a bulk action has no screen version to check) and
 * each on its own: one refused (closed, outside the caller's units) does not stop the others.
 */
export async function assignMany(
  database: Database,
  scope: Scope,
  input: { ids: number[]; assigneeId: number },
  by: ActingAs,
  locale: 'vi' | 'en',
) {
  const assigned: string[] = [];
  const refused: { id: number; detail: string }[] = [];
  for (const id of input.ids) {
    try {
      const row = await takeAction(
        database,
        inScope(id, scope),
        { action: 'ASSIGN', assigneeId: input.assigneeId },
        by,
      );
      assigned.push(row.dossier.code);
    } catch (error) {
      const e = error as { messages?: { vi: string; en: string } };
      if (!e.messages) throw error;
      refused.push({ id, detail: e.messages[locale] });
    }
  }
  return { assigned, refused };
}

/** A scan of a paper, or the result, attached by staff to a dossier in their units (type checked by content). */
export async function attachFile(
  database: Database,
  scope: Scope,
  id: number,
  upload: { buffer: Buffer; fileName: string; kind: 'SCAN' | 'RESULT'; label?: string; paper?: number },
  userId: number,
  actor: Actor,
) {
  const found = await getDossier(database.db, inScope(id, scope));
  if (upload.paper !== undefined && (upload.kind === 'RESULT' || !found.documents[upload.paper])) {
    throw validation([
      {
        field: 'paper',
        code: 'UNKNOWN_PAPER',
        message: { vi: 'Thủ tục này không có giấy tờ này', en: 'This procedure has no such paper' },
      },
    ]);
  }
  const mime = await checkDocument(upload.buffer);
  const file = await database.db.transaction(async (tx) => {
    const stored = await storeFile(
      tx,
      { buffer: upload.buffer, fileName: upload.fileName, mime },
      {
        dossierId: found.dossier.id,
        kind: upload.kind,
        label: upload.label,
        paper: upload.paper,
        uploadedBy: userId,
      },
    );
    await insertAudit(tx, actor, {
      action: 'dossier.file',
      entityType: 'dossier',
      entityId: found.dossier.id,
      details: { file: stored.id, kind: upload.kind, ...(upload.paper !== undefined ? { paper: upload.paper } : {}) },
    });
    return stored;
  });
  return { ...file, kind: file.kind as 'SCAN' | 'RESULT', createdAt: file.createdAt.toISOString() };
}

/** A paper of a dossier in the caller's units, its reading audited. */
export async function readFile(db: Tx, scope: Scope, ids: { id: number; fileId: number }, actor: Actor) {
  const found = await getDossier(db, inScope(ids.id, scope));
  const [file] = await db
    .select()
    .from(dossierFiles)
    .where(and(eq(dossierFiles.id, ids.fileId), eq(dossierFiles.dossierId, found.dossier.id)));
  if (!file) throw notFound({ vi: 'Không tìm thấy tệp', en: 'File not found' });
  await insertAudit(db, actor, {
    action: 'dossier.file.read',
    entityType: 'dossier',
    entityId: found.dossier.id,
    details: { file: file.id },
  });
  return file;
}

/** The open communes a staff member may submit to at the counter: theirs, or the one above their group. */
export async function counterUnits(db: Tx, scope: Scope) {
  return db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(and(eq(units.tier, 'COMMUNE'), isNull(units.closedAt), pathAlongScope(units.path, scope)))
    .orderBy(units.name)
    .limit(500);
}

/** Who may be assigned a commune's dossiers: enabled accounts holding a processing role on it or above it. */
export async function officersOf(db: Tx, scope: Scope, unitId: number) {
  const path = await getUnitPath(db, unitId, scope);
  const processing = Object.entries(rolePermissions)
    .filter(([, perms]) => (perms as readonly string[]).includes(Permission.DOSSIER_PROCESS))
    .map(([role]) => role);
  return db
    .selectDistinct({ id: users.id, fullName: users.fullName, username: users.username })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(
      and(
        inArray(roleAssignments.role, processing),
        sql`${path} like ${units.path} || '%'`,
        isNull(users.disabledAt),
        sql`${units.tier} <> 'NATION'`,
      ),
    )
    .orderBy(users.fullName);
}
