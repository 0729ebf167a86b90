import type { CitizenLanguage } from '../../../shared/languages.js';
import { finishedTicketStatuses, type TicketSeverity, type TicketStatus } from '../../../shared/feedback.js';
import type { Tx } from '../../db/client.js';
import type { feedbackCategories } from '../../db/schema/index.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/auth-context.js';
import { AppError, conflict, notFound, validation } from '../../lib/errors.js';
import { fieldProblemOf, type ZodIssueLike } from '../../lib/field-problems.js';
import { insertAudit } from '../audit/audit.repo.js';
import { localInstant, localParts } from '../calendar/working-days.js';
import type { CitizenContext } from '../citizens/citizens.service.js';
import { findCommuneByCode } from '../units/units.service.js';
import { createTicket } from './feedback.intake.js';
import { stripLocation } from './feedback.photos.js';
import * as repo from './feedback.public.repo.js';
import { FeedbackSubmitFields, type FeedbackForm, type PublicTicket } from './feedback.public.schemas.js';
import { ensureCategories, loadFeedbackSettings, ticketDeadlines } from './feedback.settings.js';

type Deps = Pick<AppDeps, 'database' | 'cipher' | 'jobs'>;
type Category = typeof feedbackCategories.$inferSelect;

/** A category's name in the reader's language; Japanese and Chinese fall back to Vietnamese when not translated. */
export function categoryName(c: Category, language: CitizenLanguage): { name: string; vietnameseOnly: boolean } {
  if (language === 'vi') return { name: c.nameVi, vietnameseOnly: false };
  if (language === 'en') return { name: c.nameEn || c.nameVi, vietnameseOnly: !c.nameEn };
  const translated = c.translations[language]?.name;
  return translated ? { name: translated, vietnameseOnly: false } : { name: c.nameVi, vietnameseOnly: true };
}

/** What the ask form offers: the commune, its active categories (in the reader's language) and its groups. */
export async function feedbackForm(
  tx: Tx,
  code: string,
  language: CitizenLanguage,
  signedIn: boolean,
): Promise<FeedbackForm> {
  const commune = await findCommuneByCode(tx, code);
  const categories = (await ensureCategories(tx, commune.id)).filter((c) => c.active);
  return {
    commune: { id: commune.id, code: commune.code, name: commune.name },
    categories: categories.map((c) => ({ id: c.id, code: c.code, ...categoryName(c, language) })),
    groups: await repo.listGroups(tx, commune.path),
    signedIn,
  };
}

export type Photo = { fileName: string; mimeType: string; content: Buffer };

export type Submission = {
  fields: Record<string, string>;
  photos: Photo[];
  citizen: CitizenContext | null;
  actor: Actor;
  /** The retry key and whose it is (the browser's client id, else the address). */
  retry?: { key: string; scope: string };
  language: CitizenLanguage;
};

const limited = (what: 'phone' | 'address', max: number) =>
  new AppError(
    'RATE_LIMITED',
    429,
    what === 'phone'
      ? {
          vi: `Mỗi số điện thoại gửi được tối đa ${max} phản ánh một ngày cho xã, phường này. Xin gửi tiếp vào ngày mai hoặc gọi đường dây nóng của xã.`,
          en: `One phone number may send at most ${max} reports a day to this commune. Please send more tomorrow or call the commune's hotline.`,
        }
      : {
          vi: `Từ một địa chỉ mạng chỉ gửi được tối đa ${max} phản ánh một ngày cho xã, phường này. Xin gửi tiếp vào ngày mai.`,
          en: `At most ${max} reports a day may be sent to this commune from one network address. Please send more tomorrow.`,
        },
    undefined,
    { 'retry-after': String(secondsToMidnight()) },
  );

const startOfToday = () => localInstant(localParts(new Date()).day, '00:00');
const secondsToMidnight = () => Math.max(60, Math.ceil((startOfToday().getTime() + 86_400_000 - Date.now()) / 1000));

/** The form's text fields checked with the schema; problems named per field with the shared codes. */
function parseFields(fields: Record<string, string>): FeedbackSubmitFields {
  const parsed = FeedbackSubmitFields.safeParse(fields);
  if (parsed.success) return parsed.data;
  throw validation(
    parsed.error.issues.map((issue) => {
      const field = issue.path.join('.');
      const problem = fieldProblemOf(issue as unknown as ZodIssueLike, field, fields[field]);
      return { field, code: problem.code, message: problem.message };
    }),
  );
}

/**
 * A question or report from the public page: checked (honeypot, phone unless signed in, the group), limited per
 * phone and per address and day (the commune's settings), its photos stripped of their location unless the sender
 * shares it, filed through createTicket. A retry with the same Idempotency-Key returns the ticket already made.
 */
export async function submitFeedback(deps: Deps, code: string, input: Submission) {
  const f = parseFields(input.fields);
  if (f.website) {
    // People never see the field; only a robot fills it in.
    throw validation([
      { field: 'website', code: 'INVALID', message: { vi: 'Không gửi được', en: 'This could not be sent' } },
    ]);
  }
  const phone = f.phone || input.citizen?.phone;
  if (!phone) {
    throw validation([
      { field: 'phone', code: 'REQUIRED', message: { vi: 'Vui lòng điền mục này', en: 'Please fill this in' } },
    ]);
  }
  const { cipher } = deps;
  const made = await deps.database.db.transaction(async (tx) => {
    const commune = await findCommuneByCode(tx, code);
    if (input.retry) {
      const prior = await repo.findPriorSubmission(tx, commune.id, input.retry.scope, input.retry.key);
      if (prior) return { ...prior, repeated: true };
    }
    if (f.locationUnitId && !(await repo.isGroupOf(tx, commune.path, f.locationUnitId))) {
      throw validation([
        {
          field: 'locationUnitId',
          code: 'CHOICE',
          message: { vi: 'Vui lòng chọn một mục trong danh sách', en: 'Please choose one of the options' },
        },
      ]);
    }
    const settings = await loadFeedbackSettings(tx, commune.id);
    const since = startOfToday();
    if ((await repo.countByPhone(tx, commune.id, cipher.blindIndex(phone, 'phone'), since)) >= settings.perPhonePerDay)
      throw limited('phone', settings.perPhonePerDay);
    if ((await repo.countByAddress(tx, commune.id, input.actor.ip, since)) >= settings.perAddressPerDay)
      throw limited('address', settings.perAddressPerDay);
    const created = await createTicket(tx, deps, {
      communeId: commune.id,
      categoryId: f.categoryId,
      channel: 'WEB',
      title: f.title,
      body: f.body,
      locationUnitId: f.locationUnitId ?? null,
      address: f.address ?? null,
      lat: f.lat !== undefined && f.lng !== undefined ? f.lat : null,
      lng: f.lat !== undefined && f.lng !== undefined ? f.lng : null,
      publishable: f.publishable,
      senderName: f.name ?? input.citizen?.fullName ?? null,
      senderPhone: phone,
      senderEmail: f.email ?? null,
      citizenId: input.citizen?.id ?? null,
      language: f.language ?? input.language,
      idempotency: input.retry,
      files: input.photos.map((p) => ({
        fileName: p.fileName,
        mimeType: p.mimeType,
        content: f.shareLocation ? p.content : stripLocation(p.content, p.mimeType),
      })),
    });
    if (!created.repeated) {
      await insertAudit(tx, input.actor, {
        action: 'feedback.public_submit',
        entityType: 'ticket',
        entityId: created.id,
        details: { communeId: commune.id, photos: input.photos.length, sharedLocation: f.shareLocation },
      });
    }
    return { id: created.id, code: created.code, lookupToken: created.lookupToken, repeated: created.repeated };
  });
  if (!made.repeated) await deps.jobs.send('feedback.notify', { ticketId: made.id, kind: 'RECEIVED' });
  return { code: made.code, token: made.lookupToken, statusUrl: `/q/${made.lookupToken}` };
}

export const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const answeredStatuses: readonly TicketStatus[] = ['ANSWERED', 'CLOSED'];

async function loadByToken(tx: Tx, token: string) {
  const row = await repo.findByToken(tx, token);
  if (!row) throw notFound({ vi: 'Không tìm thấy phản ánh này', en: 'No report was found for this link' });
  return row;
}

/** How long after its answer the citizen may reopen a ticket, and whether they still may. */
function reopenWindow(t: { status: string; answeredAt: Date | null; mergedIntoId: number | null }, days: number) {
  if (!answeredStatuses.includes(t.status as TicketStatus) || !t.answeredAt || t.mergedIntoId) return null;
  const until = new Date(new Date(t.answeredAt).getTime() + days * 86_400_000);
  return until > new Date() ? until : null;
}

/**
 * The status page behind the ticket's secret link: status, deadline, the public journal (never a note), the answer
 * once sent (a merged duplicate shows the answer of the ticket it joined), and what the citizen may do now.
 */
export async function publicTicket(tx: Tx, token: string, language: CitizenLanguage): Promise<PublicTicket> {
  const { t, communeCode, communeName } = await loadByToken(tx, token);
  const settings = await loadFeedbackSettings(tx, t.communeId);
  const category = await repo.findCategory(tx, t.categoryId);
  const target = t.mergedIntoId ? await repo.findTicket(tx, t.mergedIntoId) : undefined;
  const answering = t.answerState === 'SENT' ? t : target?.answerState === 'SENT' ? target : undefined;
  const until = reopenWindow(t, settings.reopenDays);
  const open = !t.mergedIntoId && !t.abuseAt;
  return {
    code: t.code,
    title: t.title,
    body: t.body,
    category: category ? categoryName(category, language).name : '',
    commune: { code: communeCode, name: communeName },
    status: t.status as TicketStatus,
    receivedAt: iso(t.receivedAt)!,
    dueAt: iso(t.extendedDueAt ?? t.dueAt)!,
    answeredAt: iso(answering?.answeredAt ?? null),
    events: (await repo.publicEvents(tx, t.id)).map((e) => ({
      id: e.id,
      at: iso(e.at)!,
      kind: e.kind as PublicTicket['events'][number]['kind'],
      toStatus: (e.toStatus as TicketStatus | null) ?? null,
      actorKind: e.actorKind as 'STAFF' | 'CITIZEN' | 'SYSTEM',
      body: e.body,
    })),
    answerState: answering ? 'SENT' : null,
    answer: answering?.answer ?? null,
    answerLinks: answering?.answerLinks ?? [],
    rejectReason: t.status === 'REJECTED' ? t.rejectReason : null,
    rating: (t.rating as PublicTicket['rating']) ?? null,
    ratingComment: t.ratingComment,
    canRate: open && answeredStatuses.includes(t.status as TicketStatus) && t.answerState === 'SENT' && !t.rating,
    canReopen: open && until !== null,
    reopenUntil: iso(until),
    canMessage: open && !finishedTicketStatuses.includes(t.status as TicketStatus),
    mergedInto: target?.code ?? null,
  };
}

const notNow = () =>
  conflict({
    vi: 'Phản ánh không còn ở bước cho phép việc này',
    en: 'The report is no longer at a step that allows this',
  });

/** The citizen rates the answer: satisfied or not, with a comment (Decision 766 counts the satisfied ones). */
export async function rateTicket(
  deps: Deps,
  token: string,
  input: { rating: 'SATISFIED' | 'UNSATISFIED'; comment?: string },
  actor: Actor,
) {
  return deps.database.db.transaction(async (tx) => {
    const { t } = await loadByToken(tx, token);
    if (t.mergedIntoId || t.abuseAt || !answeredStatuses.includes(t.status as TicketStatus) || t.rating) throw notNow();
    const at = new Date();
    const comment = input.comment || null;
    if (!(await repo.bumpTicket(tx, t.id, t.version, { rating: input.rating, ratingComment: comment, ratedAt: at })))
      throw notNow();
    await repo.addEvent(tx, {
      ticketId: t.id,
      at,
      kind: 'RATED',
      actorKind: 'CITIZEN',
      public: true,
      body: comment,
      data: { rating: input.rating },
    });
    await insertAudit(tx, actor, {
      action: 'feedback.rate',
      entityType: 'ticket',
      entityId: t.id,
      details: { rating: input.rating },
    });
    return { ok: true as const };
  });
}

/**
 * The citizen reopens an answered ticket within the commune's window, with a reason: it goes back to ASSIGNED (to
 * the officer who had it, else the one who answered), with a new deadline counted from now; the answer's rating and
 * state are cleared for the next answer. The citizen is told it was received again.
 */
export async function reopenTicket(deps: Deps, token: string, reason: string, actor: Actor) {
  const ticketId = await deps.database.db.transaction(async (tx) => {
    const { t } = await loadByToken(tx, token);
    const settings = await loadFeedbackSettings(tx, t.communeId);
    if (t.abuseAt || !reopenWindow(t, settings.reopenDays)) throw notNow();
    const at = new Date();
    const { dueAt } = await ticketDeadlines(tx, settings, t.severity as TicketSeverity, at);
    const assigneeId = t.assigneeId ?? t.answeredBy;
    const status: TicketStatus = assigneeId ? 'ASSIGNED' : 'RECEIVED';
    const changed = await repo.bumpTicket(tx, t.id, t.version, {
      status,
      assigneeId,
      answerState: null,
      closedAt: null,
      rating: null,
      ratingComment: null,
      ratedAt: null,
      dueAt,
      extendedDueAt: null,
      extensionRequestedUntil: null,
      reopenCount: t.reopenCount + 1,
    });
    if (!changed) throw notNow();
    await repo.addEvent(tx, {
      ticketId: t.id,
      at,
      kind: 'CITIZEN_MESSAGE',
      actorKind: 'CITIZEN',
      public: true,
      body: reason,
    });
    await repo.addEvent(tx, {
      ticketId: t.id,
      at,
      kind: 'STATUS',
      fromStatus: t.status,
      toStatus: status,
      actorKind: 'CITIZEN',
      public: true,
      data: { reopened: true },
    });
    await insertAudit(tx, actor, { action: 'feedback.reopen', entityType: 'ticket', entityId: t.id });
    return t.id;
  });
  await deps.jobs.send('feedback.notify', { ticketId, kind: 'RECEIVED' });
  return { ok: true as const };
}

/** The citizen writes again (more detail, a photo's description): a public CITIZEN_MESSAGE in the journal. */
export async function addCitizenMessage(deps: Deps, token: string, body: string, actor: Actor) {
  return deps.database.db.transaction(async (tx) => {
    const { t } = await loadByToken(tx, token);
    if (t.mergedIntoId || t.abuseAt || finishedTicketStatuses.includes(t.status as TicketStatus)) throw notNow();
    await repo.addEvent(tx, { ticketId: t.id, kind: 'CITIZEN_MESSAGE', actorKind: 'CITIZEN', public: true, body });
    await insertAudit(tx, actor, { action: 'feedback.citizen_message', entityType: 'ticket', entityId: t.id });
    return { ok: true as const };
  });
}
