// Boots a worker thread that runs TypeScript: registers tsx's loader in this thread, then loads the entry.
import { register } from 'tsx/esm/api';
register();
await import('./pii-pool.worker.ts');
