import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '../../src/modules/access/index.ts';
import type { App, AppContext } from '../../src/platform/app-context.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type DatabaseHandle, openServerDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { loadProfile } from '../../src/platform/profile.ts';
import { buildServer } from '../../src/server.ts';
import { TEST_NOW } from '../support/engines.ts';
import {
  type PrivateCluster,
  privateClusterUnavailable,
  startPrivateCluster,
} from '../support/private-postgres.ts';

/**
 * The PostgreSQL server restarted under load (issue 18, faults): a real HTTP server on a cluster of the
 * test's own (the shared server on 5432 is never restarted), clients sending requests without pause,
 * and the cluster stopped (`pg_ctl stop -m fast`: every session ended with 57P01), kept down for two
 * seconds (connections refused) and started again. Every request must answer within its deadline,
 * either 2xx or 503 problem+json with Retry-After; afterwards requests succeed again without any
 * restart of the server (the pool recovers by itself), and every sign-in that was answered 200 left
 * a session that works. The embedded engine has no server to restart: this is PostgreSQL only.
 */
const unavailable = privateClusterUnavailable();
if (unavailable) console.log(`[postgres-restart] skipped: ${unavailable}`);

/** The longest any request may take, restart or not: the pool's connection timeout (5 s) and some. */
const DEADLINE_MS = 8_000;
const PASSWORD = 'restart-test-password';

interface Outcome {
  route: string;
  phase: 'before' | 'down' | 'after';
  status: number | 'no answer';
  ms: number;
  /** When the answer came (performance.now()). */
  end: number;
  retryAfter: string | null;
  contentType: string | null;
  code?: string;
  token?: string;
}

describe.skipIf(unavailable !== undefined)('PostgreSQL restarted under load', () => {
  let cluster: PrivateCluster;
  let handle: DatabaseHandle;
  let app: App;
  let base: string;
  let token: string;

  beforeAll(async () => {
    cluster = await startPrivateCluster();
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('create database grassroots');
    await admin.end();
    handle = openServerDatabase(cluster.url('grassroots'), 4);
    await migrateToLatest(handle.db);
    const ctx: AppContext = {
      db: handle.db,
      engine: handle.engine,
      profile: loadProfile('vn'),
      config: loadConfig({ GRASSROOTS_PROFILE: 'vn' }),
      clock: fixedClock(TEST_NOW),
    };
    await createUser(
      ctx.db,
      { username: 'restart-admin', displayName: 'Restart', password: PASSWORD, roles: [{ role: 'admin' }] },
      { trustedPassword: true },
    );
    app = await buildServer(ctx, { logger: false, webDist: null });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    token = (await signIn()).token!;
  });

  afterAll(async () => {
    await app?.close();
    await handle?.close();
    cluster?.destroy();
  });

  async function call(route: string, init: RequestInit = {}): Promise<Omit<Outcome, 'phase'>> {
    const started = performance.now();
    try {
      const res = await fetch(`${base}${route}`, { ...init, signal: AbortSignal.timeout(DEADLINE_MS) });
      const body = (await res.json().catch(() => ({}))) as { code?: string; token?: string };
      return {
        route,
        status: res.status,
        ms: performance.now() - started,
        end: performance.now(),
        retryAfter: res.headers.get('retry-after'),
        contentType: res.headers.get('content-type'),
        code: body.code,
        token: body.token,
      };
    } catch {
      return {
        route,
        status: 'no answer',
        ms: performance.now() - started,
        end: performance.now(),
        retryAfter: null,
        contentType: null,
      };
    }
  }

  const signIn = () =>
    call('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'restart-admin', password: PASSWORD }),
    });
  const facilities = () => call('/api/facilities?limit=5', { headers: { authorization: `Bearer ${token}` } });
  const session = (t: string) => call('/api/auth/session', { headers: { authorization: `Bearer ${t}` } });

  test('every request answers 2xx or 503 with Retry-After in time, and the pool recovers by itself', async () => {
    const outcomes: Outcome[] = [];
    let phase: Outcome['phase'] = 'before';
    let running = true;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // Six clients: four scoped reads (a transaction each) and a health check without pause, and sign-ins
    // (writes) every 300 ms, under the route's limit of 20 a minute from one address.
    const pause = (ms: number) => async () => sleep(ms);
    const kinds = [facilities, facilities, facilities, facilities, () => call('/api/health'), signIn];
    const pauses = [0, 0, 0, 0, 0, 300].map(pause);
    const clients = kinds.map(async (send, i) => {
      while (running) {
        const at = phase;
        outcomes.push({ ...(await send()), phase: at });
        await pauses[i]!();
      }
    });
    await sleep(700);
    phase = 'down';
    const stopped = performance.now();
    cluster.stop();
    await sleep(2_000);
    cluster.start();
    phase = 'after';
    await sleep(1_500);
    running = false;
    await Promise.all(clients);

    const summary = (o: Outcome) => `${o.phase} ${o.route} ${o.status} ${Math.round(o.ms)} ms`;
    // Every request answered, within its deadline.
    const late = outcomes.filter((o) => o.status === 'no answer' || o.ms >= DEADLINE_MS);
    expect(late.map(summary)).toEqual([]);
    // Each answer is a success or a 503 problem with a retry hint.
    const wrong = outcomes.filter(
      (o) =>
        !(typeof o.status === 'number' && o.status < 300) &&
        !(
          o.status === 503 &&
          Number(o.retryAfter) >= 1 &&
          o.contentType?.startsWith('application/problem+json') &&
          o.code === 'unavailable'
        ),
    );
    expect(wrong.map((o) => `${summary(o)} ${o.code} retry-after ${o.retryAfter}`)).toEqual([]);
    // The fault was felt (requests were refused while the server was down), and it was brief for them:
    // a refused request did not wait for the connection timeout.
    const refused = outcomes.filter((o) => o.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    // Before the stop everything succeeded (a request in flight at the stop may be a 503).
    expect(outcomes.filter((o) => o.end < stopped && o.status !== 200).map(summary)).toEqual([]);

    // After the restart every request succeeds, with no restart of the application server.
    const again = [];
    for (let i = 0; i < 10; i++) again.push(await facilities(), await call('/api/health'));
    expect(again.filter((o) => o.status !== 200).map((o) => `${o.route} ${o.status}`)).toEqual([]);
    // A sign-in answered 200 was saved: its session works after the restart.
    const saved = outcomes.filter((o) => o.route === '/api/auth/login' && o.status === 200 && o.token);
    const lost = [];
    for (const o of saved) if ((await session(o.token!)).status !== 200) lost.push(summary(o));
    expect(lost).toEqual([]);
    console.log(
      `[postgres-restart] ${outcomes.length} requests: ${outcomes.filter((o) => o.status === 200).length} 200, ` +
        `${refused.length} 503 (slowest ${Math.round(Math.max(0, ...refused.map((o) => o.ms)))} ms), ` +
        `${saved.length} sign-ins answered 200 all kept`,
    );
  }, 60_000);
});
