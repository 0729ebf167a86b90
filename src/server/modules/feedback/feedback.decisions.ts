import { and, eq, inArray, sql } from 'drizzle-orm';
import { TicketStatus } from '../../../shared/feedback.js';
import { foldText } from '../../../shared/text.js';
import type { Tx } from '../../db/client.js';
import { ticketFiles, tickets } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import { validation } from '../../lib/errors.js';
import { formatDateVi } from '../../lib/pdf.js';
import type { Change } from './feedback.actions.js';
import { followAnswer } from './feedback.actions.js';
import { getTicket, type TicketWithNames, ticketInScope } from './feedback.repo.js';
import type { PublicationInput } from './feedback.schemas.js';
import type { ReadContext } from './feedback.service.js';

// The steps beside a ticket's status: notes, extensions, merging duplicates, marking abuse, publishing on "Hỏi đáp".
// Each is an `apply` for takeTicketAction (one transaction, version, journal, audit).

export const note = (body: string) => async (): Promise<Change> => ({
  set: {},
  events: [{ kind: 'NOTE', body }],
});

/** An officer asks for more time: the date and the reason wait for a leader's decision. */
export const requestExtension =
  (input: { until: string; reason: string }) =>
  async (_tx: Tx, row: TicketWithNames, now: Date): Promise<Change> => {
    const t = row.ticket;
    const until = new Date(input.until);
    const current = t.extendedDueAt ?? t.dueAt;
    if (until.getTime() <= current.getTime() || until.getTime() <= now.getTime()) {
      throw validation([
        {
          field: 'until',
          code: 'NOT_LATER',
          message: {
            vi: `Hạn mới phải sau hạn hiện tại (${formatDateVi(current)})`,
            en: 'The new deadline must be after the current one',
          },
        },
      ]);
    }
    return {
      set: { extensionRequestedUntil: until, extensionReason: input.reason },
      events: [{ kind: 'EXTENSION_REQUESTED', body: input.reason, data: { until: until.toISOString() } }],
    };
  };

/** A leader grants the requested date (the citizen is told the new date) or refuses it (the old one stands). */
export const decideExtension =
  (input: { approve: boolean; note?: string }) =>
  async (_tx: Tx, row: TicketWithNames): Promise<Change> => {
    const t = row.ticket;
    const until = t.extensionRequestedUntil!;
    if (!input.approve)
      return {
        set: { extensionRequestedUntil: null },
        events: [{ kind: 'EXTENSION_DECIDED', body: input.note || null, data: { approved: false } }],
        details: { approved: false },
      };
    return {
      set: { extendedDueAt: until, extensionRequestedUntil: null },
      events: [
        {
          kind: 'EXTENSION_DECIDED',
          public: true,
          body: `Gia hạn thời hạn giải quyết đến ${formatDateVi(until)}${t.extensionReason ? `: ${t.extensionReason}` : ''}`,
          data: { approved: true, until: until.toISOString(), note: input.note ?? null },
        },
      ],
      notify: [{ ticketId: t.id, kind: 'EXTENDED' }],
      details: { approved: true, until: until.toISOString() },
    };
  };

/**
 * A duplicate is merged into another ticket of the same commune in the caller's units: it leaves the open lists and
 * follows that ticket's answer (at once when the target has been answered already). Duplicates merged into this one
 * move along to the target, so a chain never forms.
 */
export const merge =
  (scope: Scope, intoId: number, userId: number) =>
  async (tx: Tx, row: TicketWithNames, now: Date, ctx: ReadContext): Promise<Change> => {
    const t = row.ticket;
    const target = intoId === t.id ? undefined : await getTicket(tx, ticketInScope(intoId, scope), ctx, true);
    const into = target?.ticket;
    if (
      !into ||
      into.communeId !== t.communeId ||
      into.mergedIntoId !== null ||
      into.abuseAt !== null ||
      into.status === TicketStatus.REJECTED
    ) {
      throw validation([
        {
          field: 'intoId',
          code: 'MERGE_TARGET_INVALID',
          message: {
            vi: 'Chỉ gộp được vào một phản ánh khác của cùng xã, phường, chưa bị gộp, từ chối hay đánh dấu vi phạm',
            en: 'Merge only into another ticket of the same commune that is not merged, rejected or marked as abuse',
          },
        },
      ]);
    }
    await tx
      .update(tickets)
      .set({ mergedIntoId: into.id, version: sql`${tickets.version} + 1`, updatedAt: now })
      .where(eq(tickets.mergedIntoId, t.id));
    const events: Change['events'] = [
      { kind: 'MERGED', public: true, body: `Gộp vào phản ánh ${into.code}`, data: { into: into.id } },
      { ticketId: into.id, kind: 'MERGED', body: `Phản ánh ${t.code} được gộp vào đây`, data: { duplicate: t.id } },
    ];
    const answered = into.answerState === 'SENT' && (into.status === 'ANSWERED' || into.status === 'CLOSED');
    const notify = answered
      ? await followAnswer(
          tx,
          { ...t, mergedIntoId: into.id },
          now,
          { text: into.answer ?? '', links: into.answerLinks, by: into.answeredBy },
          userId,
          into.code,
        )
      : [];
    // followAnswer wrote the duplicate's answered columns; the merge itself is set here.
    return { set: { mergedIntoId: into.id }, events, notify, details: { into: into.id } };
  };

/** Hidden from every list and from "Hỏi đáp" (its files made private), kept for the record. */
export const markAbuse =
  (reason: string) =>
  async (tx: Tx, row: TicketWithNames, now: Date): Promise<Change> => {
    await tx.update(ticketFiles).set({ public: false }).where(eq(ticketFiles.ticketId, row.ticket.id));
    return { set: { abuseAt: now, publishedAt: null }, events: [{ kind: 'ABUSE', body: reason }] };
  };

/** Publishes the masked question and answer on "Hỏi đáp", with the files chosen; the others are made private. */
export const publish =
  (input: PublicationInput) =>
  async (tx: Tx, row: TicketWithNames, now: Date): Promise<Change> => {
    const t = row.ticket;
    const files = await tx.select({ id: ticketFiles.id }).from(ticketFiles).where(eq(ticketFiles.ticketId, t.id));
    const known = new Set(files.map((f) => f.id));
    const unknown = input.publicFileIds.filter((id) => !known.has(id));
    if (unknown.length)
      throw validation([
        {
          field: 'publicFileIds',
          code: 'UNKNOWN_FILE',
          message: { vi: 'Tệp không thuộc phản ánh này', en: 'A file does not belong to this ticket' },
        },
      ]);
    await tx.update(ticketFiles).set({ public: false }).where(eq(ticketFiles.ticketId, t.id));
    if (input.publicFileIds.length)
      await tx
        .update(ticketFiles)
        .set({ public: true })
        .where(and(eq(ticketFiles.ticketId, t.id), inArray(ticketFiles.id, input.publicFileIds)));
    return {
      set: {
        publishedAt: t.publishedAt ?? now,
        publicTitle: input.publicTitle,
        publicBody: input.publicBody,
        publicAnswer: input.publicAnswer,
        publicSearch: foldText(`${input.publicTitle} ${input.publicBody} ${input.publicAnswer}`),
      },
      events: [{ kind: 'PUBLISHED', data: { files: input.publicFileIds } }],
    };
  };

export const unpublish =
  () =>
  async (tx: Tx, row: TicketWithNames): Promise<Change> => {
    await tx.update(ticketFiles).set({ public: false }).where(eq(ticketFiles.ticketId, row.ticket.id));
    return { set: { publishedAt: null }, events: [{ kind: 'UNPUBLISHED' }] };
  };
