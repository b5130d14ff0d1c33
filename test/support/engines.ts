import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createUser } from '../../src/modules/access/index.ts';
import type { App, AppContext } from '../../src/platform/app-context.ts';
import { fixedClock, todayOf } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type DatabaseHandle, openServerDatabase, wrapPGlite } from '../../src/platform/db/database.ts';
import { PGLITE_EXTENSIONS } from '../../src/platform/db/pglite.ts';
import { loadProfile } from '../../src/platform/profile.ts';
import { buildServer } from '../../src/server.ts';
import { createDatabaseFromTemplate, dropDatabase, urlFor } from './postgres-server.ts';

export type EngineName = 'embedded' | 'postgres';

/**
 * The instant every suite's server takes as "now" unless the suite names its own: a pinned clock, so
 * no test depends on when (or in which time zone) the suite runs. 09:00 in Hanoi, 02:00 UTC.
 */
export const TEST_NOW = '2026-12-02T09:00:00+07:00';

/** A migrated, empty database on one engine, with the app context and an HTTP server for inject(). */
export interface TestEngine {
  name: EngineName;
  ctx: AppContext;
  app: App;
  /** An HTTP request as the test administrator (unless the options carry their own Authorization). */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Signs in and returns a bearer token. */
  signIn(username: string, password?: string): Promise<string>;
  /** Today on the server's pinned clock, on the profile's calendar ('YYYY-MM-DD'). */
  today: string;
}

export const TEST_ADMIN = { username: 'test-admin', password: 'test-admin-password' };

async function openTestDatabase(
  name: EngineName,
): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  if (name === 'embedded') {
    const tarball = fs.readFileSync(inject('pgliteTemplate'));
    const pglite = await PGlite.create({ loadDataDir: new Blob([tarball]), extensions: PGLITE_EXTENSIONS });
    const handle = wrapPGlite(pglite);
    return { handle, cleanup: () => handle.close() };
  }
  const dbName = await createDatabaseFromTemplate(inject('pgTemplate'));
  const handle = openServerDatabase(urlFor(dbName), 4);
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      await dropDatabase(dbName);
    },
  };
}

/**
 * Runs a suite once per engine: the embedded PGlite and the PostgreSQL server. Each engine gets its own
 * fresh database for the suite. The server leg is skipped (with a line printed by the global setup) only
 * outside CI when no server answers. `options.profile` runs the suite's server under another country
 * profile (`vn` by default), as `GRASSROOTS_PROFILE` would; `options.now` pins the server's clock
 * at another instant than TEST_NOW (e.g. '2026-03-31T23:30:00+07:00', late evening in Hanoi).
 *
 * @example
 * describeOnBothEngines('facilities', (t) => {
 *   test('lists', async () => { const res = await t().inject({ url: '/api/facilities' }); ... });
 * });
 */
export function describeOnBothEngines(
  title: string,
  body: (engine: () => TestEngine) => void,
  options: { profile?: string; now?: string } = {},
): void {
  const profile = options.profile ?? 'vn';
  const clock = fixedClock(options.now ?? TEST_NOW);
  for (const name of ['embedded', 'postgres'] as const) {
    const skip = name === 'postgres' && !inject('pgTemplate');
    describe.skipIf(skip)(`${title} [${name}]`, () => {
      let engine: TestEngine | undefined;
      let cleanup: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const opened = await openTestDatabase(name);
        cleanup = opened.cleanup;
        const config = loadConfig({ GRASSROOTS_PROFILE: profile });
        const ctx: AppContext = {
          db: opened.handle.db,
          engine: opened.handle.engine,
          profile: loadProfile(profile),
          config,
          clock,
        };
        const app = await buildServer(ctx, { webDist: null });
        await app.ready();
        await createUser(
          ctx.db,
          {
            username: TEST_ADMIN.username,
            displayName: 'Test administrator',
            password: TEST_ADMIN.password,
            roles: [{ role: 'admin' }],
          },
          { trustedPassword: true },
        );
        const signIn = async (username: string, password = TEST_ADMIN.password) => {
          const res = await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username, password },
          });
          if (res.statusCode !== 200)
            throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
          return res.json().token as string;
        };
        const adminToken = await signIn(TEST_ADMIN.username);
        engine = {
          name,
          ctx,
          app,
          signIn,
          today: todayOf(ctx),
          inject: (options) =>
            app.inject({
              ...options,
              headers: { authorization: `Bearer ${adminToken}`, ...(options.headers ?? {}) },
            }),
        };
      });
      afterAll(async () => {
        await engine?.app.close();
        await cleanup?.();
      });
      body(() => {
        if (!engine) throw new Error('engine not ready');
        return engine;
      });
    });
  }
}
