import { parentPort, workerData } from 'node:worker_threads';
import { scanSheet, type ScanInput } from './imports.scan.js';

/**
 * Worker-thread side of the scan. At most two batches wait unacknowledged, so the scan runs ahead of the database by
 * one batch and memory stays bounded however large the file.
 */
const port = parentPort!;
let credits = 2;
let wake: (() => void) | undefined;
port.on('message', (message: { type: 'ack' }) => {
  if (message.type === 'ack') {
    credits += 1;
    wake?.();
  }
});

try {
  const end = await scanSheet(workerData as ScanInput, async (batch) => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    port.postMessage({ type: 'batch', batch });
  });
  port.postMessage({ type: 'end', end });
} catch (error) {
  port.postMessage({ type: 'error', message: (error as Error).message });
}
