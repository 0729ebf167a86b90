import { sql } from 'drizzle-orm';
import { finishedTicketStatuses, TicketChannel } from '../../../shared/feedback.js';
import { isCitizenLanguage } from '../../../shared/languages.js';
import { queryRows, type Tx } from '../../db/client.js';
import { mailOutbox, ticketEvents } from '../../db/schema/index.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { createTicket } from './feedback.intake.js';
import { loadFeedbackSettings } from './feedback.settings.js';

/**
 * A citizen's message to the commune's Zalo OA becoming a question (phản ánh, kiến nghị), or joining the sender's
 * open one. Called from the verified webhook (announcements/zalo.ts) inside the transaction that records the event
 * once, so a repeated delivery of the same `msg_id` never files a second ticket. The reply on Zalo (the code and the
 * status link) is the `feedback.notify` job the caller queues after the commit.
 *
 * Attachments (docs/decisions.md, "Zalo messages to the OA"): an image, file, audio or video is NOT fetched — the
 * server makes no outbound request to an address a message names. Its https address on Zalo's own CDN is kept as a
 * link in the message, for the officer to open; any other address is dropped. A shared location becomes the
 * ticket's map point.
 */
export type ZaloMessage = {
  /** The OA-scoped follower id. */
  userId: string;
  text: string;
  attachments: { type: string; url?: string; lat?: number; lng?: number }[];
  at: Date;
};

/** Where a new Zalo ticket is filed, and what the registry knows of its sender. */
type Sender = { communeId: number; groupId: number | null; phone: string | null; language: string };

/**
 * A message that starts with "Mới:" (or "Moi:", "New:") is a new question even right after an answer: the prefix is
 * how the reply to a joined message tells the sender to ask something else.
 */
const NEW_QUESTION = /^\s*(mới|moi|new)\s*[:：-]\s*/iu;

/** What the caller tells the notify worker: a new ticket's receipt, or a message that joined an open one. */
export type ZaloIntake =
  | { ticketId: number; kind: 'RECEIVED' }
  | { ticketId: number; kind: 'APPENDED'; eventId: number };

/** Hosts of Zalo's content servers (subdomains included) whose attachment links are kept. */
export const ZALO_MEDIA_HOSTS = ['zdn.vn', 'zadn.vn', 'zalo.me', 'zaloapp.com'];
const TITLE_MAX = 120;
const BODY_MAX = 4000;

const zaloActor: Actor = { userId: null, username: 'zalo', roles: null, unitId: null, ip: 'zalo', userAgent: null };

/** An https address on Zalo's CDN, or nothing. */
export function zaloMediaLink(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    const host = u.hostname.toLowerCase();
    if (u.protocol !== 'https:' || u.username || u.password) return null;
    return ZALO_MEDIA_HOSTS.some((h) => host === h || host.endsWith(`.${h}`)) ? u.toString() : null;
  } catch {
    return null;
  }
}

/** Reads a webhook message's attachments (Zalo's `message.attachments[]`: type + payload) into plain parts. */
export function zaloAttachments(raw: unknown): ZaloMessage['attachments'] {
  if (!Array.isArray(raw)) return [];
  return raw.slice(0, 10).flatMap((a: unknown): ZaloMessage['attachments'] => {
    const item = a as { type?: unknown; payload?: Record<string, unknown> } | null;
    if (!item || typeof item.type !== 'string') return [];
    const p = item.payload ?? {};
    const coords = p.coordinates as { latitude?: unknown; longitude?: unknown } | undefined;
    const lat = Number(coords?.latitude);
    const lng = Number(coords?.longitude);
    if (
      item.type === 'location' &&
      Number.isFinite(lat) &&
      Number.isFinite(lng) &&
      Math.abs(lat) <= 90 &&
      Math.abs(lng) <= 180
    )
      return [{ type: 'location', lat, lng }];
    const url = typeof p.url === 'string' ? p.url : undefined;
    return [{ type: item.type.slice(0, 20), ...(url ? { url } : {}) }];
  });
}

/** The words an attachment stands for in the ticket's text (Vietnamese: the staff read it). */
const attachmentWord: Record<string, string> = {
  image: 'Ảnh',
  gif: 'Ảnh động',
  file: 'Tệp',
  audio: 'Ghi âm',
  video: 'Video',
  link: 'Liên kết',
};

/** The message as text: what was written, then one line per attachment with its link when it is Zalo's own. */
export function zaloMessageText(m: Pick<ZaloMessage, 'text' | 'attachments'>): string {
  const lines = m.text.trim() ? [m.text.trim()] : [];
  for (const a of m.attachments) {
    // A sticker says nothing to file (it still counts as an interaction for Zalo's 48-hour window).
    if (a.type === 'sticker') continue;
    if (a.type === 'location') {
      lines.push(
        a.lat !== undefined && a.lng !== undefined ? `[Vị trí: ${a.lat.toFixed(6)}, ${a.lng.toFixed(6)}]` : '[Vị trí]',
      );
      continue;
    }
    const link = zaloMediaLink(a.url);
    lines.push(`[${attachmentWord[a.type] ?? 'Tệp đính kèm'}${link ? `: ${link}` : ''}]`);
  }
  return lines.join('\n').slice(0, BODY_MAX);
}

/**
 * Who is writing: the follower linked as a group member's Zalo channel names their household's group, hence the
 * commune, their phone (the fallback for answers outside Zalo's 48-hour window) and language; anyone else is filed
 * under the configured default commune (ZALO_FEEDBACK_COMMUNE, a commune code), or nowhere when none is set.
 */
async function senderOf(tx: Tx, deps: Pick<AppDeps, 'cipher' | 'config'>, userId: string): Promise<Sender | null> {
  const [member] = await queryRows<{ commune_id: number; group_id: number; phone_enc: string; language: string }>(
    tx,
    sql`
    select c.id as commune_id, g.id as group_id, m.phone_enc, m.language
    from member_channels mc
      join group_members m on m.id = mc.member_id and m.left_at is null
      join units g on g.id = m.group_id
      join units c on c.tier = 'COMMUNE' and g.path like c.path || '%'
    where mc.channel = 'ZALO' and mc.address_bidx = ${deps.cipher.blindIndex(userId, 'zalo')}
    order by mc.active desc, mc.id desc
    limit 1`,
  );
  if (member)
    return {
      communeId: member.commune_id,
      groupId: member.group_id,
      phone: deps.cipher.decrypt(member.phone_enc),
      language: member.language,
    };
  const code = deps.config.zalo.feedbackCommune;
  if (!code) return null;
  const [commune] = await queryRows<{ id: number }>(
    tx,
    sql`select id from units where tier = 'COMMUNE' and code = ${code} and closed_at is null`,
  );
  return commune ? { communeId: commune.id, groupId: null, phone: null, language: 'vi' } : null;
}

/** The title of a ticket filed from a chat message: its first line, cut at a word. */
function titleOf(text: string): string {
  const first =
    text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  if (!first || first.startsWith('[')) return 'Tin nhắn qua Zalo';
  if (first.length <= TITLE_MAX) return first;
  const cut = first.slice(0, TITLE_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), TITLE_MAX / 2)).trimEnd()}…`;
}

/**
 * Files a message to the OA: it joins the sender's open ticket in the same commune as a CITIZEN_MESSAGE (shown to
 * staff and on the status page), else becomes a new ticket (channel ZALO, category "Khác", the follower id kept
 * encrypted as the sender's address). Returns null when the sender can be placed in no commune or wrote nothing.
 */
export async function fileZaloMessage(
  tx: Tx,
  deps: Pick<AppDeps, 'cipher' | 'config'>,
  message: ZaloMessage,
): Promise<ZaloIntake | null> {
  const text = zaloMessageText(message);
  if (!text) return null;
  // A timestamp Zalo sent in another shape than milliseconds: the time it arrived.
  if (Number.isNaN(message.at.getTime())) message = { ...message, at: new Date() };
  const sender = await senderOf(tx, deps, message.userId);
  if (!sender) return null;
  const location = message.attachments.find((a) => a.type === 'location' && a.lat !== undefined);
  const asNew = NEW_QUESTION.test(text);
  const own = sql`sender_zalo_bidx = ${deps.cipher.blindIndex(message.userId, 'zalo')} and commune_id = ${sender.communeId}
      and merged_into_id is null and abuse_at is null`;
  const [open] = asNew
    ? []
    : await queryRows<{ id: number }>(
        tx,
        sql`
    select id from tickets
    where ${own} and status not in (${sql.join(
      finishedTicketStatuses.map((s) => sql`${s}`),
      sql`, `,
    )})
    order by received_at desc, id desc
    limit 1
    for update`,
      );
  if (!open && !asNew) {
    // The citizen's reply to an answer (within the window in which they may reopen it) joins that question: the
    // answering officer hears of it by email, and the reply on Zalo says how to reopen it or ask something new.
    const { reopenDays } = await loadFeedbackSettings(tx, sender.communeId);
    const [answered] = await queryRows<{ id: number; code: string; title: string; answeredBy: number | null }>(
      tx,
      sql`
      select id, code, title, answered_by as "answeredBy" from tickets
      where ${own} and status in ('ANSWERED', 'CLOSED')
        and answered_at > ${new Date(message.at.getTime() - reopenDays * 86_400_000).toISOString()}
      order by answered_at desc, id desc
      limit 1
      for update`,
    );
    if (answered) {
      const joined = await appendMessage(tx, answered.id, message, text, location, true);
      await tellAnsweringOfficer(tx, deps, answered, text);
      return joined;
    }
  }
  if (open) return appendMessage(tx, open.id, message, text, location, false);
  const made = await createTicket(tx, deps, {
    communeId: sender.communeId,
    channel: TicketChannel.ZALO,
    title: titleOf(asNew ? text.replace(NEW_QUESTION, '') : text),
    body: asNew ? text.replace(NEW_QUESTION, '') : text,
    locationUnitId: sender.groupId,
    lat: location?.lat ?? null,
    lng: location?.lng ?? null,
    senderPhone: sender.phone,
    senderZalo: message.userId,
    language: isCitizenLanguage(sender.language) ? sender.language : 'vi',
    receivedAt: message.at,
  });
  await insertAudit(tx, zaloActor, {
    action: 'ticket.create',
    entityType: 'ticket',
    entityId: made.id,
    details: { channel: 'ZALO', code: made.code },
  });
  return { ticketId: made.id, kind: 'RECEIVED' };
}

/** A message joining a ticket: a public CITIZEN_MESSAGE (staff and the status page see it), audited. */
async function appendMessage(
  tx: Tx,
  ticketId: number,
  message: ZaloMessage,
  text: string,
  location: ZaloMessage['attachments'][number] | undefined,
  afterAnswer: boolean,
): Promise<ZaloIntake> {
  const [event] = await tx
    .insert(ticketEvents)
    .values({
      ticketId,
      at: message.at,
      kind: 'CITIZEN_MESSAGE',
      actorKind: 'CITIZEN',
      body: text,
      public: true,
      data: {
        channel: TicketChannel.ZALO,
        ...(afterAnswer ? { afterAnswer: true } : {}),
        ...(location ? { lat: location.lat, lng: location.lng } : {}),
      },
    })
    .returning({ id: ticketEvents.id });
  // A message is no edit: the version stays, so an officer's open form is not made stale by it.
  await tx.execute(sql`update tickets set updated_at = now() where id = ${ticketId}`);
  await insertAudit(tx, zaloActor, {
    action: 'ticket.message',
    entityType: 'ticket',
    entityId: ticketId,
    details: { channel: 'ZALO', ...(afterAnswer ? { afterAnswer: true } : {}) },
  });
  return { ticketId, kind: 'APPENDED', eventId: event!.id };
}

/**
 * An answered question is in no officer's open list, so a reply to it is mailed to the officer who answered (in the
 * transaction that keeps the message: both or neither), when their account has an email.
 */
async function tellAnsweringOfficer(
  tx: Tx,
  deps: Pick<AppDeps, 'config'>,
  t: { id: number; code: string; title: string; answeredBy: number | null },
  text: string,
): Promise<void> {
  if (!t.answeredBy) return;
  const [officer] = await queryRows<{ email: string | null }>(
    tx,
    sql`select email from users where id = ${t.answeredBy}`,
  );
  if (!officer?.email) return;
  const link = `${deps.config.publicUrl.replace(/\/$/, '')}/feedback/${t.id}`;
  await tx.insert(mailOutbox).values({
    toAddress: officer.email,
    kind: 'FEEDBACK_STAFF_NOTICE',
    data: {
      subject: `[${t.code}] Người dân nhắn thêm sau khi đã được trả lời`,
      text: [
        'Kính gửi anh/chị,',
        '',
        `Người gửi phản ánh, kiến nghị ${t.code} "${t.title}" vừa nhắn thêm qua Zalo sau khi đã nhận câu trả lời:`,
        '',
        text.length > 1000 ? `${text.slice(0, 999)}…` : text,
        '',
        `Xem tại: ${link}`,
        '',
        'Đây là thư tự động của hệ thống Kết nối, vui lòng không trả lời thư này.',
      ].join('\n'),
      ticketId: t.id,
    },
  });
}
