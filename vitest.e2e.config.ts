import { defineConfig } from 'vitest/config';

/** Browser tests: the built web app served by the real server, driven in Debian's Chromium. Needs `npm run build`. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    allowOnly: false,
  },
});
