// `npm start` builds the web app only when dist/web is missing or older than its sources, so a restart is instant.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';

const built = 'dist/web/index.html';
function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return max;
}
const stale =
  !existsSync(built) ||
  !existsSync('dist/ssr/entry-server.js') ||
  newest('src/web') > statSync(built).mtimeMs ||
  newest('src/shared') > statSync(built).mtimeMs;
if (stale) {
  console.log('Building the web app…');
  // The same steps as `npm run build`: the app, the server's renderer of citizens' pages, the precompressed copies.
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
  execSync('npx vite build --ssr entry-server.tsx --logLevel warn', { stdio: 'inherit' });
  execSync('node scripts/precompress.mjs dist/web', { stdio: 'inherit' });
}
