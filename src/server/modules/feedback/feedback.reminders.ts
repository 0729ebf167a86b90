import { sql } from 'drizzle-orm';
import { openTicketStatuses } from '../../../shared/feedback.js';
import { queryRows, type Tx } from '../../db/client.js';
import type { App, AppDeps } from '../../deps.js';
import { wakeEvery } from '../../jobs/jobs.js';
import { formatDateVi } from '../../lib/pdf.js';
import { insertAudit } from '../audit/audit.repo.js';
import { insertTicketEvent, processorsOf } from './feedback.repo.js';
import { dueSoonLimits } from './feedback.service.js';

export const REMINDER_QUEUE = 'feedback.reminders';
const system = { userId: null, username: 'system', roles: null, unitId: null, ip: 'system', userAgent: null };

export type Threshold = 'DUE_SOON' | 'OVERDUE';

/**
 * Reminds staff of open tickets that are due soon (within the commune's due-soon working hours) or overdue, once per
 * ticket, threshold and due date in force (an approved extension starts the count again): a REMINDED line in the
 * journal naming whom it is for — the assignee, else every processor of the ticket's unit — which their queue and the
 * ticket show. Each ticket in its own transaction, re-checked there, so two sweeps never remind twice.
 */
export async function remindDueTickets(deps: Pick<AppDeps, 'database'>, now = new Date()): Promise<number> {
  const db = deps.database.db;
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
  for (const row of due) {
    reminded += await db.transaction((tx) => remindOne(tx, row.id, row.threshold, now));
  }
  return reminded;
}

async function remindOne(tx: Tx, id: number, threshold: Threshold, now: Date): Promise<number> {
  const [t] = await queryRows<{
    id: number;
    code: string;
    status: string;
    due: Date;
    assigneeId: number | null;
    path: string;
    mergedIntoId: number | null;
    abuseAt: Date | null;
  }>(
    tx,
    sql`select t.id, t.code, t.status, coalesce(t.extended_due_at, t.due_at) as due, t.assignee_id as "assigneeId",
          u.path, t.merged_into_id as "mergedIntoId", t.abuse_at as "abuseAt"
        from tickets t join units u on u.id = t.unit_id where t.id = ${id} for update of t`,
  );
  if (!t || !openTicketStatuses.includes(t.status as never) || t.mergedIntoId !== null || t.abuseAt !== null) return 0;
  const dueAt = new Date(t.due);
  const [already] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ticket_events where ticket_id = ${id} and kind = 'REMINDED'
        and data->>'threshold' = ${threshold} and (data->>'dueAt')::timestamptz = ${dueAt.toISOString()}`,
  );
  if (already!.n > 0) return 0;
  const recipients = t.assigneeId ? [t.assigneeId] : (await processorsOf(tx, t.path)).map((p) => p.id);
  const body =
    threshold === 'OVERDUE'
      ? `Phản ánh ${t.code} đã quá hạn giải quyết (hạn ${formatDateVi(dueAt)})`
      : `Phản ánh ${t.code} sắp đến hạn giải quyết (hạn ${formatDateVi(dueAt)})`;
  await insertTicketEvent(tx, {
    ticketId: id,
    at: now,
    kind: 'REMINDED',
    actorKind: 'SYSTEM',
    body,
    data: { threshold, dueAt: dueAt.toISOString(), recipients },
  });
  await insertAudit(tx, system, {
    action: 'ticket.remind',
    entityType: 'ticket',
    entityId: id,
    details: { threshold, recipients: recipients.length },
  });
  return 1;
}

/** The reminder sweep as a pg-boss singleton job, woken every 15 minutes by each process. */
export function registerFeedbackReminders(app: App, deps: Pick<AppDeps, 'database' | 'jobs'>): void {
  void deps.jobs.work(REMINDER_QUEUE, async () => {
    await remindDueTickets(deps);
  });
  wakeEvery(app, deps.jobs, REMINDER_QUEUE, 15 * 60_000);
}
