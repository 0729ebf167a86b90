import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type TicketChannel, type TicketSeverity, TicketStatus, ticketCode } from '../../../shared/feedback.js';
import type { CitizenLanguage } from '../../../shared/languages.js';
import { foldText } from '../../../shared/text.js';
import { queryRows, type Tx } from '../../db/client.js';
import { ticketEvents, ticketFiles, tickets } from '../../db/schema/index.js';
import type { AppDeps } from '../../deps.js';
import { validation } from '../../lib/errors.js';
import { localParts } from '../calendar/working-days.js';
import { ensureCategories, loadFeedbackSettings, ticketDeadlines } from './feedback.settings.js';

/** A question or report as every intake hands it over: the public page, Zalo, the counter, the hotline, Open311. */
export type NewTicket = {
  communeId: number;
  /** The category by id (staff and the public page) or by code (Open311's service_code); else "Khác". */
  categoryId?: number;
  categoryCode?: string;
  /** Else the category's default. */
  severity?: TicketSeverity;
  channel: TicketChannel;
  title: string;
  body: string;
  locationUnitId?: number | null;
  address?: string | null;
  lat?: number | null;
  lng?: number | null;
  publishable?: boolean;
  senderName?: string | null;
  /** Already normalised (+84…). */
  senderPhone?: string | null;
  senderEmail?: string | null;
  /** The Zalo follower id of a message to the OA. */
  senderZalo?: string | null;
  citizenId?: number | null;
  language?: CitizenLanguage;
  /** The staff member who recorded it at the counter or on the hotline. */
  createdBy?: number | null;
  apiClientId?: number | null;
  idempotency?: { key: string; scope: string };
  files?: { fileName: string; mimeType: string; content: Buffer }[];
  receivedAt?: Date;
};

export type CreatedTicket = { id: number; code: string; lookupToken: string; status: TicketStatus; dueAt: Date };

export const newLookupToken = () => randomBytes(24).toString('base64url');

/** Gap-free per commune and local day, taken in the creating transaction (as dossier codes are). */
async function nextTicketNumber(tx: Tx, communeId: number, day: string): Promise<number> {
  const [row] = await queryRows<{ last: number }>(
    tx,
    sql`
    insert into ticket_sequences (commune_id, day, last) values (${communeId}, ${day}, 1)
    on conflict (commune_id, day) do update set last = ticket_sequences.last + 1
    returning last`,
  );
  return row!.last;
}

/**
 * Files a new ticket, whatever channel it came on: the category routes it (to a unit, and to a person at once when
 * the category names one), the severity sets both deadlines from the working calendar, the code is the next of the
 * commune's day. Runs inside the caller's transaction; the caller audits. A retry with the same idempotency key
 * returns the ticket already made.
 */
export async function createTicket(
  tx: Tx,
  deps: Pick<AppDeps, 'cipher'>,
  input: NewTicket,
): Promise<CreatedTicket & { repeated: boolean }> {
  if (input.idempotency) {
    const [prior] = await queryRows<CreatedTicket>(
      tx,
      sql`select id, code, lookup_token as "lookupToken", status, due_at as "dueAt" from tickets
          where commune_id = ${input.communeId} and idempotency_scope = ${input.idempotency.scope}
            and idempotency_key = ${input.idempotency.key}`,
    );
    if (prior) return { ...prior, dueAt: new Date(prior.dueAt), repeated: true };
  }
  const categories = await ensureCategories(tx, input.communeId);
  const category =
    input.categoryId !== undefined
      ? categories.find((c) => c.id === input.categoryId && c.active)
      : input.categoryCode !== undefined
        ? categories.find((c) => c.code === input.categoryCode && c.active)
        : (categories.find((c) => c.code === 'KHAC' && c.active) ?? categories.find((c) => c.active));
  if (!category) {
    throw validation([
      {
        field: input.categoryCode !== undefined ? 'service_code' : 'categoryId',
        code: 'CATEGORY_UNKNOWN',
        message: {
          vi: 'Lĩnh vực không có hoặc đã ngừng nhận phản ánh',
          en: 'This category does not exist or no longer takes questions',
        },
      },
    ]);
  }
  const settings = await loadFeedbackSettings(tx, input.communeId);
  const severity = input.severity ?? (category.defaultSeverity as TicketSeverity);
  const receivedAt = input.receivedAt ?? new Date();
  const { acceptDueAt, dueAt } = await ticketDeadlines(tx, settings, severity, receivedAt);
  const day = localParts(receivedAt).day;
  const code = ticketCode(day, await nextTicketNumber(tx, input.communeId, day));
  const lookupToken = newLookupToken();
  const assigneeId = category.routeUserId ?? null;
  const status = assigneeId ? TicketStatus.ASSIGNED : TicketStatus.RECEIVED;
  const { cipher } = deps;
  const [row] = await tx
    .insert(tickets)
    .values({
      code,
      lookupToken,
      communeId: input.communeId,
      unitId: category.routeUnitId ?? input.communeId,
      categoryId: category.id,
      severity,
      status,
      channel: input.channel,
      title: input.title,
      body: input.body,
      locationUnitId: input.locationUnitId ?? null,
      address: input.address ?? null,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      publishable: input.publishable ?? false,
      senderName: input.senderName ?? null,
      senderPhoneEnc: input.senderPhone ? cipher.encrypt(input.senderPhone) : null,
      senderPhoneBidx: input.senderPhone ? cipher.blindIndex(input.senderPhone, 'phone') : null,
      senderEmail: input.senderEmail ?? null,
      senderZaloEnc: input.senderZalo ? cipher.encrypt(input.senderZalo) : null,
      senderZaloBidx: input.senderZalo ? cipher.blindIndex(input.senderZalo, 'zalo') : null,
      citizenId: input.citizenId ?? null,
      language: input.language ?? 'vi',
      searchText: foldText(`${code} ${input.title} ${input.body} ${input.senderName ?? ''}`),
      assigneeId,
      createdBy: input.createdBy ?? null,
      receivedAt,
      acceptDueAt,
      acceptedAt: assigneeId ? receivedAt : null,
      dueAt,
      apiClientId: input.apiClientId ?? null,
      idempotencyKey: input.idempotency?.key ?? null,
      idempotencyScope: input.idempotency?.scope ?? null,
    })
    .returning({ id: tickets.id });
  const id = row!.id;
  const [event] = await tx
    .insert(ticketEvents)
    .values({
      ticketId: id,
      at: receivedAt,
      kind: 'CREATED',
      toStatus: status,
      actorId: input.createdBy ?? null,
      actorKind: input.createdBy ? 'STAFF' : 'CITIZEN',
      public: true,
      toUnitId: category.routeUnitId ?? input.communeId,
      data: { channel: input.channel, severity, categoryId: category.id, ...(assigneeId ? { assigneeId } : {}) },
    })
    .returning({ id: ticketEvents.id });
  if (input.files?.length) {
    await tx.insert(ticketFiles).values(
      input.files.map((f) => ({
        ticketId: id,
        eventId: event!.id,
        fileName: f.fileName,
        mimeType: f.mimeType,
        size: f.content.length,
        content: f.content,
      })),
    );
  }
  return { id, code, lookupToken, status, dueAt, repeated: false };
}
