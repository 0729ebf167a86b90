import { wakeEvery } from '../../jobs/jobs.js';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { App, AppDeps } from '../../deps.js';
import { dossierFiles, dossiers } from '../../db/schema/index.js';
import { insertAudit } from '../audit/audit.repo.js';
import { queueDossierMail } from '../mail/mail.service.js';
import { insertEvent } from './dossiers.repo.js';

export const SWEEP_QUEUE = 'dossiers.sweep';
const system = { userId: null, username: 'system', roles: null, unitId: null, ip: 'system', userAgent: null };

/**
 * Stops the dossiers of interconnected groups whose papers did not come within 7 working days (Decree 63/2024):
 * refused if it was never received, stopped (Form 05) otherwise. Each in its own transaction, re-checked under lock.
 */
export async function stopLateSupplements(deps: Pick<AppDeps, 'database'>, now = new Date()): Promise<number> {
  const db = deps.database.db;
  const due = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(and(eq(dossiers.status, 'SUPPLEMENT_REQUESTED'), lt(dossiers.supplementDueAt, now)))
    .limit(500);
  let stopped = 0;
  for (const { id } of due) {
    stopped += await db.transaction(async (tx) => {
      const [d] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
      if (d?.status !== 'SUPPLEMENT_REQUESTED' || !d.supplementDueAt || d.supplementDueAt >= now) return 0;
      const to = d.statusBeforeSupplement === 'NEW' ? 'REFUSED' : 'STOPPED';
      await tx
        .update(dossiers)
        .set({
          status: to,
          closedAt: now,
          supplementDueAt: null,
          version: sql`${dossiers.version} + 1`,
          updatedAt: now,
        })
        .where(eq(dossiers.id, id));
      const reason = 'Quá 7 ngày làm việc chưa bổ sung giấy tờ (Nghị định 63/2024/NĐ-CP)';
      await insertEvent(tx, {
        dossierId: id,
        action: to === 'REFUSED' ? 'REFUSE' : 'STOP',
        fromStatus: d.status,
        toStatus: to,
        at: now,
        actorKind: 'SYSTEM',
        actorUserId: null,
        actorName: null,
        reason,
        formType: to === 'REFUSED' ? 'MAU_03' : 'MAU_05',
      });
      await queueDossierMail(tx, d, 'STOP', d.status, to, reason);
      await insertAudit(tx, system, {
        action: 'dossier.auto_stop',
        entityType: 'dossier',
        entityId: id,
        details: { to },
      });
      return 1;
    });
  }
  return stopped;
}

/** Lookup failures older than their hour and applicant proofs past their time are of no more use: dropped. */
export async function dropSpentProofs(deps: Pick<AppDeps, 'database'>): Promise<void> {
  await deps.database.db.execute(sql`delete from dossier_lookup_failures where at < now() - interval '1 hour'`);
  await deps.database.db.execute(sql`delete from dossier_proofs where expires_at < now()`);
}

/** Papers uploaded for a submission that never came (the form abandoned) are deleted after a day. */
export async function dropAbandonedUploads(deps: Pick<AppDeps, 'database'>, now = new Date()): Promise<number> {
  const gone = await deps.database.db
    .delete(dossierFiles)
    .where(and(isNull(dossierFiles.dossierId), lt(dossierFiles.createdAt, new Date(now.getTime() - 24 * 3600_000))))
    .returning({ id: dossierFiles.id });
  return gone.length;
}

/** Runs the sweeps as a pg-boss job, woken every 15 minutes by each process (the job is a singleton). */
export function registerSweep(app: App, deps: Pick<AppDeps, 'database' | 'jobs'>): void {
  void deps.jobs.work(SWEEP_QUEUE, async () => {
    await stopLateSupplements(deps);
    await dropAbandonedUploads(deps);
    await dropSpentProofs(deps);
  });
  wakeEvery(app, deps.jobs, SWEEP_QUEUE, 15 * 60_000);
}
