import { wake, wakeEvery } from '../../jobs/jobs.js';
import { eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { App, AppDeps } from '../../deps.js';
import type { Tx } from '../../db/client.js';
import { dossiers, mailOutbox, procedures } from '../../db/schema/index.js';
import { closedStatuses, type DossierStatus } from '../../../shared/onestop.js';
import { isCitizenLanguage, procedureNameIn } from '../../../shared/languages.js';
import { statusMail } from './mail.templates.js';
import { statusUrl } from '../dossiers/dossiers.present.js';
import { changedDossiers } from '../dossiers/dossiers.repo.js';

export const MAIL_QUEUE = 'mail.flush';
const MAX_ATTEMPTS = 6;

/**
 * Queues an email to the applicant about a dossier's new status, in the caller's transaction. Only status changes
 * (and the submission itself) are told: an internal step such as sending for approval is not the citizen's business.
 */
export async function queueDossierMail(
  tx: Tx,
  dossier: { id: number; applicantEmail: string | null },
  action: string,
  fromStatus: string | null,
  toStatus: string,
  reason?: string | null,
): Promise<void> {
  if (!dossier.applicantEmail) return;
  if (action !== 'SUBMIT' && action !== 'APOLOGIZE' && fromStatus === toStatus) return;
  await tx.insert(mailOutbox).values({
    toAddress: dossier.applicantEmail,
    kind: 'DOSSIER_STATUS',
    dossierId: dossier.id,
    data: { action, toStatus, reason: reason ?? null },
  });
}

type Pending = typeof mailOutbox.$inferSelect;

/**
 * Renders a dossier status email from the dossier as it is now (so the link and dates are current), in the language
 * the applicant submitted in; the procedure's name as the commune entered it in that language, else Vietnamese.
 */
async function render(tx: Tx, row: Pending, publicUrl: string): Promise<{ subject: string; text: string }> {
  const [d] = await tx
    .select({
      code: dossiers.code,
      token: dossiers.lookupToken,
      dueAt: dossiers.dueAt,
      extendedDueAt: dossiers.extendedDueAt,
      name: dossiers.applicantName,
      language: dossiers.applicantLanguage,
      nameVi: procedures.nameVi,
      nameEn: procedures.nameEn,
      translations: procedures.translations,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(eq(dossiers.id, row.dossierId!));
  const lang = isCitizenLanguage(d!.language) ? d!.language : 'vi';
  const status = String(row.data.toStatus);
  const due = d!.extendedDueAt ?? d!.dueAt;
  const local = due && new Date(due.getTime() + 7 * 3600_000).toISOString();
  return statusMail(lang, {
    code: d!.code,
    name: d!.name,
    procedure: procedureNameIn(d!, lang).name,
    status,
    reason: row.data.reason ? String(row.data.reason) : null,
    due:
      local && !closedStatuses.includes(status as DossierStatus)
        ? { day: local.slice(0, 10), time: local.slice(11, 16) }
        : null,
    link: statusUrl(publicUrl, d!.token),
  });
}

let transport: { url: string; transporter: Transporter } | null = null;
function transporterFor(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/**
 * Sends what is due in the outbox. Rows are claimed in one statement (SKIP LOCKED, and a 10-minute lease pushed onto
 * next_attempt_at) that commits before any mail goes out, so no transaction — and on PGlite no database — waits on
 * the mail server; several processes can flush at once without taking the same row. A process that dies mid-batch
 * leaves its rows to be picked up when the lease runs out. Failures back off exponentially, then are marked FAILED.
 */
export async function flushOutbox(
  deps: Pick<AppDeps, 'database' | 'config'>,
  limit = 50,
): Promise<{ sent: number; failed: number }> {
  const { smtpUrl, mailFrom, publicUrl } = deps.config;
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const db = deps.database.db;
  const claimed = await db
    .update(mailOutbox)
    .set({ nextAttemptAt: sql`now() + interval '10 minutes'` })
    .where(
      sql`${mailOutbox.id} in (
        select id from mail_outbox where status = 'PENDING' and next_attempt_at <= now()
        order by id limit ${limit} for update skip locked)`,
    )
    .returning();
  let sent = 0;
  let failed = 0;
  for (const row of claimed.sort((a, b) => a.id - b.id)) {
    try {
      const message =
        row.kind === 'DOSSIER_STATUS'
          ? await render(db, row, publicUrl)
          : { subject: String(row.data.subject ?? ''), text: String(row.data.text ?? '') };
      const info = await transporterFor(smtpUrl).sendMail({
        from: mailFrom,
        to: row.toAddress,
        subject: message.subject,
        text: message.text,
      });
      await db
        .update(mailOutbox)
        .set({ status: 'SENT', sentAt: sql`now()`, messageId: info.messageId, attempts: row.attempts + 1 })
        .where(eq(mailOutbox.id, row.id));
      sent += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      await db
        .update(mailOutbox)
        .set({
          attempts,
          lastError: String((error as Error).message ?? error).slice(0, 500),
          status: attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING',
          nextAttemptAt: sql`now() + ${`${2 ** attempts} minutes`}::interval`,
        })
        .where(eq(mailOutbox.id, row.id));
      failed += 1;
    }
  }
  return { sent, failed };
}

/** Wakes the mail worker after a change that may have queued mail (one pending flush at a time). */
export function wakeMailer(deps: Pick<AppDeps, 'jobs'>): void {
  wake(deps.jobs, MAIL_QUEUE);
}

/**
 * The mail worker: flushes when woken (after any successful change to a dossier, in one hook rather than in every
 * route), and once a minute for messages waiting out a retry backoff. Every process may run it; SKIP LOCKED keeps
 * them from sending the same message.
 */
export function registerMail(app: App, deps: Pick<AppDeps, 'database' | 'config' | 'jobs'>): void {
  void deps.jobs.work(MAIL_QUEUE, async () => {
    await flushOutbox(deps);
  });
  // Without a mail server nothing can be sent: no point waking the worker (mail waits in the outbox).
  if (!deps.config.smtpUrl) return;
  app.addHook('onResponse', async (request, reply) => {
    if (changedDossiers(request, reply)) wakeMailer(deps);
  });
  wakeEvery(app, deps.jobs, MAIL_QUEUE, 60_000);
}
