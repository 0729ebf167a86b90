import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Decryption of many values on worker threads, for exports of a province: AES-GCM costs ~5 µs a value, almost all
 * of it in setting up the cipher, so 1M people (about 1.7M ID numbers and phones) took ~9 s of the main thread.
 * The pool runs beside the main thread, which meanwhile reads the next page and writes the file.
 *
 * Workers start on first use and are unref'd: an idle pool never keeps the process alive and needs no closing.
 */
export type DecryptPool = { decrypt(values: string[]): Promise<string[]> };

type Pending = { resolve: (plain: string[]) => void; reject: (error: Error) => void };

export function createDecryptPool(keys: { data: Buffer; index: Buffer }, size = defaultSize()): DecryptPool {
  let workers: { worker: Worker; pending: Map<number, Pending> }[] | undefined;
  let nextId = 0;
  let turn = 0;

  const start = () =>
    Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./pii-pool.worker-boot.mjs', import.meta.url), {
        workerData: { data: keys.data, index: keys.index },
      });
      const entry = { worker, pending: new Map<number, Pending>() };
      worker.unref();
      worker.on('message', (message: { id: number; plain?: string[]; error?: string }) => {
        const job = entry.pending.get(message.id);
        entry.pending.delete(message.id);
        if (message.error !== undefined) job?.reject(new Error(message.error));
        else job?.resolve(message.plain!);
      });
      // A worker that dies fails what it held; the pool starts afresh on the next call.
      const fail = (error: Error) => {
        for (const job of entry.pending.values()) job.reject(error);
        entry.pending.clear();
        workers = undefined;
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`decryption worker exited (${code})`)));
      return entry;
    });

  const send = (values: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      workers ??= start();
      const entry = workers[turn++ % workers.length]!;
      const id = nextId++;
      entry.pending.set(id, { resolve, reject });
      entry.worker.postMessage({ id, values });
    });

  return {
    async decrypt(values) {
      if (values.length === 0) return [];
      // One slice per worker, so a page is spread over all of them.
      const n = workers?.length ?? size;
      const per = Math.ceil(values.length / n);
      const parts = await Promise.all(
        Array.from({ length: Math.ceil(values.length / per) }, (_, i) => send(values.slice(i * per, (i + 1) * per))),
      );
      return parts.flat();
    },
  };
}

/**
 * As many workers as cores, two at least and four at most. The main thread spends much of an export waiting for a
 * page or for the file's reader, so one worker less than the cores left a core idle: on two cores a 1M-resident CSV
 * took 18.4 s with one worker and about 14 s with two.
 */
function defaultSize() {
  return Math.max(2, Math.min(4, availableParallelism()));
}
