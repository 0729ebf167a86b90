import { parentPort, workerData } from 'node:worker_threads';
import { createPiiCipher } from './pii-cipher.js';

// The keys arrive as Uint8Arrays (structured clone); the cipher wants Buffers over the same bytes.
const keys = workerData as { data: Uint8Array; index: Uint8Array };
const cipher = createPiiCipher({ data: Buffer.from(keys.data), index: Buffer.from(keys.index) });

parentPort!.on('message', ({ id, values }: { id: number; values: string[] }) => {
  try {
    parentPort!.postMessage({ id, plain: values.map((v) => cipher.decrypt(v)) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
