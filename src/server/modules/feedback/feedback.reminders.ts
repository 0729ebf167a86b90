import { sql } from 'drizzle-orm';
import { openTicketStatuses } from '../../../shared/feedback.js';
import { queryRows, type Tx } from '../../db/client.js';
import type { App, AppDeps } from '../../deps.js';
import { wakeEvery } from '../../jobs/jobs.js';
import { mailOutbox } from '../../db/schema/index.js';
import { formatDateTimeVi, formatDateVi } from '../../lib/pdf.js';
import { createSmsSender, SmsRefused, type SmsSender } from '../../lib/sms.js';
import { insertAudit } from '../audit/audit.repo.js';
import { wakeMailer } from '../mail/mail.service.js';
import { insertTicketEvent, processorsOf } from './feedback.repo.js';
import { dueSoonLimits } from './feedback.service.js';

export const REMINDER_QUEUE = 'feedback.reminders';
const system = { userId: null, username: 'system', roles: null, unitId: null, ip: 'system', userAgent: null };

export type Threshold = 'DUE_SOON' | 'OVERDUE';
/** How a person named in a REMINDED event was told: by email (the outbox), by SMS, or not at all (no contact on file). */
export type Reached = { userId: number; via: 'email' | 'sms' | 'none' };
type Deps = Pick<AppDeps, 'database' | 'config' | 'cipher'> & Partial<Pick<AppDeps, 'jobs'>>;

/**
 * Reminds staff of open tickets that are due soon (within the commune's due-soon working hours) or overdue, once per
 * ticket, threshold and due date in force (an approved extension starts the count again): a REMINDED line in the
 * journal naming whom it is for — the assignee, else every processor of the ticket's unit — which their queue and the
 * ticket show. Each ticket in its own transaction, re-checked there, so two sweeps never remind twice.
 *
 * Each person named is told: by email where they have one (a mail row queued in the same transaction as the event,
 * so the outbox sends it exactly once), else by SMS where they have a phone, else nobody ("none" in the event). An SMS
 * cannot join the transaction, so the event keeps the people still to be texted (`smsPending`); after the commit the
 * sweep sends each with a reference the gateway deduplicates on and takes them off, and the next sweep retries any a
 * crash or a gateway outage left behind — never lost, never sent twice.
 */
export async function remindDueTickets(deps: Deps, now = new Date(), sms?: SmsSender): Promise<number> {
  const db = deps.database.db;
  const texts = sms ?? createSmsSender(deps.config, (line) => console.log(line));
  await sendPendingSms(deps, texts, now);
  const limits = await dueSoonLimits(db, now);
  const cases = [...limits.byHours].map(([h, at]) => sql`when ${h} then ${at.toISOString()}::timestamptz`);
  const soonEnd = sql`(case coalesce(fs.due_soon_hours, ${limits.defaultHours}) ${sql.join(cases, sql` `)} end)`;
  const statuses = sql.join(
    openTicketStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const due = await queryRows<{ id: number; threshold: Threshold; due: string }>(
    db,
    sql`
    select id, threshold, due from (
      select t.id, coalesce(t.extended_due_at, t.due_at) as due,
             case when coalesce(t.extended_due_at, t.due_at) < ${now.toISOString()} then 'OVERDUE'
                  when coalesce(t.extended_due_at, t.due_at) <= ${soonEnd} then 'DUE_SOON' end as threshold
      from tickets t left join feedback_settings fs on fs.commune_id = t.commune_id
      where t.status in (${statuses}) and t.merged_into_id is null and t.abuse_at is null
    ) d
    where threshold is not null and not exists (
      select 1 from ticket_events e where e.ticket_id = d.id and e.kind = 'REMINDED'
        and e.data->>'threshold' = d.threshold and (e.data->>'dueAt')::timestamptz = d.due)
    order by due limit 500`,
  );
  let reminded = 0;
  let mailed = false;
  for (const row of due) {
    const done = await db.transaction((tx) => remindOne(deps, tx, row.id, row.threshold, now));
    reminded += done.reminded;
    mailed ||= done.mailed;
    if (done.smsPending) await sendPendingSms(deps, texts, now, done.eventId);
  }
  if (mailed && deps.jobs) wakeMailer({ jobs: deps.jobs });
  return reminded;
}

/**
 * Sends the SMS a REMINDED event still owes (of the last two days; or of one event just written), each with the
 * reference `feedback-remind:<event>:<user>` so a resend after a crash is dropped by the gateway, and takes the person
 * off `smsPending` once the gateway took it. A refused number (4xx) is taken off too, and noted, since retrying cannot
 * help; an outage leaves them for the next sweep.
 */
async function sendPendingSms(deps: Deps, sms: SmsSender, now: Date, eventId?: number): Promise<void> {
  const db = deps.database.db;
  const since = new Date(now.getTime() - 2 * 86_400_000).toISOString();
  const pending = await queryRows<{ eventId: number; userId: string; phoneEnc: string | null; text: string }>(
    db,
    sql`select e.id as "eventId", p.user_id as "userId", u.phone_enc as "phoneEnc", e.data->>'smsText' as text
        from ticket_events e
          cross join lateral jsonb_array_elements_text(e.data->'smsPending') p(user_id)
          left join users u on u.id = p.user_id::int
        where e.kind = 'REMINDED' and jsonb_array_length(coalesce(e.data->'smsPending', '[]'::jsonb)) > 0
          and ${eventId === undefined ? sql`e.at >= ${since}` : sql`e.id = ${eventId}`}
        order by e.id`,
  );
  for (const p of pending) {
    let refused = false;
    if (p.phoneEnc) {
      try {
        await sms.send(deps.cipher.decrypt(p.phoneEnc), p.text, `feedback-remind:${p.eventId}:${p.userId}`);
      } catch (error) {
        if (!(error instanceof SmsRefused)) continue;
        refused = true;
      }
    }
    await db.execute(
      sql`update ticket_events set data = jsonb_set(data, '{smsPending}', (data->'smsPending') - ${p.userId}::text)
            || case when ${refused || !p.phoneEnc} then jsonb_build_object('smsFailed',
                 coalesce(data->'smsFailed', '[]'::jsonb) || to_jsonb(${p.userId}::text)) else '{}'::jsonb end
          where id = ${p.eventId}`,
    );
  }
}

async function remindOne(
  deps: Deps,
  tx: Tx,
  id: number,
  threshold: Threshold,
  now: Date,
): Promise<{ reminded: number; mailed: boolean; smsPending: boolean; eventId?: number }> {
  const none = { reminded: 0, mailed: false, smsPending: false };
  const [t] = await queryRows<{
    id: number;
    code: string;
    title: string;
    status: string;
    due: Date;
    assigneeId: number | null;
    path: string;
    mergedIntoId: number | null;
    abuseAt: Date | null;
  }>(
    tx,
    sql`select t.id, t.code, t.title, t.status, coalesce(t.extended_due_at, t.due_at) as due, t.assignee_id as "assigneeId",
          u.path, t.merged_into_id as "mergedIntoId", t.abuse_at as "abuseAt"
        from tickets t join units u on u.id = t.unit_id where t.id = ${id} for update of t`,
  );
  if (!t || !openTicketStatuses.includes(t.status as never) || t.mergedIntoId !== null || t.abuseAt !== null)
    return none;
  const dueAt = new Date(t.due);
  const [already] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ticket_events where ticket_id = ${id} and kind = 'REMINDED'
        and data->>'threshold' = ${threshold} and (data->>'dueAt')::timestamptz = ${dueAt.toISOString()}`,
  );
  if (already!.n > 0) return none;
  const recipients = t.assigneeId ? [t.assigneeId] : (await processorsOf(tx, t.path)).map((p) => p.id);
  const body =
    threshold === 'OVERDUE'
      ? `Phản ánh ${t.code} đã quá hạn giải quyết (hạn ${formatDateVi(dueAt)})`
      : `Phản ánh ${t.code} sắp đến hạn giải quyết (hạn ${formatDateVi(dueAt)})`;
  const message = reminderMessage(deps.config.publicUrl, { ...t, dueAt, threshold });
  const contacts = recipients.length
    ? await queryRows<{ id: number; email: string | null; hasPhone: boolean }>(
        tx,
        sql`select id, email, phone_enc is not null as "hasPhone" from users
            where id in (${sql.join(
              recipients.map((r) => sql`${r}`),
              sql`, `,
            )})`,
      )
    : [];
  const reached: Reached[] = recipients.map((userId) => {
    const c = contacts.find((x) => x.id === userId);
    return { userId, via: c?.email ? 'email' : c?.hasPhone ? 'sms' : 'none' };
  });
  for (const r of reached.filter((x) => x.via === 'email')) {
    await tx.insert(mailOutbox).values({
      toAddress: contacts.find((c) => c.id === r.userId)!.email!,
      kind: 'FEEDBACK_REMINDER',
      data: { subject: message.subject, text: message.text, ticketId: id },
    });
  }
  const smsPending = reached.filter((x) => x.via === 'sms').map((x) => String(x.userId));
  const eventId = await insertTicketEvent(tx, {
    ticketId: id,
    at: now,
    kind: 'REMINDED',
    actorKind: 'SYSTEM',
    body,
    data: {
      threshold,
      dueAt: dueAt.toISOString(),
      recipients,
      reached,
      ...(smsPending.length ? { smsPending, smsText: message.sms } : {}),
    },
  });
  await insertAudit(tx, system, {
    action: 'ticket.remind',
    entityType: 'ticket',
    entityId: id,
    details: { threshold, recipients: recipients.length },
  });
  return {
    reminded: 1,
    mailed: reached.some((r) => r.via === 'email'),
    smsPending: smsPending.length > 0,
    eventId,
  };
}

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** The reminder's words, in Vietnamese: the ticket's code, title, due time (HH:mm dd/MM/yyyy) and its console link. */
export function reminderMessage(
  publicUrl: string,
  t: { id: number; code: string; title: string; dueAt: Date; threshold: Threshold },
): { subject: string; text: string; sms: string } {
  const due = formatDateTimeVi(t.dueAt);
  const link = `${publicUrl.replace(/\/$/, '')}/feedback/${t.id}`;
  const state = t.threshold === 'OVERDUE' ? 'đã quá hạn giải quyết' : 'sắp đến hạn giải quyết';
  const title = t.title.length > 80 ? `${t.title.slice(0, 79)}…` : t.title;
  return {
    subject: `[${t.code}] Phản ánh ${state}: ${title}`,
    text: [
      'Kính gửi anh/chị,',
      '',
      `Phản ánh, kiến nghị ${t.code} "${t.title}" ${state}.`,
      `Hạn giải quyết: ${due}.`,
      '',
      `Xem và xử lý tại: ${link}`,
      '',
      'Đây là thư tự động của hệ thống Kết nối, vui lòng không trả lời thư này.',
    ].join('\n'),
    // Without accents, as every SMS of the app: one segment holds more, and every phone shows it.
    sms: plain(`Phản ánh ${t.code} "${title}" ${state}, hạn ${due}. Xử lý tại ${link}`),
  };
}

/** The reminder sweep as a pg-boss singleton job, woken every 15 minutes by each process. */
export function registerFeedbackReminders(
  app: App,
  deps: Pick<AppDeps, 'database' | 'jobs' | 'config' | 'cipher'>,
): void {
  void deps.jobs.work(REMINDER_QUEUE, async () => {
    await remindDueTickets(deps);
  });
  wakeEvery(app, deps.jobs, REMINDER_QUEUE, 15 * 60_000);
}
