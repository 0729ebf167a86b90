import { errorForLog } from '../lib/logging.js';
import PgBoss from 'pg-boss';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../db/client.js';

/**
 * Background work (imports, exports, later deliveries and snapshots) as pg-boss jobs inside PostgreSQL, so the
 * embedded default needs no broker. `send` also wakes this process's worker, so a job starts at once instead of at
 * the next poll; other API processes pick it up on their poll.
 */
export type Jobs = {
  start(): Promise<void>;
  stop(): Promise<void>;
  send(name: string, data: object, options?: { retryLimit?: number; singletonKey?: string }): Promise<string | null>;
  work<T extends object>(name: string, handler: (data: T) => Promise<void>): Promise<void>;
};

/** pg-boss speaks to PGlite through this adapter: one connection, so a failed statement must not leave it aborted. */
function pgliteAdapter(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      try {
        if (values && values.length > 0) return await pglite.query(text, values);
        const results = await pglite.exec(text);
        return { rows: results.flatMap((r) => r.rows) };
      } catch (error) {
        await pglite.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
  };
}

export function createJobs(database: Database, options: { workers?: boolean } = {}): Jobs {
  // A worker's fetch that was under way when stop() found no job in progress returns after pg-boss has stopped; the
  // job's completion (or failure) then reaches a database being closed. Such late statements are never run and never
  // answer (a promise left pending holds nothing; an empty answer would be read as a result): the job stays active
  // and pg-boss's expiry hands it out again after the next start, as for any job cut off by a shutdown.
  let stopped = false;
  const unlessStopped =
    (db: PgBoss.Db): PgBoss.Db['executeSql'] =>
    (text, values) =>
      stopped ? new Promise<never>(() => undefined) : db.executeSql(text, values);
  const db: PgBoss.Db =
    database.kind === 'pglite'
      ? pgliteAdapter(database.pglite!)
      : { executeSql: (text, values) => database.pool!.query(text, values) };
  const boss = new PgBoss(
    database.kind === 'pglite'
      ? { db: { executeSql: unlessStopped(db) }, supervise: true, schedule: false }
      : { connectionString: undefined, db: { executeSql: unlessStopped(db) }, schedule: false },
  );
  // Through the same cleaning as request errors: a job's SQL error must not print the values it was bound to.
  boss.on('error', (error) => console.error('[jobs]', JSON.stringify(errorForLog(error))));
  const workerIds = new Map<string, string>();
  const queues = new Set<string>();
  let started = false;

  // Creating a queue alters pg-boss's partitioned job table: two at once deadlock on PostgreSQL (modules register
  // their workers side by side at start-up), so this process creates them one at a time, and retries the rare
  // deadlock with another process starting at the same moment.
  let creating: Promise<unknown> = Promise.resolve();
  async function ensureQueue(name: string) {
    if (queues.has(name)) return;
    const run = creating.then(async () => {
      for (let attempt = 1; !queues.has(name); attempt++) {
        try {
          await boss.createQueue(name);
          queues.add(name);
        } catch (error) {
          if ((error as { code?: string }).code !== '40P01' || attempt >= 3) throw error;
        }
      }
    });
    creating = run.catch(() => undefined);
    await run;
  }

  return {
    async start() {
      if (started) return;
      stopped = false;
      await boss.start();
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      stopped = true;
    },
    async send(name, data, sendOptions) {
      await ensureQueue(name);
      const id = await boss.send(name, data, {
        retryLimit: sendOptions?.retryLimit ?? 2,
        singletonKey: sendOptions?.singletonKey,
      });
      const worker = workerIds.get(name);
      if (worker) boss.notifyWorker(worker);
      return id;
    },
    async work(name, handler) {
      if (options.workers === false) return;
      // Callers fire this and go on (`void jobs.work(...)`), so it never rejects: a worker whose registration fails
      // while the app runs (the database away for a moment) logs it and tries again until it lands or the app stops.
      for (let wait = 1_000; ; wait = Math.min(wait * 2, 30_000)) {
        try {
          await ensureQueue(name);
          const id = await boss.work<object>(name, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
            if (job) await handler(job.data as never);
          });
          workerIds.set(name, id);
          return;
        } catch (error) {
          // Modules register their workers while the app is built; an app closed straight away (a short test, a
          // CLI command) stops pg-boss before the registration lands, and that is no failure.
          if (!started) return;
          console.error('[jobs] worker not registered, retrying', name, JSON.stringify(errorForLog(error)));
          await new Promise((resolve) => setTimeout(resolve, wait).unref());
          if (!started) return;
        }
      }
    },
  };
}

/**
 * Asks for one run of a singleton job: however many processes or requests ask, one run waits in the queue at a time.
 * Fire and forget — a failure to enqueue is retried by the next wake.
 */
export function wake(jobs: Pick<Jobs, 'send'>, queue: string): void {
  void jobs.send(queue, {}, { singletonKey: queue, retryLimit: 0 }).catch(() => undefined);
}

/** Wakes a singleton job every `ms` while the app runs (each process asks; one run happens), stopped on close. */
export function wakeEvery(
  app: { addHook(name: 'onClose', hook: () => Promise<void>): unknown },
  jobs: Pick<Jobs, 'send'>,
  queue: string,
  ms: number,
): void {
  const timer = setInterval(() => wake(jobs, queue), ms);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
