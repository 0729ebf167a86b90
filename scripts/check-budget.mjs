// After `npm run build`: fails when what a citizen's page loads (its JS and CSS, gzip-compressed) grows past its
// budget. Citizens' pages share one entry (index.html's script and style sheet and their static imports); the staff
// console and the field app are dynamic imports, so they must stay out of it. Budgets are set from what the build
// reached when they were written, with a little headroom (docs/scaling.md, "Citizen pages on 3G").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist/web';
/** Kilobytes (1,000 bytes), gzip level 9, as the precompressed .gz files are sent. */
const BUDGET_KB = { js: 170, css: 5 };
/** Chunks that must never load with a citizen's page. */
const STAFF = ['routes/Console.tsx', 'routes/FieldRoutes.tsx'];

const manifest = JSON.parse(readFileSync(path.join(root, '.vite/manifest.json'), 'utf8'));
const seen = new Set();
const files = { js: [], css: [] };
function follow(key) {
  if (seen.has(key)) return;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  files.js.push(chunk.file);
  for (const css of chunk.css ?? []) files.css.push(css);
  for (const next of chunk.imports ?? []) follow(next);
}
follow('index.html');

const gzipped = (file) => gzipSync(readFileSync(path.join(root, file)), { level: 9 }).length;
let failed = false;
for (const kind of ['js', 'css']) {
  const bytes = files[kind].reduce((sum, f) => sum + gzipped(f), 0);
  const kb = bytes / 1000;
  const over = kb > BUDGET_KB[kind];
  failed ||= over;
  console.log(
    `citizen pages ${kind}: ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB[kind]} KB)${over ? '  OVER BUDGET' : ''}`,
  );
}
const leaked = STAFF.filter((key) => seen.has(key));
if (leaked.length) {
  failed = true;
  console.log(`staff code loaded with citizens' pages: ${leaked.join(', ')} (import it lazily)`);
}
if (failed) {
  console.log('The citizen bundle grew past its budget: find what it pulled in, or raise the budget in');
  console.log('scripts/check-budget.mjs and docs/scaling.md with the reason.');
  process.exit(1);
}
