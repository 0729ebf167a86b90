// Every installed package must accept the oldest Node this project declares (package.json "engines"): a dependency
// that moves to "node >= 22" is caught here, in CI, instead of on a commune's server still running Node 20.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const own = JSON.parse(readFileSync('package.json', 'utf8'));
const oldest = semver.minVersion(own.engines.node).version;
const refused = [];
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const where = path.join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      walk(where);
      continue;
    }
    const manifest = path.join(where, 'package.json');
    if (existsSync(manifest)) {
      const { name, version, engines } = JSON.parse(readFileSync(manifest, 'utf8'));
      const range = engines?.node;
      if (range && semver.validRange(range) && !semver.satisfies(oldest, range))
        refused.push(`${name}@${version} (${range})`);
    }
    if (existsSync(path.join(where, 'node_modules'))) walk(path.join(where, 'node_modules'));
  }
}
walk('node_modules');
if (refused.length) {
  console.error(`These packages do not declare Node ${oldest} (package.json engines "${own.engines.node}"):`);
  for (const r of refused) console.error(`  ${r}`);
  console.error(
    'Pin a version that does (package.json "overrides"), or raise "engines" and say why in docs/decisions.md.',
  );
  process.exit(1);
}
console.log(`Every installed package accepts Node ${oldest}.`);
