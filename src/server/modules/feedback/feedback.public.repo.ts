import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, like, ne, type SQL, sql } from 'drizzle-orm';
import { foldText } from '../../../shared/text.js';
import { queryRows, type Tx } from '../../db/client.js';
import { auditLog, feedbackCategories, ticketEvents, ticketFiles, tickets, units } from '../../db/schema/index.js';
import { unitLabel } from '../units/units.labels.js';

/** SQL of the citizen's side of feedback: every query names the commune or the ticket's secret token. */

/** The residential groups, alleys and clusters of a commune still open, named with their thôn ("Ngõ 3 · Thôn Đông"). */
export async function listGroups(tx: Tx, communePath: string) {
  return tx
    .select({ id: units.id, name: unitLabel })
    .from(units)
    .where(and(like(units.path, `${communePath}%`), inArray(units.tier, ['COMMUNITY', 'ZONE']), isNull(units.closedAt)))
    .orderBy(asc(units.path));
}

/** Is this unit a group of the commune (where a citizen may say the problem is)? */
export async function isGroupOf(tx: Tx, communePath: string, unitId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), like(units.path, `${communePath}%`), inArray(units.tier, ['COMMUNITY', 'ZONE'])));
  return Boolean(row);
}

export async function findUnitPath(tx: Tx, id: number): Promise<string | undefined> {
  const [row] = await tx.select({ path: units.path }).from(units).where(eq(units.id, id));
  return row?.path;
}

/** Tickets filed today (from `since`) through the public page by one phone, in one commune. */
export async function countByPhone(tx: Tx, communeId: number, phoneBidx: string, since: Date): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from tickets
        where commune_id = ${communeId} and sender_phone_bidx = ${phoneBidx} and received_at >= ${since.toISOString()}
          and channel = 'WEB'`,
  );
  return row?.n ?? 0;
}

/** Submissions from one client address to one commune since `since`, counted from the audit log that records each. */
export async function countByAddress(tx: Tx, communeId: number, ip: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'feedback.public_submit'),
        gte(auditLog.at, since),
        eq(auditLog.ip, ip),
        sql`${auditLog.details}->>'communeId' = ${String(communeId)}`,
      ),
    );
  return row?.n ?? 0;
}

export async function findPriorSubmission(tx: Tx, communeId: number, scope: string, key: string) {
  const [row] = await tx
    .select({ id: tickets.id, code: tickets.code, lookupToken: tickets.lookupToken })
    .from(tickets)
    .where(and(eq(tickets.communeId, communeId), eq(tickets.idempotencyScope, scope), eq(tickets.idempotencyKey, key)));
  return row;
}

export async function findByToken(tx: Tx, token: string) {
  const [row] = await tx
    .select({ t: tickets, communeCode: units.code, communeName: units.name })
    .from(tickets)
    .innerJoin(units, eq(units.id, tickets.communeId))
    .where(eq(tickets.lookupToken, token));
  return row;
}

export async function findTicket(tx: Tx, id: number) {
  const [row] = await tx.select().from(tickets).where(eq(tickets.id, id));
  return row;
}

export async function findCategory(tx: Tx, id: number) {
  const [row] = await tx.select().from(feedbackCategories).where(eq(feedbackCategories.id, id));
  return row;
}

/** The journal as the citizen sees it: public entries only, never a note, oldest first. */
export async function publicEvents(tx: Tx, ticketId: number) {
  return tx
    .select({
      id: ticketEvents.id,
      at: ticketEvents.at,
      kind: ticketEvents.kind,
      toStatus: ticketEvents.toStatus,
      actorKind: ticketEvents.actorKind,
      body: ticketEvents.body,
    })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.public, true), ne(ticketEvents.kind, 'NOTE')))
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
}

export async function bumpTicket(tx: Tx, id: number, version: number, values: Partial<typeof tickets.$inferInsert>) {
  const rows = await tx
    .update(tickets)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(tickets.id, id), eq(tickets.version, version)))
    .returning({ id: tickets.id });
  return rows.length === 1;
}

export async function addEvent(tx: Tx, values: typeof ticketEvents.$inferInsert) {
  const [row] = await tx.insert(ticketEvents).values(values).returning({ id: ticketEvents.id });
  return row!.id;
}

/** What "Hỏi đáp" may show: published by an officer, in this commune, not marked as abuse. */
const published = (communeId: number) =>
  and(eq(tickets.communeId, communeId), isNotNull(tickets.publishedAt), isNull(tickets.abuseAt));

export type QaFilter = { q?: string; categoryId?: number; unitPath?: string; limit: number; offset: number };

export async function listPublished(tx: Tx, communeId: number, filter: QaFilter) {
  const where: (SQL | undefined)[] = [published(communeId)];
  for (const word of foldText(filter.q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)) {
    where.push(like(tickets.publicSearch, `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  }
  if (filter.categoryId) where.push(eq(tickets.categoryId, filter.categoryId));
  if (filter.unitPath) {
    where.push(sql`${tickets.locationUnitId} in (select id from units where path like ${`${filter.unitPath}%`})`);
  }
  const condition = and(...where);
  const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(tickets).where(condition);
  const rows = await publishedRows(tx)
    .where(condition)
    .orderBy(desc(tickets.publishedAt), desc(tickets.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return { rows, total: count?.n ?? 0 };
}

const publishedRows = (tx: Tx) =>
  tx
    .select({
      id: tickets.id,
      code: tickets.code,
      title: tickets.publicTitle,
      body: tickets.publicBody,
      answer: tickets.publicAnswer,
      answerLinks: tickets.answerLinks,
      categoryId: tickets.categoryId,
      unitName: unitLabel,
      receivedAt: tickets.receivedAt,
      answeredAt: tickets.answeredAt,
      publishedAt: tickets.publishedAt,
    })
    .from(tickets)
    .leftJoin(units, eq(units.id, tickets.locationUnitId))
    .$dynamic();

export async function findPublished(tx: Tx, communeId: number, id: number) {
  const [row] = await publishedRows(tx).where(and(published(communeId), eq(tickets.id, id)));
  return row;
}

/** The public files of these published tickets (an officer chose them when publishing). */
export async function publicFilesOf(tx: Tx, ticketIds: number[]) {
  if (ticketIds.length === 0) return [];
  return tx
    .select({
      id: ticketFiles.id,
      ticketId: ticketFiles.ticketId,
      fileName: ticketFiles.fileName,
      mimeType: ticketFiles.mimeType,
    })
    .from(ticketFiles)
    .where(and(inArray(ticketFiles.ticketId, ticketIds), eq(ticketFiles.public, true)))
    .orderBy(asc(ticketFiles.id));
}

/** A public file of a published ticket, or nothing. */
export async function findPublicFile(tx: Tx, id: number) {
  const [row] = await tx
    .select({ fileName: ticketFiles.fileName, mimeType: ticketFiles.mimeType, content: ticketFiles.content })
    .from(ticketFiles)
    .innerJoin(tickets, eq(tickets.id, ticketFiles.ticketId))
    .where(
      and(
        eq(ticketFiles.id, id),
        eq(ticketFiles.public, true),
        isNotNull(tickets.publishedAt),
        isNull(tickets.abuseAt),
      ),
    );
  return row;
}

export async function listCategories(tx: Tx, communeId: number) {
  return tx
    .select()
    .from(feedbackCategories)
    .where(eq(feedbackCategories.communeId, communeId))
    .orderBy(asc(feedbackCategories.sortOrder), asc(feedbackCategories.id));
}
