import { sql } from 'drizzle-orm';
import { isCitizenLanguage, type CitizenLanguage } from '../../../shared/languages.js';
import { queryRows } from '../../db/client.js';
import { mailOutbox, ticketEvents } from '../../db/schema/index.js';
import type { App, AppDeps } from '../../deps.js';
import { localParts } from '../calendar/working-days.js';
import { createSenders, type Senders } from '../announcements/deliveries.js';
import { type Channel, Refused } from '../announcements/senders.js';
import { wakeMailer } from '../mail/mail.service.js';
import { followWords, type NotifyKind, noticeDay, noticeText } from './feedback.notify.texts.js';

/**
 * The `feedback.notify` worker: tells the citizen about their question on the channel it came in on. A Zalo
 * question is answered on Zalo while the OA's 48-hour consultation window since the sender's last message is open
 * (zalo_followers.last_interaction_at), else by ZNS, then SMS, to the phone the registry knows for that follower;
 * a question from the public page, the counter, the hotline or an Open311 client goes by SMS to its phone, then by
 * email (the mail outbox) to its address. The fixed words are in the ticket's language; the officer's text as written.
 *
 * Idempotent per (ticket, kind, event): the notice is claimed as a NOTIFIED journal row keyed by the event that
 * caused it (the receipt, the answer sent, the refusal, the extension, the citizen's message), under the ticket's row
 * lock, before anything is sent; a retried or repeated job finds it and sends nothing. A provider's temporary failure
 * leaves the claim to be taken again by pg-boss's retry; a refusal tries the next channel.
 */
export const FEEDBACK_NOTIFY_QUEUE = 'feedback.notify';

export type NotifyJob = { ticketId: number; kind: NotifyKind; eventId?: number };
const NOTIFY_KINDS: readonly NotifyKind[] = ['RECEIVED', 'ANSWERED', 'REJECTED', 'EXTENDED', 'APPENDED'];

type Deps = Pick<AppDeps, 'database' | 'cipher' | 'config' | 'jobs'>;

/** The OA may send consultation messages this long after the follower's last message (Zalo's rule). */
export const ZALO_WINDOW_MS = 48 * 3600_000;
/** A claim still SENDING after this long belongs to a worker that died: it is taken again. */
const STALE_MS = 5 * 60_000;
/** A job may arrive before the workflow's transaction is visible: how long the worker waits for the ticket to show it. */
const READY_TRIES = 10;

type TicketFacts = {
  id: number;
  code: string;
  token: string;
  channel: string;
  status: string;
  language: string;
  phoneEnc: string | null;
  email: string | null;
  zaloEnc: string | null;
  answer: string | null;
  answerState: string | null;
  rejectReason: string | null;
  dueAt: Date;
  extendedDueAt: Date | string | null;
  extensionReason: string | null;
  commune: string;
  targetAnswer: string | null;
  targetAnswerState: string | null;
  lastInteractionAt: Date | string | null;
  unfollowedAt: Date | string | null;
};

export type NotifyOutcome =
  | { state: 'SENT'; channel: Channel }
  | { state: 'UNREACHABLE' }
  | { state: 'ALREADY' }
  | { state: 'GONE' };

async function loadTicket(deps: Deps, ticketId: number): Promise<TicketFacts | undefined> {
  const [row] = await queryRows<TicketFacts>(
    deps.database.db,
    sql`
    select t.id, t.code, t.lookup_token as token, t.channel, t.status, t.language, t.sender_phone_enc as "phoneEnc",
      t.sender_email as email, t.sender_zalo_enc as "zaloEnc", t.answer, t.answer_state as "answerState",
      t.reject_reason as "rejectReason", t.due_at as "dueAt", t.extended_due_at as "extendedDueAt",
      t.extension_reason as "extensionReason", c.name as commune,
      m.answer as "targetAnswer", m.answer_state as "targetAnswerState",
      null as "lastInteractionAt", null as "unfollowedAt"
    from tickets t
      join units c on c.id = t.commune_id
      left join tickets m on m.id = t.merged_into_id
    where t.id = ${ticketId}`,
  );
  if (row?.zaloEnc) {
    const [follower] = await queryRows<{ last: Date | string | null; unfollowed: Date | string | null }>(
      deps.database.db,
      sql`select last_interaction_at as last, unfollowed_at as unfollowed from zalo_followers
          where follower_id = ${deps.cipher.decrypt(row.zaloEnc)}`,
    );
    row.lastInteractionAt = follower?.last ?? null;
    row.unfollowedAt = follower?.unfollowed ?? null;
  }
  return row;
}

/** Whether the ticket already shows what the job is about (the workflow's transaction may still be committing). */
function ready(t: TicketFacts, kind: NotifyKind): boolean {
  if (kind === 'ANSWERED')
    return (t.answerState === 'SENT' && !!t.answer) || (t.targetAnswerState === 'SENT' && !!t.targetAnswer);
  if (kind === 'REJECTED') return t.status === 'REJECTED';
  if (kind === 'EXTENDED') return t.extendedDueAt !== null;
  return true;
}

/**
 * The journal event the notice is about: its id keys the notice (one notice per event and kind). A RECEIVED notice
 * is about the ticket's creation or, after the citizen reopened it, about the reopening (told as such).
 */
async function causeOf(deps: Deps, job: NotifyJob): Promise<{ id: number; reopened: boolean }> {
  if (job.kind === 'APPENDED') return { id: job.eventId ?? 0, reopened: false };
  const own = sql`e.ticket_id = ${job.ticketId}`;
  const which =
    job.kind === 'RECEIVED'
      ? sql`${own} and (e.kind = 'CREATED' or (e.kind = 'STATUS' and e.data->>'reopened' = 'true'))`
      : job.kind === 'REJECTED'
        ? sql`${own} and e.to_status = 'REJECTED'`
        : job.kind === 'EXTENDED'
          ? sql`${own} and e.kind = 'EXTENSION_DECIDED' and (e.data->>'approved') is distinct from 'false'`
          : // A merged duplicate follows its target's answer: the target's answer event is the cause.
            sql`(e.ticket_id = ${job.ticketId} or e.ticket_id = (select merged_into_id from tickets
                 where id = ${job.ticketId})) and (e.kind = 'ANSWER_SENT' or e.to_status = 'ANSWERED')`;
  const [row] = await queryRows<{ id: number; reopened: boolean }>(
    deps.database.db,
    sql`select e.id, e.kind = 'STATUS' as reopened from ticket_events e where ${which} order by e.id desc limit 1`,
  );
  return row ?? { id: 0, reopened: false };
}

/** Takes the notice for this (ticket, kind, cause), or learns it is taken or done: under the ticket's row lock. */
async function claim(deps: Deps, job: NotifyJob, about: number, now: Date): Promise<number | null> {
  return deps.database.db.transaction(async (tx) => {
    await tx.execute(sql`select id from tickets where id = ${job.ticketId} for update`);
    const [prior] = await queryRows<{ id: number; state: string; claimedAt: string | null }>(
      tx,
      sql`select id, data->>'state' as state, data->>'claimedAt' as "claimedAt" from ticket_events
          where ticket_id = ${job.ticketId} and kind = 'NOTIFIED'
            and data->>'notify' = ${job.kind} and data->>'about' = ${String(about)}
          order by id limit 1`,
    );
    const claimed = { notify: job.kind, about: String(about), state: 'SENDING', claimedAt: now.toISOString() };
    if (prior) {
      if (prior.state === 'SENT' || prior.state === 'UNREACHABLE') return null;
      const fresh = prior.claimedAt && now.getTime() - new Date(prior.claimedAt).getTime() < STALE_MS;
      if (prior.state === 'SENDING' && fresh) return null;
      await tx.execute(
        sql`update ticket_events set data = data || ${JSON.stringify(claimed)}::jsonb, at = ${now.toISOString()}
            where id = ${prior.id}`,
      );
      return prior.id;
    }
    const [made] = await tx
      .insert(ticketEvents)
      .values({ ticketId: job.ticketId, at: now, kind: 'NOTIFIED', actorKind: 'SYSTEM', public: false, data: claimed })
      .returning({ id: ticketEvents.id });
    return made!.id;
  });
}

async function settle(deps: Deps, eventId: number, data: Record<string, unknown>, body?: string): Promise<void> {
  await deps.database.db.execute(
    sql`update ticket_events set data = data || ${JSON.stringify(data)}::jsonb,
          body = coalesce(${body ?? null}, body)
        where id = ${eventId}`,
  );
}

const isoDay = (at: Date | string) => localParts(new Date(at)).day;

/** The channels to try, in order, with their addresses. */
function routeOf(
  deps: Deps,
  t: TicketFacts,
  kind: NotifyKind,
  now: Date,
): { channel: Channel | 'OUTBOX'; to: string }[] {
  const route: { channel: Channel | 'OUTBOX'; to: string }[] = [];
  const phone = t.phoneEnc ? deps.cipher.decrypt(t.phoneEnc) : null;
  if (t.channel === 'ZALO' && t.zaloEnc) {
    const last = t.lastInteractionAt ? new Date(t.lastInteractionAt).getTime() : 0;
    if (!t.unfollowedAt && now.getTime() - last < ZALO_WINDOW_MS)
      route.push({ channel: 'ZALO', to: deps.cipher.decrypt(t.zaloEnc) });
    // The receipt of a follow-up message is only worth a chat reply: nobody pays an SMS to hear "received".
    if (kind === 'APPENDED') return route;
    if (phone) route.push({ channel: 'ZNS', to: phone });
  } else if (kind === 'APPENDED') return route;
  if (phone) route.push({ channel: 'SMS', to: phone });
  if (t.email) route.push({ channel: 'OUTBOX', to: t.email });
  return route;
}

/**
 * Tells the citizen once about one event of their ticket (see the file's comment). Throws on a provider's temporary
 * failure, or when the ticket never shows the event, so pg-boss tries again.
 */
export async function notifyCitizen(
  deps: Deps,
  senders: Senders,
  job: NotifyJob,
  now = new Date(),
  pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<NotifyOutcome> {
  // A job no intake or action queues (a typo, a kind from a newer version) is dropped rather than retried.
  if (!NOTIFY_KINDS.includes(job.kind) || !Number.isInteger(job.ticketId)) return { state: 'GONE' };
  let t = await loadTicket(deps, job.ticketId);
  for (let i = 1; t && !ready(t, job.kind); i++) {
    if (i >= READY_TRIES) throw new Error(`ticket ${job.ticketId} does not show ${job.kind} yet`);
    await pause(300);
    t = await loadTicket(deps, job.ticketId);
  }
  if (!t) return { state: 'GONE' };
  const cause = await causeOf(deps, job);
  const about = cause.id;
  const eventId = await claim(deps, job, about, now);
  if (eventId === null) return { state: 'ALREADY' };

  const lang: CitizenLanguage = isCitizenLanguage(t.language) ? t.language : 'vi';
  const due = t.extendedDueAt ?? t.dueAt;
  // A message to an answered question: the reply says how to reopen it or ask something new.
  const answered = t.status === 'ANSWERED' || t.status === 'CLOSED';
  const words = cause.reopened ? 'REOPENED' : job.kind === 'APPENDED' && answered ? 'APPENDED_ANSWERED' : job.kind;
  const { title, text } = noticeText(lang, words, {
    code: t.code,
    commune: t.commune,
    text:
      job.kind === 'ANSWERED'
        ? t.answerState === 'SENT' && t.answer
          ? t.answer
          : t.targetAnswer
        : job.kind === 'REJECTED'
          ? t.rejectReason
          : job.kind === 'EXTENDED'
            ? t.extensionReason
            : null,
    due: due ? noticeDay(lang, isoDay(due)) : null,
  });
  const link = `${deps.config.publicUrl}/q/${t.token}`;
  const reference = `ketnoi-ticket-${t.id}-${job.kind.toLowerCase()}-${about}`;
  const tried: string[] = [];
  for (const step of routeOf(deps, t, job.kind, now)) {
    if (step.channel === 'OUTBOX') {
      // Email goes through the mail outbox, which retries on its own: queued is as good as sent here.
      await deps.database.db.insert(mailOutbox).values({
        toAddress: step.to,
        kind: 'FEEDBACK_NOTICE',
        data: { subject: title, text: `${text}\n\n${followWords[lang]}: ${link}`, ticketId: t.id },
      });
      wakeMailer(deps);
      await settle(deps, eventId, { state: 'SENT', channel: 'EMAIL', tried: [...tried, 'EMAIL'] }, `${title}\n${text}`);
      return { state: 'SENT', channel: 'EMAIL' };
    }
    const sender = senders[step.channel];
    if (!sender?.configured) continue;
    tried.push(step.channel);
    try {
      await sender.send({ to: step.to, title, text, html: '', link, reference, language: lang });
    } catch (error) {
      if (error instanceof Refused) continue;
      await settle(deps, eventId, { state: 'RETRY', tried, error: String((error as Error).message).slice(0, 200) });
      throw error;
    }
    await settle(deps, eventId, { state: 'SENT', channel: step.channel, tried }, `${title}\n${text}`);
    return { state: 'SENT', channel: step.channel };
  }
  // No channel reached them (no phone, outside Zalo's window): the status page still shows everything.
  await settle(deps, eventId, { state: 'UNREACHABLE', tried });
  return { state: 'UNREACHABLE' };
}

/** Registers the worker: every process may run it; the claim keeps two from telling the citizen twice. */
export function registerFeedbackNotify(_app: App, deps: AppDeps): void {
  const senders = createSenders(deps, (line) => console.log(line));
  void deps.jobs.work<NotifyJob>(FEEDBACK_NOTIFY_QUEUE, async (job) => {
    await notifyCitizen(deps, senders, job);
  });
}
