import { and, asc, desc, eq, inArray, isNotNull, isNull, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Role } from '../../../shared/enums.js';
import { finishedTicketStatuses, openTicketStatuses } from '../../../shared/feedback.js';
import { Permission, roleGrants, rolePermissions } from '../../../shared/permissions.js';
import { foldText } from '../../../shared/text.js';
import type { Tx } from '../../db/client.js';
import {
  feedbackCategories,
  feedbackSettings,
  roleAssignments,
  ticketEvents,
  ticketFiles,
  tickets,
  units,
  users,
} from '../../db/schema/index.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';
import type { TicketListQuery, TicketView } from './feedback.schemas.js';

// The SQL of the staff side of PAKN: every read carries the caller's units (ticket.unit_id in scope), so a ticket
// transferred to another unit leaves the old unit's lists by itself.

export type TicketRow = typeof tickets.$inferSelect;

const assignee = alias(users, 'assignee');
const locationUnit = alias(units, 'location_unit');

/** The due date in force: an approved extension's, else the first. */
export const dueInForce = sql<Date>`coalesce(${tickets.extendedDueAt}, ${tickets.dueAt})`;

/** When "due soon" ends, per due-soon setting (working hours from now): computed by the caller from the calendar. */
export type DueSoonLimits = { byHours: Map<number, Date>; defaultHours: number };

/** The end of the due-soon window of a ticket's commune (its own setting, else the default). */
function dueSoonEnd(limits: DueSoonLimits): SQL {
  const hours = sql`coalesce((select fs.due_soon_hours from ${feedbackSettings} fs where fs.commune_id = ${tickets.communeId}), ${limits.defaultHours})`;
  const cases = [...limits.byHours].map(([h, at]) => sql`when ${h} then ${at.toISOString()}::timestamptz`);
  return sql`(case ${hours} ${sql.join(cases, sql` `)} end)`;
}

const isOpen = and(
  inArray(tickets.status, [...openTicketStatuses]),
  isNull(tickets.mergedIntoId),
  isNull(tickets.abuseAt),
);

export type ListContext = { userId: number; now: Date; dueSoon: DueSoonLimits };

function viewCondition(view: TicketView, ctx: ListContext): SQL | undefined {
  const now = ctx.now.toISOString();
  switch (view) {
    case 'open':
      return isOpen;
    case 'mine':
      return and(isOpen, eq(tickets.assigneeId, ctx.userId));
    case 'due_soon':
      return and(isOpen, sql`${dueInForce} >= ${now}`, sql`${dueInForce} <= ${dueSoonEnd(ctx.dueSoon)}`);
    case 'overdue':
      return and(isOpen, sql`${dueInForce} < ${now}`);
    case 'approval':
      return and(
        isNull(tickets.mergedIntoId),
        isNull(tickets.abuseAt),
        inArray(tickets.status, [...openTicketStatuses]),
        or(eq(tickets.answerState, 'PENDING'), isNotNull(tickets.extensionRequestedUntil)),
      );
    case 'finished':
      return and(
        isNull(tickets.abuseAt),
        or(inArray(tickets.status, [...finishedTicketStatuses]), isNotNull(tickets.mergedIntoId)),
      );
    case 'abuse':
      return isNotNull(tickets.abuseAt);
  }
}

function listCondition(scope: Scope, query: TicketListQuery, ctx: ListContext) {
  const q = query.q?.trim();
  return and(
    unitInScope(tickets.unitId, scope),
    viewCondition(query.view, ctx),
    query.status ? eq(tickets.status, query.status) : undefined,
    query.categoryId ? eq(tickets.categoryId, query.categoryId) : undefined,
    // The unit and everything under it (a commune's list with its groups', or one group's).
    query.unitId
      ? sql`${tickets.unitId} in (select c.id from units c join units p on c.path like p.path || '%' where p.id = ${query.unitId})`
      : undefined,
    query.severity ? eq(tickets.severity, query.severity) : undefined,
    query.channel ? eq(tickets.channel, query.channel) : undefined,
    q
      ? sql`(${tickets.code} like ${`${q.toUpperCase()}%`} or ${tickets.searchText} like ${`%${foldText(q)}%`})`
      : undefined,
  );
}

/** The columns of a ticket with the names a screen shows beside it. */
const columns = (ctx: { now: Date; dueSoon: DueSoonLimits }) => ({
  ticket: tickets,
  categoryName: feedbackCategories.nameVi,
  categoryNameEn: feedbackCategories.nameEn,
  unitName: units.name,
  unitPath: units.path,
  assigneeName: assignee.fullName,
  locationUnitName: locationUnit.name,
  overdue: sql<boolean>`(${isOpen} and ${dueInForce} < ${ctx.now.toISOString()})`,
  dueSoon: sql<boolean>`(${isOpen} and ${dueInForce} >= ${ctx.now.toISOString()} and ${dueInForce} <= ${dueSoonEnd(ctx.dueSoon)})`,
});
export type TicketWithNames = {
  ticket: TicketRow;
  categoryName: string;
  categoryNameEn: string;
  unitName: string;
  unitPath: string;
  assigneeName: string | null;
  locationUnitName: string | null;
  overdue: boolean;
  dueSoon: boolean;
};

function selectTickets(db: Tx, ctx: { now: Date; dueSoon: DueSoonLimits }) {
  return db
    .select(columns(ctx))
    .from(tickets)
    .innerJoin(feedbackCategories, eq(feedbackCategories.id, tickets.categoryId))
    .innerJoin(units, eq(units.id, tickets.unitId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(locationUnit, eq(locationUnit.id, tickets.locationUnitId));
}

/** A page of a view in the caller's units, and how many match in all: open work by due date, the rest newest first. */
export async function listTickets(db: Tx, scope: Scope, query: TicketListQuery, ctx: ListContext) {
  const where = listCondition(scope, query, ctx);
  const byDue = ['open', 'mine', 'due_soon', 'overdue', 'approval'].includes(query.view);
  const rows = (await selectTickets(db, ctx)
    .where(where)
    .orderBy(...(byDue ? [asc(dueInForce), asc(tickets.id)] : [desc(tickets.receivedAt), desc(tickets.id)]))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)) as TicketWithNames[];
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(tickets).where(where);
  return { rows, total: count!.n };
}

/** A ticket by id inside the caller's units. */
export const ticketInScope = (id: number, scope: Scope) => and(eq(tickets.id, id), unitInScope(tickets.unitId, scope))!;

export async function findTicket(
  db: Tx,
  where: SQL,
  ctx: { now: Date; dueSoon: DueSoonLimits },
  lock = false,
): Promise<TicketWithNames | undefined> {
  const query = selectTickets(db, ctx).where(where);
  const [row] = (await (lock ? query.for('update', { of: tickets }) : query)) as TicketWithNames[];
  return row;
}

export async function getTicket(db: Tx, where: SQL, ctx: { now: Date; dueSoon: DueSoonLimits }, lock = false) {
  const row = await findTicket(db, where, ctx, lock);
  if (!row) throw notFound({ vi: 'Không tìm thấy phản ánh', en: 'Ticket not found' });
  return row;
}

const fromUnit = alias(units, 'from_unit');
const toUnit = alias(units, 'to_unit');

/** A ticket's journal, in order, with who acted and between which units. */
export async function eventsOf(db: Tx, ticketId: number) {
  return db
    .select({
      id: ticketEvents.id,
      at: ticketEvents.at,
      kind: ticketEvents.kind,
      fromStatus: ticketEvents.fromStatus,
      toStatus: ticketEvents.toStatus,
      actorName: users.fullName,
      actorKind: ticketEvents.actorKind,
      body: ticketEvents.body,
      public: ticketEvents.public,
      fromUnitName: fromUnit.name,
      toUnitName: toUnit.name,
    })
    .from(ticketEvents)
    .leftJoin(users, eq(users.id, ticketEvents.actorId))
    .leftJoin(fromUnit, eq(fromUnit.id, ticketEvents.fromUnitId))
    .leftJoin(toUnit, eq(toUnit.id, ticketEvents.toUnitId))
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
}

export async function filesOf(db: Tx, ticketId: number) {
  return db
    .select({
      id: ticketFiles.id,
      fileName: ticketFiles.fileName,
      mimeType: ticketFiles.mimeType,
      size: ticketFiles.size,
      public: ticketFiles.public,
    })
    .from(ticketFiles)
    .where(eq(ticketFiles.ticketId, ticketId))
    .orderBy(asc(ticketFiles.id));
}

export async function fileOf(db: Tx, ticketId: number, fileId: number) {
  const [file] = await db
    .select()
    .from(ticketFiles)
    .where(and(eq(ticketFiles.id, fileId), eq(ticketFiles.ticketId, ticketId)));
  return file;
}

/** The duplicates merged into a ticket. */
export async function duplicatesOf(db: Tx, ticketId: number) {
  return db
    .select({ id: tickets.id, code: tickets.code })
    .from(tickets)
    .where(eq(tickets.mergedIntoId, ticketId))
    .orderBy(asc(tickets.id));
}

export async function insertTicketEvent(tx: Tx, event: typeof ticketEvents.$inferInsert) {
  const [row] = await tx.insert(ticketEvents).values(event).returning({ id: ticketEvents.id });
  return row!.id;
}

const processingRoles = Object.entries(rolePermissions)
  .filter(([, perms]) => (perms as readonly string[]).includes(Permission.FEEDBACK_PROCESS))
  .map(([role]) => role);

/** Whether a user may process tickets of a unit: an enabled account holding a processing role on it or above it. */
export async function canProcessAt(tx: Tx, userId: number, unitPath: string): Promise<boolean> {
  const roles = await tx
    .select({ role: roleAssignments.role, path: units.path })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.userId, userId), isNull(users.disabledAt)));
  return roles.some((r) => unitPath.startsWith(r.path) && roleGrants(r.role as Role, Permission.FEEDBACK_PROCESS));
}

/** Who may be assigned a ticket of a unit: enabled accounts with a processing role on it or above it (not nation-wide). */
export async function processorsOf(db: Tx, unitPath: string) {
  return db
    .selectDistinct({ id: users.id, name: users.fullName, unitName: units.name })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(
      and(
        inArray(roleAssignments.role, processingRoles),
        sql`${unitPath} like ${units.path} || '%'`,
        isNull(users.disabledAt),
        notInArray(units.tier, ['NATION']),
      ),
    )
    .orderBy(users.fullName, users.id);
}

export async function unitById(db: Tx, id: number) {
  const [unit] = await db
    .select({ id: units.id, path: units.path, name: units.name, tier: units.tier, closedAt: units.closedAt })
    .from(units)
    .where(eq(units.id, id));
  return unit;
}
