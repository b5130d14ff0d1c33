import { defineConfig } from 'vitest/config';

/**
 * Two projects, one run: `unit` (rules, services and routes on both database engines, and the web app's
 * pure code) and `browser` (the built web app in Debian's Chromium against a real server on the demo
 * province). Each has its own global setup.
 *
 * GRASSROOTS_TEST_ISOLATE=false runs the unit files of a worker in one process that imports the server
 * once (vitest's isolate: false): about 40% less CPU for a small two-engine file (docs/ARCHITECTURE.md,
 * "Tests and their time"). Opt-in until a full run on a quiet machine shows no file leaks state into the
 * next one (listeners, job kinds, spies, open databases).
 */
const isolateUnit = process.env.GRASSROOTS_TEST_ISOLATE !== 'false';

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          isolate: isolateUnit,
          include: [
            'src/**/*.test.ts',
            'test/**/*.test.ts',
            'migrations/**/*.test.ts',
            'web/src/**/*.test.ts',
          ],
          exclude: ['node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['web/e2e/**/*.e2e.test.ts'],
          globalSetup: ['web/e2e/support/global-setup.ts'],
          // Each screen a test visits is also checked with axe-core (a second or two on a loaded machine).
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
