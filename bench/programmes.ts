/**
 * Programmes on PostgreSQL (issue 22): a full recompute of the due store, its rate extrapolated to
 * 1.2 million residents (progress printed), then a 20,000-resident station's worklist p95 through the
 * HTTP API as the station's user (its first page, filtered, one village, a page further on by its
 * cursor). The data is made here: one commune of 20,000 residents in 10 villages (a tenth of them
 * children under 6, most with their birth doses), in a database of its own.
 *
 * Usage: npm run bench:programmes [-- --residents 20000 --requests 50]   (BENCH_DATABASE_URL, default a
 * database `grassroots_bench_programmes` on 127.0.0.1:5432, made afresh). Prints figures; asserts nothing.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { createUser } from '../src/modules/access/index.ts';
import { recomputeArea } from '../src/modules/programmes/index.ts';
import type { AppContext } from '../src/platform/app-context.ts';
import { systemClock, todayOf } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openServerDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { loadProfile } from '../src/platform/profile.ts';
import { buildServer } from '../src/server.ts';
import { percentile } from './support/demo-database.ts';

const { values } = parseArgs({
  options: { residents: { type: 'string', default: '20000' }, requests: { type: 'string', default: '50' } },
});
const url =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/grassroots_bench_programmes';
const N = Number(values.residents);

async function freshDatabase(): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
}

async function main(): Promise<void> {
  await freshDatabase();
  const handle = openServerDatabase(url, 4);
  const db = handle.db;
  await migrateToLatest(db);
  const ctx: AppContext = {
    db,
    engine: 'postgres',
    profile: loadProfile('vn'),
    config: loadConfig({ ...process.env, DATABASE_URL: url, GRASSROOTS_PROFILE: 'vn' }),
    clock: systemClock,
  };
  const today = todayOf(ctx);
  await createUser(
    db,
    {
      username: 'bench-admin',
      displayName: 'Bench',
      password: 'bench-admin-password',
      roles: [{ role: 'admin' }],
    },
    { trustedPassword: true },
  );
  const app = await buildServer(ctx);
  await app.ready();
  const signIn = async (username: string, password: string) => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
    return { authorization: `Bearer ${r.json().token as string}` };
  };
  const admin = await signIn('bench-admin', 'bench-admin-password');
  const post = async (path: string, payload: Record<string, unknown>) => {
    const r = await app.inject({ method: 'POST', url: path, headers: admin, payload });
    if (r.statusCode >= 300) throw new Error(`${path}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  await post('/api/areas', { code: '56', name: 'Tỉnh', level: 'province' });
  await post('/api/areas', { code: '568', name: 'Huyện', level: 'district', parentCode: '56' });
  await post('/api/areas', { code: '22300', name: 'Xã', level: 'commune', parentCode: '568' });
  for (let v = 1; v <= 10; v++)
    await post('/api/areas', {
      code: `22300_${v}`,
      name: `Thôn ${v}`,
      level: 'village',
      parentCode: '22300',
    });
  const station = await post('/api/facilities', {
    code: '56101',
    name: 'Trạm',
    kind: 'commune_health_station',
    areaCode: '22300',
  });
  await post('/api/users', {
    username: 'bench-station',
    displayName: 'Station',
    password: 'quiet-river-station-9',
    roles: [{ role: 'station', facility: '56101' }],
  });

  // Residents in one statement: a tenth children under 6, the rest adults 18-90.
  let t0 = performance.now();
  await sql`
    insert into resident (id, full_name, sex, birth_date, phone, area_id, area_path, updated_at)
    select gen_random_uuid(), 'Người ' || i, case when i % 2 = 0 then 'female' else 'male' end,
      case when i % 10 = 0 then ${today}::date - (i * 7919 % 2190)
           else ${today}::date - (6570 + i * 104729 % 26000) end,
      '09' || lpad((i % 100000000)::text, 8, '0'), a.id, a.path, now()
    from generate_series(1, ${N}) i
    join area a on a.code = '22300_' || (1 + i % 10)`.execute(db);
  // Birth doses (BCG and HepB) for four children in five, given at the station.
  await sql`
    insert into immunization (id, resident_id, vaccine, given_on, given_elsewhere, facility_id, fingerprint,
      recorded_at, area_path)
    select gen_random_uuid(), r.id, v.code, r.birth_date, false, ${station.id}::uuid, 'bench', now(), r.area_path
    from resident r cross join (values ('BCG'), ('HepB')) v(code)
    where r.birth_date > ${today}::date - 2190 and abs(hashtext(r.id::text)) % 5 <> 0`.execute(db);
  await sql`analyze`.execute(db);
  console.log(`data: ${N} residents made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // The full recompute, batches of 2,000 residents per transaction.
  t0 = performance.now();
  let last = t0;
  const end = await recomputeArea(db, null, {
    profile: ctx.profile,
    clock: ctx.clock,
    workers: 2, // as the job runs it on PostgreSQL
    onProgress: (p) => {
      const now = performance.now();
      if (now - last > 2000 || p.done === p.total) {
        last = now;
        const rate = p.done / ((now - t0) / 1000);
        console.log(`  recompute ${p.done}/${p.total}  ${rate.toFixed(0)} residents/s`);
      }
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const rate = end.done / seconds;
  const windows = (await sql<{ n: number }>`select count(*)::int as n from programme_due`.execute(db)).rows[0]
    ?.n;
  console.log(
    `recompute: ${end.done} residents, ${windows} windows in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} residents/s; 1.2 M residents at this rate: ${(1_200_000 / rate / 60).toFixed(1)} min (2 workers)`,
  );
  await sql`analyze`.execute(db);

  const headers = await signIn('bench-station', 'quiet-river-station-9');
  const worklist = async (query: string) => {
    const s = performance.now();
    const r = await app.inject({ url: `/api/worklists${query}`, headers });
    if (r.statusCode !== 200) throw new Error(`worklist: ${r.statusCode} ${r.body}`);
    return { ms: performance.now() - s, body: r.json() };
  };
  const first = await worklist('');
  console.log(`worklist: ${first.body.total.count} items due or overdue today (${today}) for the station`);
  // The third page, through the cursors (the keyset reads on from the second page's last row).
  const second = await worklist(`?cursor=${first.body.nextCursor}`);
  const third = `?cursor=${second.body.nextCursor}`;
  for (const [label, query] of [
    ['first page (50)', ''],
    ['immunization, overdue', '?kind=immunization&state=overdue'],
    ['one village', '?area=22300_3'],
    ['third page (cursor)', third],
  ] as const) {
    const ms: number[] = [];
    for (let i = 0; i < Number(values.requests); i++) ms.push((await worklist(query)).ms);
    ms.sort((a, b) => a - b);
    console.log(
      `GET /api/worklists ${label.padEnd(24)} n=${ms.length}  p50 ${percentile(ms, 50).toFixed(1)} ms  p95 ${percentile(ms, 95).toFixed(1)} ms  max ${ms.at(-1)?.toFixed(1)} ms`,
    );
  }
  await app.close();
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
