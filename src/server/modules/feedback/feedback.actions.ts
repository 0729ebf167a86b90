import { eq, sql } from 'drizzle-orm';
import {
  availableTicketActions,
  type AnswerState,
  type StaffTicketAction,
  TicketStatus,
} from '../../../shared/feedback.js';
import type { Tx } from '../../db/client.js';
import { tickets } from '../../db/schema/index.js';
import { pathWithin, type Scope } from '../../db/scope.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, AuthContext } from '../../lib/auth-context.js';
import { AppError, conflict, forbidden, validation } from '../../lib/errors.js';
import { insertAudit } from '../audit/audit.repo.js';
import { loadExceptions } from '../calendar/calendar.repo.js';
import { localParts } from '../calendar/working-days.js';
import { workingMinutesBetween } from '../calendar/working-hours.js';
import {
  canProcessAt,
  getTicket,
  insertTicketEvent,
  type TicketRow,
  type TicketWithNames,
  ticketInScope,
  unitById,
} from './feedback.repo.js';
import { loadFeedbackSettings } from './feedback.settings.js';
import { actionsFor, presentDetail, type ReadContext, readContext } from './feedback.service.js';

/** What the citizen is told about, by the notify job (ZALO owns the worker). */
export type NotifyKind = 'RECEIVED' | 'ANSWERED' | 'REJECTED' | 'EXTENDED';
type Notify = { ticketId: number; kind: NotifyKind };

export type Staff = { userId: number; auth: AuthContext; actor: Actor };
type EventInput = Omit<Parameters<typeof insertTicketEvent>[1], 'ticketId'> & { ticketId?: number };

/** What an action changes: the ticket's columns, its journal lines, what the citizen is told, the audit's details. */
export type Change = {
  set: Partial<typeof tickets.$inferInsert>;
  events: EventInput[];
  notify?: Notify[];
  details?: Record<string, unknown>;
};

const statusNames: Record<TicketStatus, { vi: string; en: string }> = {
  RECEIVED: { vi: 'Mới tiếp nhận', en: 'Received' },
  ACCEPTED: { vi: 'Đã tiếp nhận xử lý', en: 'Accepted' },
  REJECTED: { vi: 'Từ chối tiếp nhận', en: 'Rejected' },
  ASSIGNED: { vi: 'Đang xử lý', en: 'Assigned' },
  TRANSFERRED: { vi: 'Đã chuyển đơn vị khác', en: 'Transferred' },
  ANSWERED: { vi: 'Đã trả lời', en: 'Answered' },
  CLOSED: { vi: 'Đã đóng', en: 'Closed' },
};

const notAllowedNow = (action: string, status: TicketStatus) =>
  new AppError('CONFLICT', 409, {
    vi: `Không thể thực hiện thao tác này khi phản ánh đang ở trạng thái "${statusNames[status].vi}"`,
    en: `This action (${action}) is not possible while the ticket is "${statusNames[status].en}"`,
  });

/** Throws unless the caller may take `action` on the ticket now: 403 for the role, 409 for the state or a stale screen. */
function checkAllowed(by: Staff, row: TicketWithNames, action: StaffTicketAction, version: number | undefined) {
  if (!actionsFor(by.auth, row).includes(action)) {
    const t = row.ticket;
    const anyone = availableTicketActions(
      {
        status: t.status as TicketStatus,
        answerState: t.answerState as AnswerState | null,
        mergedIntoId: t.mergedIntoId,
        abuseAt: t.abuseAt,
        extensionRequestedUntil: t.extensionRequestedUntil,
        publishable: t.publishable,
        publishedAt: t.publishedAt,
      },
      { process: true, approve: true },
    );
    if (anyone.includes(action))
      throw new AppError('FORBIDDEN', 403, {
        vi: 'Vai trò của bạn không được thực hiện thao tác này',
        en: 'Your role cannot take this action',
      });
    throw notAllowedNow(action, t.status as TicketStatus);
  }
  if (version !== undefined && version !== row.ticket.version)
    throw conflict({
      vi: 'Phản ánh vừa được người khác cập nhật; hãy tải lại trang',
      en: 'Someone else just changed this ticket; reload the page',
    });
}

/**
 * Takes one staff action on a ticket in the caller's units, in one transaction with the row locked: the allowed
 * actions decide (403/409), the version guards against a stale screen, `apply` says what changes; the ticket's
 * version is bumped, each journal line written, the change audited. The citizen's notices are queued after the
 * commit (the job queue does not share the transaction), and the ticket is returned as the caller now sees it.
 */
export async function takeTicketAction(
  deps: Pick<AppDeps, 'database' | 'cipher' | 'config' | 'jobs'>,
  scope: Scope,
  id: number,
  action: StaffTicketAction,
  input: { version?: number },
  by: Staff,
  apply: (tx: Tx, row: TicketWithNames, now: Date, ctx: ReadContext) => Promise<Change>,
) {
  const db = deps.database.db;
  const notify = await db.transaction(async (tx) => {
    const ctx = await readContext(tx);
    const row = await getTicket(tx, ticketInScope(id, scope), ctx, true);
    checkAllowed(by, row, action, input.version);
    const change = await apply(tx, row, ctx.now, ctx);
    const t = row.ticket;
    if (Object.keys(change.set).length > 0 || action !== 'note') {
      await tx
        .update(tickets)
        .set({ ...change.set, version: sql`${tickets.version} + 1`, updatedAt: ctx.now })
        .where(eq(tickets.id, t.id));
    }
    for (const e of change.events)
      await insertTicketEvent(tx, {
        at: ctx.now,
        actorId: by.userId,
        actorKind: 'STAFF',
        ...e,
        ticketId: e.ticketId ?? t.id,
      });
    await insertAudit(tx, by.actor, {
      action: `ticket.${action}`,
      entityType: 'ticket',
      entityId: t.id,
      details: { code: t.code, from: t.status, to: change.set.status ?? t.status, ...change.details },
    });
    return change.notify ?? [];
  });
  for (const n of notify) await deps.jobs.send('feedback.notify', n);
  const row = await getTicket(db, eq(tickets.id, id), await readContext(db));
  return presentDetail(db, deps, by.auth, row);
}

/** A status change's journal line: public (shown on the citizen's status page) unless said otherwise. */
const statusEvent = (from: string, to: string, extra: Partial<EventInput> = {}): EventInput => ({
  kind: 'STATUS',
  fromStatus: from,
  toStatus: to,
  public: true,
  ...extra,
});

export const accept = (): ((tx: Tx, row: TicketWithNames, now: Date) => Promise<Change>) => async (_tx, row, now) => ({
  set: { status: TicketStatus.ACCEPTED, acceptedAt: row.ticket.acceptedAt ?? now },
  events: [statusEvent(row.ticket.status, TicketStatus.ACCEPTED)],
});

export const reject =
  (reason: string) =>
  async (_tx: Tx, row: TicketWithNames): Promise<Change> => ({
    set: { status: TicketStatus.REJECTED, rejectReason: reason },
    events: [statusEvent(row.ticket.status, TicketStatus.REJECTED, { body: reason })],
    notify: [{ ticketId: row.ticket.id, kind: 'REJECTED' }],
  });

const notAnOfficer = () =>
  validation([
    {
      field: 'assigneeId',
      code: 'NOT_AN_OFFICER',
      message: {
        vi: 'Người được giao phải là cán bộ xử lý phản ánh của đơn vị này',
        en: 'The assignee must be able to process tickets of this unit',
      },
    },
  ]);

export const assign =
  (assigneeId: number) =>
  async (tx: Tx, row: TicketWithNames, now: Date): Promise<Change> => {
    if (!(await canProcessAt(tx, assigneeId, row.unitPath))) throw notAnOfficer();
    const t = row.ticket;
    return {
      set: { status: TicketStatus.ASSIGNED, assigneeId, acceptedAt: t.acceptedAt ?? now },
      events: [
        statusEvent(t.status, TicketStatus.ASSIGNED, {
          public: t.status !== TicketStatus.ASSIGNED,
          data: { assigneeId },
        }),
      ],
      details: { assigneeId },
    };
  };

/** To another unit of the same commune that the caller works for; the receiving unit assigns it. */
export const transfer =
  (scope: Scope, input: { unitId: number; note: string }) =>
  async (tx: Tx, row: TicketWithNames): Promise<Change> => {
    const t = row.ticket;
    const [target, commune] = [await unitById(tx, input.unitId), await unitById(tx, t.communeId)];
    if (!target || target.closedAt || !target.path.startsWith(commune!.path) || target.id === t.unitId) {
      throw validation([
        {
          field: 'unitId',
          code: 'UNIT_INVALID',
          message: {
            vi: 'Chỉ chuyển được sang một đơn vị khác đang hoạt động của cùng xã, phường',
            en: 'A ticket moves only to another open unit of the same commune',
          },
        },
      ]);
    }
    if (!pathWithin(target.path, scope))
      throw forbidden({
        vi: 'Bạn chỉ chuyển được phản ánh sang đơn vị mình phụ trách',
        en: 'You may transfer only to a unit you work for',
      });
    return {
      set: { status: TicketStatus.TRANSFERRED, unitId: target.id, assigneeId: null },
      events: [
        statusEvent(t.status, TicketStatus.TRANSFERRED, {
          public: false,
          body: input.note,
          fromUnitId: t.unitId,
          toUnitId: target.id,
        }),
      ],
      details: { fromUnit: t.unitId, toUnit: target.id },
    };
  };

/**
 * The answer goes out: ANSWERED, on time frozen at the first answer against the due date in force, the citizen told;
 * every duplicate merged into this ticket follows the same answer, and its own citizen is told too.
 */
export async function sendAnswer(
  tx: Tx,
  t: TicketRow,
  now: Date,
  answer: { text: string; links: { label: string; href: string }[]; by: number | null },
  actorId: number,
): Promise<Change> {
  const set = await answeredSet(tx, t, now, answer);
  const notify: Notify[] = [{ ticketId: t.id, kind: 'ANSWERED' }];
  const duplicates = await tx.select().from(tickets).where(eq(tickets.mergedIntoId, t.id));
  for (const d of duplicates) notify.push(...(await followAnswer(tx, d, now, answer, actorId, t.code)));
  return {
    set,
    events: [
      { kind: 'ANSWER_SENT', fromStatus: t.status, toStatus: TicketStatus.ANSWERED, public: true, body: answer.text },
    ],
    notify,
  };
}

/**
 * Working minutes from receipt to the first answer (the measures' time to answer), frozen there as `on_time` is: a
 * reopened ticket's second answer keeps the first one's.
 */
async function answerMinutes(tx: Tx, t: TicketRow, now: Date): Promise<number> {
  if (t.answerWorkingMinutes !== null) return t.answerWorkingMinutes;
  const from = localParts(t.receivedAt).day;
  const days = Math.ceil((now.getTime() - t.receivedAt.getTime()) / 86_400_000) + 2;
  return workingMinutesBetween(t.receivedAt, now, await loadExceptions(tx, from, days));
}

async function answeredSet(
  tx: Tx,
  t: TicketRow,
  now: Date,
  answer: { text: string; links: { label: string; href: string }[]; by: number | null },
): Promise<Partial<typeof tickets.$inferInsert>> {
  return {
    status: TicketStatus.ANSWERED,
    answerState: 'SENT',
    answer: answer.text,
    answerLinks: answer.links,
    answeredAt: now,
    answeredBy: answer.by,
    onTime: t.onTime ?? now.getTime() <= (t.extendedDueAt ?? t.dueAt).getTime(),
    answerWorkingMinutes: await answerMinutes(tx, t, now),
  };
}

/** A duplicate takes its target's answer (in its own journal, with its own on-time), and its citizen is told. */
export async function followAnswer(
  tx: Tx,
  d: TicketRow,
  now: Date,
  answer: { text: string; links: { label: string; href: string }[]; by: number | null },
  actorId: number,
  targetCode: string,
): Promise<Notify[]> {
  if (d.status === TicketStatus.REJECTED) return [];
  await tx
    .update(tickets)
    .set({ ...(await answeredSet(tx, d, now, answer)), version: sql`${tickets.version} + 1`, updatedAt: now })
    .where(eq(tickets.id, d.id));
  await insertTicketEvent(tx, {
    ticketId: d.id,
    at: now,
    kind: 'ANSWER_SENT',
    fromStatus: d.status,
    toStatus: TicketStatus.ANSWERED,
    actorId,
    public: true,
    body: answer.text,
    data: { via: targetCode },
  });
  return [{ ticketId: d.id, kind: 'ANSWERED' }];
}

/** Draft, submit for approval (where the commune requires it) or send straight away. */
export const answer =
  (input: { answer: string; links: { label: string; href: string }[]; submit: boolean }, userId: number) =>
  async (tx: Tx, row: TicketWithNames, now: Date): Promise<Change> => {
    const t = row.ticket;
    const draft = { answer: input.answer, answerLinks: input.links, answeredBy: userId };
    if (!input.submit)
      return { set: { ...draft, answerState: 'DRAFT' }, events: [{ kind: 'ANSWER_DRAFTED', body: input.answer }] };
    const settings = await loadFeedbackSettings(tx, t.communeId);
    if (settings.approvalRequired)
      return {
        set: { ...draft, answerState: 'PENDING' },
        events: [{ kind: 'ANSWER_SUBMITTED', body: input.answer }],
      };
    return sendAnswer(tx, t, now, { text: input.answer, links: input.links, by: userId }, userId);
  };

export const approveAnswer =
  (userId: number) =>
  async (tx: Tx, row: TicketWithNames, now: Date): Promise<Change> => {
    const t = row.ticket;
    const change = await sendAnswer(
      tx,
      t,
      now,
      { text: t.answer ?? '', links: t.answerLinks, by: t.answeredBy },
      userId,
    );
    return { ...change, details: { approvedBy: userId } };
  };

export const returnAnswer = (note: string) => async (): Promise<Change> => ({
  set: { answerState: 'DRAFT' },
  events: [{ kind: 'ANSWER_RETURNED', body: note }],
});

export const close =
  () =>
  async (_tx: Tx, row: TicketWithNames, now: Date): Promise<Change> => ({
    set: { status: TicketStatus.CLOSED, closedAt: now },
    events: [statusEvent(row.ticket.status, TicketStatus.CLOSED)],
  });
