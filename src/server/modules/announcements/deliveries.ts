import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { App, AppDeps } from '../../app.js';
import { queryRows, type Tx } from '../../db/client.js';
import { deliveries } from '../../db/schema/index.js';
import { plainText } from '../../lib/html.js';
import { createSmsSender, SmsRefused, type SmsSender } from '../../lib/sms.js';
import { localParts } from '../calendar/working-days.js';

export const DELIVERY_QUEUE = 'deliveries.send';
const MAX_ATTEMPTS = 5;
/** Non-urgent messages wait out the night (Vietnam time); emergencies go at any hour. */
const QUIET_FROM = '21:00';
const QUIET_UNTIL = '07:00';

/**
 * The INSERT that queues one SMS per household (household-level content: one message, to the household's contact
 * chosen by the audience query), from the `matched` rows of the same statement that snapshots the audience.
 */
export function queueDeliveriesFrom(announcementId: number): SQL {
  return sql`insert into deliveries (announcement_id, household_id, channel, address_enc)
    select ${announcementId}, household_id, 'SMS', phone_enc from matched where phone_enc is not null`;
}

/** When a message due now may go: now, or 07:00 the next morning during quiet hours unless it is urgent. */
export function sendableAt(now: Date, urgent: boolean): Date {
  if (urgent) return now;
  const { day, time } = localParts(now);
  if (time >= QUIET_FROM) return new Date(`${new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10)}T${QUIET_UNTIL}:00+07:00`);
  if (time < QUIET_UNTIL) return new Date(`${day}T${QUIET_UNTIL}:00+07:00`);
  return now;
}

/**
 * Sends what is due, a batch at a time. Rows are claimed (status `sending`) with SKIP LOCKED and committed before the
 * gateway is called, so parallel workers never take the same row; a row found still `sending` after a crash is sent
 * again with the same reference (its id), which the gateway recognises. Temporary failures back off exponentially;
 * a refusal is permanent.
 */
export async function sendDue(deps: Pick<AppDeps, 'database' | 'cipher'>, sms: SmsSender, now = new Date(), batch = 200): Promise<{ delivered: number; failed: number; deferred: number }> {
  const db = deps.database.db;
  const claimed = await db.transaction(async (tx) => {
    const rows = await queryRows<{ id: number; attempts: number; address_enc: string; announcement_id: number; priority: string; title: string; body_html: string }>(tx, sql`
      select d.id, d.attempts, d.address_enc, d.announcement_id, a.priority, a.title, a.body_html from deliveries d join announcements a on a.id = d.announcement_id
      where (d.status in ('created', 'temporary-failure') or (d.status = 'sending' and d.updated_at < ${new Date(now.getTime() - 5 * 60_000).toISOString()}))
        and d.next_attempt_at <= ${now.toISOString()}
      order by d.id limit ${batch} for update of d skip locked`);
    if (rows.length) await tx.update(deliveries).set({ status: 'sending', updatedAt: now }).where(inArray(deliveries.id, rows.map((r) => r.id)));
    return rows;
  });
  const result = { delivered: 0, failed: 0, deferred: 0 };
  const sent: number[] = [];
  for (const row of claimed) {
    const at = sendableAt(now, row.priority === 'URGENT');
    if (at > now) {
      await db.update(deliveries).set({ status: 'created', nextAttemptAt: at, updatedAt: now }).where(eq(deliveries.id, row.id));
      result.deferred += 1;
      continue;
    }
    if (!sms.configured) {
      // Development without a gateway: the message is not sent, so the household is not counted as reached.
      await db.update(deliveries).set({ status: 'technical-failure', lastError: 'SMS gateway not configured', updatedAt: now }).where(eq(deliveries.id, row.id));
      result.failed += 1;
      continue;
    }
    const text = `${row.title}\n${plainText(row.body_html)}`.slice(0, 1000);
    try {
      await sms.send(deps.cipher.decrypt(row.address_enc), text, `ketnoi-delivery-${row.id}`);
      sent.push(row.id);
      result.delivered += 1;
    } catch (error) {
      // The claimed row is ours until this update: its attempts are known without reading them again.
      const attempts = row.attempts + 1;
      const status = error instanceof SmsRefused ? 'permanent-failure' : attempts >= MAX_ATTEMPTS ? 'technical-failure' : 'temporary-failure';
      await db.update(deliveries).set({ status, attempts, lastError: String((error as Error).message).slice(0, 300), nextAttemptAt: new Date(now.getTime() + 2 ** attempts * 60_000), updatedAt: now }).where(eq(deliveries.id, row.id));
      result.failed += 1;
    }
  }
  // Delivered rows are marked in one statement per batch; until then they stay "sending", which a later run would
  // resend with the same reference (the gateway's deduplication is what makes that safe).
  if (sent.length) await db.update(deliveries).set({ status: 'delivered', sentAt: now, attempts: sql`${deliveries.attempts} + 1`, updatedAt: now }).where(inArray(deliveries.id, sent));
  return result;
}

/** Delivery counts of an announcement by status, for the reach view. */
export async function deliveryCounts(db: Tx, announcementId: number) {
  const rows = await db.select({ status: deliveries.status, n: sql<number>`count(*)::int` }).from(deliveries).where(eq(deliveries.announcementId, announcementId)).groupBy(deliveries.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

/** The delivery worker: a pg-boss job woken when an announcement is sent, and every minute for retries. */
export function registerDeliveries(app: App, deps: Pick<AppDeps, 'database' | 'cipher' | 'jobs' | 'config'>): void {
  const sms = createSmsSender(deps.config, (line) => app.log.warn(line));
  void deps.jobs.work(DELIVERY_QUEUE, async () => {
    for (let i = 0; i < 50; i++) {
      const r = await sendDue(deps, sms);
      if (r.delivered + r.failed + r.deferred === 0) break;
    }
  });
  const timer = setInterval(() => void deps.jobs.send(DELIVERY_QUEUE, {}, { singletonKey: DELIVERY_QUEUE, retryLimit: 0 }).catch(() => undefined), 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

export const wakeDeliveries = (deps: Pick<AppDeps, 'jobs'>) => void deps.jobs.send(DELIVERY_QUEUE, {}, { singletonKey: DELIVERY_QUEUE, retryLimit: 0 }).catch(() => undefined);
