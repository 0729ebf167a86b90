/**
 * `npm run bench -- <name> [options]`: each benchmark measures its physical limit in the same run and prints ratios.
 * Benchmarks: registry, onestop, channels, campaigns, citizens, feedback, indicators.
 */
const [name, ...args] = process.argv.slice(2);
const benches: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  registry: () => import('./registry.js'),
  onestop: () => import('./onestop.js'),
  channels: () => import('./channels.js'),
  campaigns: () => import('./campaigns.js'),
  citizens: () => import('./citizens.js'),
  feedback: () => import('./feedback.js'),
  indicators: () => import('./indicators.js'),
};
if (!name || !benches[name]) {
  console.error(
    `usage: npm run bench -- <${Object.keys(benches).join('|')}> [--residents N | --dossiers N] [--db pglite|postgres|both]`,
  );
  process.exit(2);
}
await (await benches[name]!()).run(args);
process.exit(0);
