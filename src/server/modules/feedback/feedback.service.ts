import { and, eq, sql } from 'drizzle-orm';
import {
  type AnswerState,
  availableTicketActions,
  defaultFeedbackSettings,
  type TicketChannel,
  type TicketRating,
  type TicketSeverity,
  type TicketStatus,
} from '../../../shared/feedback.js';
import { Permission } from '../../../shared/permissions.js';
import type { Database, Tx } from '../../db/client.js';
import { feedbackSettings, tickets, units } from '../../db/schema/index.js';
import { pathAlongScope, type Scope } from '../../db/scope.js';
import type { AppDeps } from '../../deps.js';
import { type Actor, type AuthContext, scopeOf } from '../../lib/auth-context.js';
import { notFound, validation } from '../../lib/errors.js';
import { insertAudit, searchForAudit } from '../audit/audit.repo.js';
import { loadExceptions } from '../calendar/calendar.repo.js';
import { localParts } from '../calendar/working-days.js';
import { addWorkingHours } from '../calendar/working-hours.js';
import { createTicket } from './feedback.intake.js';
import {
  type DueSoonLimits,
  duplicatesOf,
  eventsOf,
  fileOf,
  filesOf,
  getTicket,
  listTickets,
  processorsOf,
  type TicketWithNames,
  ticketInScope,
} from './feedback.repo.js';
import type { CreateTicketInput, TicketDetail, TicketListQuery, TicketSummary } from './feedback.schemas.js';

// Reading tickets on the staff side: the queue's views, a ticket's detail (its reading audited like a person's
// record), recording one for a caller at the counter or on the hotline.

/** When "due soon" ends for each due-soon setting in use (the default and every commune's own), from the calendar. */
export async function dueSoonLimits(db: Tx, now: Date): Promise<DueSoonLimits> {
  const rows = await db.selectDistinct({ h: feedbackSettings.dueSoonHours }).from(feedbackSettings);
  const exceptions = await loadExceptions(db, localParts(now).day);
  const defaultHours = defaultFeedbackSettings.dueSoonHours;
  const byHours = new Map<number, Date>();
  for (const h of new Set([defaultHours, ...rows.map((r) => r.h)])) byHours.set(h, addWorkingHours(now, h, exceptions));
  return { byHours, defaultHours };
}

export type ReadContext = { now: Date; dueSoon: DueSoonLimits };
export const readContext = async (db: Tx, now = new Date()): Promise<ReadContext> => ({
  now,
  dueSoon: await dueSoonLimits(db, now),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSummary(row: TicketWithNames): TicketSummary {
  const t = row.ticket;
  return {
    id: t.id,
    code: t.code,
    title: t.title,
    status: t.status as TicketStatus,
    severity: t.severity as TicketSeverity,
    channel: t.channel as TicketChannel,
    categoryId: t.categoryId,
    categoryName: row.categoryName,
    categoryNameEn: row.categoryNameEn,
    unitId: t.unitId,
    unitName: row.unitName,
    assigneeId: t.assigneeId,
    assigneeName: row.assigneeName,
    receivedAt: t.receivedAt.toISOString(),
    dueAt: (t.extendedDueAt ?? t.dueAt).toISOString(),
    overdue: Boolean(row.overdue),
    dueSoon: Boolean(row.dueSoon),
    answerState: t.answerState as AnswerState | null,
    rating: t.rating as TicketRating | null,
    mergedIntoId: t.mergedIntoId,
    version: t.version,
  };
}

/** What the caller may do on a ticket: the workflow ∩ the permissions they hold on its unit ∩ its state. */
export function actionsFor(auth: AuthContext, row: TicketWithNames) {
  const on = (p: Permission) => scopeOf(auth, p).prefixes.some((prefix) => row.unitPath.startsWith(prefix));
  const t = row.ticket;
  return availableTicketActions(
    {
      status: t.status as TicketStatus,
      answerState: t.answerState as AnswerState | null,
      mergedIntoId: t.mergedIntoId,
      abuseAt: t.abuseAt,
      extensionRequestedUntil: t.extensionRequestedUntil,
      publishable: t.publishable,
      publishedAt: t.publishedAt,
    },
    { process: on(Permission.FEEDBACK_PROCESS), approve: on(Permission.FEEDBACK_APPROVE) },
  );
}

/** The whole ticket for a staff screen: the sender's contact in full, its journal, files, duplicates and actions. */
export async function presentDetail(
  db: Tx,
  deps: Pick<AppDeps, 'cipher' | 'config'>,
  auth: AuthContext,
  row: TicketWithNames,
): Promise<TicketDetail> {
  const t = row.ticket;
  const [events, files, merged] = [await eventsOf(db, t.id), await filesOf(db, t.id), await duplicatesOf(db, t.id)];
  return {
    ...presentSummary(row),
    body: t.body,
    address: t.address,
    lat: t.lat,
    lng: t.lng,
    locationUnitId: t.locationUnitId,
    locationUnitName: row.locationUnitName,
    publishable: t.publishable,
    senderName: t.senderName,
    senderPhone: t.senderPhoneEnc ? deps.cipher.decrypt(t.senderPhoneEnc) : null,
    senderEmail: t.senderEmail,
    language: t.language,
    acceptDueAt: t.acceptDueAt.toISOString(),
    acceptedAt: iso(t.acceptedAt),
    extendedDueAt: iso(t.extendedDueAt),
    extensionRequestedUntil: iso(t.extensionRequestedUntil),
    extensionReason: t.extensionReason,
    answeredAt: iso(t.answeredAt),
    closedAt: iso(t.closedAt),
    onTime: t.onTime,
    rejectReason: t.rejectReason,
    answer: t.answer,
    answerLinks: t.answerLinks,
    answeredBy: t.answeredBy,
    publishedAt: iso(t.publishedAt),
    publicTitle: t.publicTitle,
    publicBody: t.publicBody,
    publicAnswer: t.publicAnswer,
    ratingComment: t.ratingComment,
    ratedAt: iso(t.ratedAt),
    reopenCount: t.reopenCount,
    abuseAt: iso(t.abuseAt),
    lookupUrl: `${deps.config.publicUrl}/q/${t.lookupToken}`,
    files,
    events: events.map((e) => ({
      ...e,
      at: e.at.toISOString(),
      actorKind: e.actorKind as 'STAFF' | 'CITIZEN' | 'SYSTEM',
    })),
    merged,
    actions: actionsFor(auth, row),
  };
}

/** A page of a view in the caller's units; the reading of a list of people's questions is recorded. */
export async function listQueue(
  db: Tx,
  scope: Scope,
  query: TicketListQuery,
  by: { userId: number; actor: Actor; now?: Date },
) {
  const ctx = { userId: by.userId, ...(await readContext(db, by.now)) };
  const { rows, total } = await listTickets(db, scope, query, ctx);
  const { view, status, categoryId, unitId, severity, channel, page } = query;
  const filter = { view, status, categoryId, unitId, severity, channel, search: searchForAudit(query.q), page };
  // As auditListRead records lists of people: who, which list, with what filter (no typed number), how many rows.
  await insertAudit(db, by.actor, {
    action: 'ticket.list',
    details: {
      filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
      rows: rows.length,
    },
  });
  return { items: rows.map(presentSummary), total };
}

/** Opens a ticket in the caller's units; reading the sender's contact is recorded like opening a person's record. */
export async function readTicket(db: Tx, scope: Scope, id: number, actor: Actor) {
  const row = await getTicket(db, ticketInScope(id, scope), await readContext(db));
  await insertAudit(db, actor, {
    action: 'ticket.read',
    entityType: 'ticket',
    entityId: row.ticket.id,
    details: { code: row.ticket.code },
  });
  return row;
}

/** A ticket's file for staff (the ticket in the caller's units), its reading audited. */
export async function readTicketFile(db: Tx, scope: Scope, ids: { id: number; fileId: number }, actor: Actor) {
  const row = await getTicket(db, ticketInScope(ids.id, scope), await readContext(db));
  const file = await fileOf(db, row.ticket.id, ids.fileId);
  if (!file) throw notFound({ vi: 'Không tìm thấy tệp', en: 'File not found' });
  await insertAudit(db, actor, {
    action: 'ticket.file.read',
    entityType: 'ticket',
    entityId: row.ticket.id,
    details: { file: file.id },
  });
  return file;
}

/** Who may be assigned a ticket in the caller's units. */
export async function assigneesOf(db: Tx, scope: Scope, id: number) {
  const row = await getTicket(db, ticketInScope(id, scope), await readContext(db));
  // One line a person, though they may hold processing roles on several units above the ticket's.
  const seen = new Set<number>();
  return (await processorsOf(db, row.unitPath)).filter((p) => !seen.has(p.id) && seen.add(p.id));
}

/** A commune the caller works for (in their units, or the commune above their group): where they may record. */
export async function communeAlongScope(db: Tx, communeId: number, scope: Scope) {
  const [unit] = await db
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(and(eq(units.id, communeId), eq(units.tier, 'COMMUNE'), pathAlongScope(units.path, scope)));
  if (!unit) throw notFound({ vi: 'Không tìm thấy xã, phường', en: 'Commune not found' });
  return unit;
}

/**
 * Records a question taken at the counter or on the hotline on a person's behalf: filed through createTicket (the
 * category routes it), audited, and the sender is sent the code and the status link (the notify job's RECEIVED).
 * A retry with the same Idempotency-Key returns the ticket already made.
 */
export async function recordTicket(
  deps: Pick<AppDeps, 'database' | 'cipher' | 'jobs'>,
  scope: Scope,
  input: CreateTicketInput,
  by: { userId: number; actor: Actor; idempotencyKey?: string },
) {
  const { database } = deps;
  const created = await database.db.transaction(async (tx) => {
    const commune = await communeAlongScope(tx, input.communeId, scope);
    if (input.locationUnitId !== undefined) {
      const [place] = await tx
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.id, input.locationUnitId), sql`${units.path} like ${`${commune.path}%`}`));
      if (!place)
        throw validation([
          {
            field: 'locationUnitId',
            code: 'NOT_IN_COMMUNE',
            message: { vi: 'Địa bàn không thuộc xã, phường này', en: 'This place is not in the commune' },
          },
        ]);
    }
    const made = await createTicket(tx, deps, {
      communeId: commune.id,
      categoryId: input.categoryId,
      severity: input.severity,
      channel: input.channel,
      title: input.title,
      body: input.body,
      senderName: input.senderName || null,
      senderPhone: input.senderPhone || null,
      senderEmail: input.senderEmail ?? null,
      locationUnitId: input.locationUnitId ?? null,
      address: input.address || null,
      publishable: input.publishable,
      createdBy: by.userId,
      idempotency: by.idempotencyKey ? { key: by.idempotencyKey, scope: `staff:${by.userId}` } : undefined,
    });
    if (!made.repeated) {
      await insertAudit(tx, by.actor, {
        action: 'ticket.create',
        entityType: 'ticket',
        entityId: made.id,
        details: { code: made.code, channel: input.channel },
      });
    }
    return made;
  });
  if (!created.repeated) await deps.jobs.send('feedback.notify', { ticketId: created.id, kind: 'RECEIVED' });
  return created;
}

/** The ticket as its creator sees it straight after recording it (they may record for a commune above their group). */
export async function createdTicket(db: Database['db'], id: number) {
  return getTicket(db, eq(tickets.id, id), await readContext(db));
}
