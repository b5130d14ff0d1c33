/**
 * What one scoped request costs, statement by statement (issue 18): the server in this process on the
 * demo province, each route asked one request at a time, and every statement the request sends to the
 * database counted and timed at the client (pg's Client.query, which both engines go through). Prints,
 * per route, the request's time, its round trips and the mean time of each kind of statement (session
 * lookup, grants, BEGIN, role and scope, the handler's own queries, the audit insert, COMMIT), and what
 * is left for the framework and the code. Asserts nothing.
 *
 * Then a typical visit saved (opened, then closed with its bill and dispensing), each step's statements.
 *
 * Usage: npm run bench:round-trips [-- --engine postgres|embedded] [--requests 200] [--saves-only] [--list]
 *        [--visits: on bench:visits' database (BENCH_DATABASE_URL or grassroots_bench_visits_full), with --saves-only;
 *        without it a database not holding the demo is loaded afresh with it]
 *   postgres: the demo database of bench:load (`grassroots_bench_load`, BENCH_DATABASE_URL);
 *   embedded: the data folder of bench:load under the system's temporary folder (loaded if empty).
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { hasDemoData, loadDemo } from '../src/demo/index.ts';
import type { AppContext } from '../src/platform/app-context.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { loadProfile } from '../src/platform/profile.ts';
import { buildServer } from '../src/server.ts';
import { openDemoDatabase, percentile } from './support/demo-database.ts';
import { prepareVisitSaves, visitBody } from './support/visit-saves.ts';
import { openVisitsDatabase, VISITS_FULL_URL } from './support/visits-database.ts';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    requests: { type: 'string', default: '200' },
    /** Only the visit saves (open, close), not the read routes. */
    'saves-only': { type: 'boolean', default: false },
    /** Print each distinct statement of the saves with its count per request. */
    list: { type: 'boolean', default: false },
    /** The visits database of bench:visits (support/visits-database.ts) instead of the demo's: kept as it is. */
    visits: { type: 'boolean', default: false },
  },
});
const engine = values.engine === 'embedded' ? 'embedded' : 'postgres';
const perRoute = Number(values.requests);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/grassroots_bench_load';

/** What a statement is, from its text: the request path's fixed statements by name, the rest "handler". */
function kindOf(text: string): string {
  const s = text.trim().toLowerCase();
  if (s === 'begin') return 'BEGIN';
  if (s === 'commit') return 'COMMIT';
  if (s === 'rollback') return 'ROLLBACK';
  if (s.includes('set local role') || s.includes("set_config('role'")) return 'role + scope';
  if (s.includes("set_config('app.scope")) return 'role + scope';
  if (s.includes('from "auth_session"') && s.includes('user_role')) return 'session + grants';
  if (s.includes('from "auth_session"')) return 'session';
  if (s.startsWith('update "auth_session"')) return 'session touch';
  if (s.includes('from "user_role"')) return 'grants';
  if (s.startsWith('insert into "audit_log"')) return 'audit insert';
  return 'handler';
}

/**
 * Every statement's kind and time, while `recording` is on, and the round trips: statements handed to
 * the client in one synchronous run leave in one write and are answered together (platform/db/pipeline.ts
 * on the PostgreSQL server), so they count as one round trip; each statement's time is its own wait.
 */
const statements: { kind: string; text: string; ms: number; start: number; end: number }[] = [];
let roundTrips = 0;
let writeOpen = false;
let recording = false;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const result = (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
  if (!recording || typeof text !== 'string' || !(result instanceof Promise)) return result;
  if (!writeOpen || !(this as { pipeline?: boolean }).pipeline) {
    roundTrips++;
    writeOpen = true;
    queueMicrotask(() => {
      writeOpen = false;
    });
  }
  const started = performance.now();
  const kind = kindOf(text);
  return result.then((r) => {
    const end = performance.now();
    statements.push({ kind, text, ms: end - started, start: started, end });
    return r;
  });
} as typeof pg.Client.prototype.query;

async function open(): Promise<{ ctx: AppContext; handle: DatabaseHandle }> {
  if (engine === 'postgres')
    return values.visits
      ? openVisitsDatabase(process.env.BENCH_DATABASE_URL ?? VISITS_FULL_URL, { poolSize: 10 })
      : openDemoDatabase(url, { poolSize: 10 });
  const dataDir = path.join(os.tmpdir(), 'grassroots-bench-load-embedded');
  const handle = await openDatabase({ databaseUrl: undefined, dataDir });
  await migrateToLatest(handle.db);
  const ctx: AppContext = {
    db: handle.db,
    engine: 'embedded',
    profile: loadProfile('vn'),
    config: loadConfig({ GRASSROOTS_PROFILE: 'vn', GRASSROOTS_DATA: dataDir }),
    clock: systemClock,
  };
  if (!(await hasDemoData(ctx.db))) {
    console.log('Loading the demo province into the embedded data folder (once)...');
    await loadDemo(ctx, { output: false });
  }
  return { ctx, handle };
}

async function main(): Promise<void> {
  const { ctx, handle } = await open();
  const app = await buildServer(ctx, { logger: false, webDist: null });
  await app.ready();
  const signIn = async (username: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'demo' },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in as ${username}: ${res.statusCode} ${res.body}`);
    return res.json().token as string;
  };
  const [station, district, province] = await Promise.all(['station', 'district', 'province'].map(signIn));

  // Samples read as the owner (outside any scope): residents of the demo district and a card.
  const resident = (
    await sql<{ id: string; full_name: string; birth_date: string | null }>`
      select r.id, r.full_name, r.birth_date::text as birth_date from resident r
      join area a on a.path = r.area_path where a.code = '575' or r.area_path <@ a.path
      order by r.id limit 1`.execute(handle.db)
  ).rows[0];
  const card = (
    await sql<{ card_number: string; full_name: string }>`
      select c.card_number, r.full_name from insurance_card c join resident r on r.id = c.resident_id
      where c.card_number is not null order by c.id limit 1`.execute(handle.db)
  ).rows[0];
  const facility = (
    await app.inject({ url: '/api/facilities?limit=1', headers: { authorization: `Bearer ${station}` } })
  ).json().items[0] as { code: string } | undefined;
  if (!values['saves-only'] && (!resident || !card || !facility))
    throw new Error('the demo province is not loaded');
  const given = resident?.full_name.split(' ').at(-1) ?? '';

  const routes: { name: string; url: string; token?: string }[] = [
    { name: 'health (no database)', url: '/api/health' },
    { name: 'session check (signed-in)', url: '/api/auth/session', token: station },
    { name: 'facility list', url: '/api/facilities?limit=50', token: province },
    { name: 'resident read', url: `/api/residents/${resident?.id}`, token: district },
    { name: 'counter search', url: `/api/residents?q=${encodeURIComponent(given)}&limit=20`, token: station },
    {
      name: 'eligibility check',
      url: `/api/eligibility?${new URLSearchParams({ card: card?.card_number ?? '', fullName: card?.full_name ?? '', facility: facility?.code ?? '' })}`,
      token: station,
    },
  ];

  // The bare round trip: one `select 1` on a pooled connection.
  const bare: number[] = [];
  for (let i = 0; i < perRoute; i++) {
    const t0 = performance.now();
    await sql`select 1`.execute(handle.db);
    bare.push(performance.now() - t0);
  }
  bare.sort((a, b) => a - b);
  console.log(
    `\n${engine}: ${perRoute} requests per route, one at a time, in this process (app.inject)` +
      `\n  a bare round trip (select 1): mean ${mean(bare).toFixed(3)} ms, p50 ${percentile(bare, 50).toFixed(3)} ms\n`,
  );

  for (const route of values['saves-only'] ? [] : routes) {
    const headers = route.token ? { authorization: `Bearer ${route.token}` } : {};
    for (let i = 0; i < 20; i++) await app.inject({ url: route.url, headers }); // warm up
    statements.length = 0;
    roundTrips = 0;
    const times: number[] = [];
    recording = true;
    for (let i = 0; i < perRoute; i++) {
      const t0 = performance.now();
      const res = await app.inject({ url: route.url, headers });
      times.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`${route.url}: ${res.statusCode} ${res.body}`);
    }
    recording = false;
    times.sort((a, b) => a - b);
    const byKind = new Map<string, number[]>();
    for (const s of statements) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s.ms]);
    const dbMs = waited(statements) / perRoute;
    console.log(
      `${route.name}: ${mean(times).toFixed(2)} ms a request (p50 ${percentile(times, 50).toFixed(2)}, p95 ${percentile(times, 95).toFixed(2)}), ` +
        `${(roundTrips / perRoute).toFixed(1)} round trips (${(statements.length / perRoute).toFixed(1)} statements), ${dbMs.toFixed(2)} ms waiting for them, ${(mean(times) - dbMs).toFixed(2)} ms elsewhere`,
    );
    for (const [kind, ms] of byKind)
      console.log(
        `    ${kind.padEnd(18)} ${(ms.length / perRoute).toFixed(1).padStart(4)} per request  mean ${mean(ms).toFixed(3)} ms`,
      );
  }
  await visitSaves(ctx, app, { authorization: `Bearer ${station}` });
  await app.close();
  await handle.close();
}

/**
 * Saving a typical visit (issue 21): POST /api/encounters (5 observations, 2 diagnoses, 3
 * prescriptions) then POST /api/encounters/:id/close (bill and dispensing), as the station, each a new
 * visit; the statements of each, by kind, and with --list every distinct statement of the handler.
 */
async function visitSaves(
  ctx: AppContext,
  app: Awaited<ReturnType<typeof buildServer>>,
  headers: Record<string, string>,
) {
  const saves = await prepareVisitSaves(ctx, { residents: 50, app, headers, stockFor: 50 * perRoute + 1000 });
  if (saves.residents.length === 0 || saves.medicines.length < 3) {
    console.log('visit saves: no station residents or medicines in this database (skipped)');
    return;
  }
  const phases = { open: [] as typeof statements, close: [] as typeof statements };
  const times = { open: [] as number[], close: [] as number[] };
  const trips = { open: 0, close: 0 };
  for (let i = 0; i < perRoute + 10; i++) {
    const body = visitBody(saves, saves.residents[i % saves.residents.length]!.id);
    const warm = i < 10;
    for (const phase of ['open', 'close'] as const) {
      statements.length = 0;
      roundTrips = 0;
      recording = !warm;
      const t0 = performance.now();
      const res =
        phase === 'open'
          ? await app.inject({ method: 'POST', url: '/api/encounters', headers, payload: body })
          : await app.inject({
              method: 'POST',
              url: `/api/encounters/${body.id}/close`,
              headers,
              payload: {},
            });
      const ms = performance.now() - t0;
      recording = false;
      if (res.statusCode !== (phase === 'open' ? 201 : 200))
        throw new Error(`visit ${phase}: ${res.statusCode} ${res.body}`);
      if (warm) continue;
      times[phase].push(ms);
      trips[phase] += roundTrips;
      phases[phase].push(...statements);
    }
  }
  const n = perRoute;
  for (const phase of ['open', 'close'] as const) {
    const ss = phases[phase];
    const t = [...times[phase]].sort((a, b) => a - b);
    console.log(
      `visit ${phase}: ${mean(t).toFixed(2)} ms a request (p50 ${percentile(t, 50).toFixed(2)}, p95 ${percentile(t, 95).toFixed(2)}), ` +
        `${(trips[phase] / n).toFixed(1)} round trips (${(ss.length / n).toFixed(1)} statements)`,
    );
    const byKind = new Map<string, number[]>();
    for (const s of ss) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s.ms]);
    for (const [kind, ms] of byKind)
      console.log(
        `    ${kind.padEnd(18)} ${(ms.length / n).toFixed(1).padStart(4)} per request  mean ${mean(ms).toFixed(3)} ms`,
      );
    if (values.list) {
      const byText = new Map<string, number>();
      for (const s of ss) {
        const key = s.text
          .replace(/\s+/g, ' ')
          .replace(/\$\d+(, \$\d+)*/g, '$…')
          .slice(0, 110);
        byText.set(key, (byText.get(key) ?? 0) + 1);
      }
      for (const [text, count] of byText) console.log(`      ${(count / n).toFixed(1).padStart(4)}  ${text}`);
    }
  }
  console.log(
    `visit save (open + close): ${((phases.open.length + phases.close.length) / n).toFixed(1)} statements, ${((trips.open + trips.close) / n).toFixed(1)} round trips`,
  );
}

/** The time spent waiting for at least one statement: their intervals, merged. */
function waited(xs: { start: number; end: number }[]): number {
  let total = 0;
  let until = Number.NEGATIVE_INFINITY;
  for (const x of [...xs].sort((a, b) => a.start - b.start)) {
    if (x.end <= until) continue;
    total += x.end - Math.max(x.start, until);
    until = x.end;
  }
  return total;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
