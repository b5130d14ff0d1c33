/**
 * The PostgreSQL server restarted under load (issue 18, faults), as a function: postgres-restart.test.ts
 * asserts on what it returns and `npm run reliability` prints it. A real HTTP server on a cluster of its
 * own (the shared server on 5432 is never restarted), six clients sending requests (four scoped reads
 * without pause, a health check, a sign-in every 300 ms: a write), then the cluster stopped
 * (`pg_ctl stop -m fast`: every session ended with 57P01), kept down for two seconds (connections
 * refused) and started again; after it, more requests and a check that every sign-in answered 200 left
 * a session that works. The embedded engine has no server to restart: this is PostgreSQL only. No vitest.
 */
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createUser } from '../../src/modules/access/index.ts';
import type { AppContext } from '../../src/platform/app-context.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openServerDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { loadProfile } from '../../src/platform/profile.ts';
import { buildServer } from '../../src/server.ts';
import { TEST_NOW } from '../support/engines.ts';
import { startPrivateCluster } from '../support/private-postgres.ts';

export { privateClusterUnavailable } from '../support/private-postgres.ts';

/** The longest any request may take, restart or not: the pool's connection timeout (5 s) and some. */
export const DEADLINE_MS = 8_000;
const PASSWORD = 'restart-test-password';

export interface Outcome {
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

export interface RestartResult {
  /** Every request sent while the clients ran, restart included. */
  outcomes: Outcome[];
  /** When the stop began (performance.now()): an answer before it had no fault to meet. */
  stoppedAt: number;
  /** Requests sent one by one once the server was back. */
  afterwards: Outcome[];
  /** Sign-ins answered 200 during the run, and those whose session no longer works afterwards. */
  savedSignIns: number;
  lostSignIns: string[];
}

/** An answer that breaks the promise: neither a success nor a 503 problem with a retry hint. */
export function isWrongAnswer(o: Outcome): boolean {
  if (typeof o.status !== 'number') return false;
  if (o.status < 300) return false;
  return !(
    o.status === 503 &&
    Number(o.retryAfter) >= 1 &&
    o.contentType?.startsWith('application/problem+json') &&
    o.code === 'unavailable'
  );
}

export const isLate = (o: Outcome) => o.status === 'no answer' || o.ms >= DEADLINE_MS;
export const describeOutcome = (o: Outcome) =>
  `${o.phase} ${o.route} ${o.status} ${Math.round(o.ms)} ms${o.code ? ` ${o.code}` : ''}${o.retryAfter ? ` retry-after ${o.retryAfter}` : ''}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function restartUnderLoad(): Promise<RestartResult> {
  const cluster = await startPrivateCluster();
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  let handle: ReturnType<typeof openServerDatabase> | undefined;
  let app: Awaited<ReturnType<typeof buildServer>> | undefined;
  try {
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
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const call = async (route: string, init: RequestInit = {}): Promise<Omit<Outcome, 'phase'>> => {
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
        const end = performance.now();
        return { route, status: 'no answer', ms: end - started, end, retryAfter: null, contentType: null };
      }
    };
    const signIn = () =>
      call('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'restart-admin', password: PASSWORD }),
      });
    const token = (await signIn()).token;
    if (!token) throw new Error('the first sign-in failed');
    const facilities = () =>
      call('/api/facilities?limit=5', { headers: { authorization: `Bearer ${token}` } });
    const health = () => call('/api/health');

    const outcomes: Outcome[] = [];
    let phase: Outcome['phase'] = 'before';
    let running = true;
    // Sign-ins every 300 ms: under the route's limit of 20 a minute from one address.
    const clients = [facilities, facilities, facilities, facilities, health, signIn].map(async (send, i) => {
      while (running) {
        const at = phase;
        outcomes.push({ ...(await send()), phase: at });
        if (i === 5) await sleep(300);
      }
    });
    await sleep(700);
    phase = 'down';
    const stoppedAt = performance.now();
    cluster.stop();
    await sleep(2_000);
    cluster.start();
    phase = 'after';
    await sleep(1_500);
    running = false;
    await Promise.all(clients);

    const afterwards: Outcome[] = [];
    for (let i = 0; i < 10; i++)
      afterwards.push({ ...(await facilities()), phase: 'after' }, { ...(await health()), phase: 'after' });
    const saved = outcomes.filter((o) => o.route === '/api/auth/login' && o.status === 200 && o.token);
    const lostSignIns: string[] = [];
    for (const o of saved) {
      const res = await call('/api/auth/session', { headers: { authorization: `Bearer ${o.token}` } });
      if (res.status !== 200) lostSignIns.push(describeOutcome(o));
    }
    return { outcomes, stoppedAt, afterwards, savedSignIns: saved.length, lostSignIns };
  } finally {
    await admin.end().catch(() => {});
    await app?.close();
    await handle?.close();
    cluster.destroy();
  }
}
