#!/usr/bin/env node
// The package's command: runs the TypeScript CLI through tsx (no build step needed).
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
register('tsx/esm', import.meta.url);
await import(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'index.ts'));
