/**
 * A district's stock alerts at the issue's scale (issue 21 target: under 200 ms on PostgreSQL): the
 * full visits database (support/visits-database.ts: every commune station's shelf fed by a year of
 * five million visits' dispensings, 12 monthly batches per medicine), then GET /api/stock/district
 * for each district as the district login would ask it (as the administrator here: the same
 * statements), and for the whole province. With --demo: the demo province with six months of
 * shelves at every district centre and commune station instead (`grassroots_bench_stock`).
 *
 * Usage: npm run bench:stock [-- --rounds 20] [--rebuild] [--demo [--reload]]   (BENCH_DATABASE_URL
 * overrides the database). Prints figures; asserts nothing.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { generateDemoProvince } from '../src/demo/generate.ts';
import { loadDemoStock, stockFacilities } from '../src/demo/load-stock.ts';
import { createUser } from '../src/modules/access/index.ts';
import { todayOf } from '../src/platform/clock.ts';
import { buildServer } from '../src/server.ts';
import { openDemoDatabase, percentile } from './support/demo-database.ts';
import { openVisitsDatabase, VISITS_FULL_URL } from './support/visits-database.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    reload: { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    'rebuild-base': { type: 'boolean', default: false },
    'year-visits': { type: 'string', default: '5000000' },
  },
});
const url =
  process.env.BENCH_DATABASE_URL ??
  (values.demo ? 'postgres://postgres@127.0.0.1:5432/grassroots_bench_stock' : VISITS_FULL_URL);

async function main(): Promise<void> {
  const { ctx, handle } = values.demo
    ? await openDemoDatabase(url, { reload: values.reload })
    : await openVisitsDatabase(url, {
        rebuild: values.rebuild,
        rebuildBase: values['rebuild-base'],
        visits: Number(values['year-visits']),
      });
  const today = todayOf(ctx);
  const demo = generateDemoProvince({ today });
  const districts = demo.areas.all.filter((a) => a.level === 'district');
  const province = demo.areas.all.find((a) => a.level === 'province');

  // Shelves in every district (the demo loads its own district only): once, kept.
  const stocked = await sql<{
    n: number;
  }>`select count(distinct facility_id)::int as n from stock_batch`.execute(handle.db);
  if (Number(stocked.rows[0]?.n ?? 0) < 50) {
    const started = Date.now();
    let movements = 0;
    for (const d of districts) {
      const communes = new Set(
        demo.areas.communes.filter((c) => c.district.code === d.code).map((c) => c.code),
      );
      const facilities = stockFacilities(ctx, demo.facilities, (code) => communes.has(code));
      if (facilities.some((f) => f.supplierCode === null) && (await alreadyStocked(facilities[0]?.code)))
        continue;
      movements += (await loadDemoStock(ctx, facilities, today, `bench-${d.code}`, 'Provincial depot'))
        .movements;
    }
    await sql`analyze`.execute(handle.db);
    console.log(
      `Stocked every district: ${movements} movements in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  const counts = await sql<{ batches: number; movements: number; facilities: number }>`
    select (select count(*)::int from stock_batch) as batches, (select count(*)::int from stock_movement) as movements,
           (select count(distinct facility_id)::int from stock_batch) as facilities`.execute(handle.db);

  const app = await buildServer(ctx);
  await app.ready();
  const username = 'bench-stock-admin';
  const password = 'bench-stock-password-1';
  await createUser(
    handle.db,
    { username, displayName: 'Bench', password, roles: [{ role: 'admin' }] },
    { trustedPassword: true },
  ).catch(() => undefined);
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const headers = { authorization: `Bearer ${login.json().token as string}` };
  const ask = async (area: string) => {
    const r = await app.inject({ url: `/api/stock/district?area=${area}`, headers });
    if (r.statusCode !== 200) throw new Error(`district ${area}: ${r.statusCode} ${r.body}`);
    return r.json() as { facilities: unknown[] };
  };
  for (const d of districts.slice(0, 3)) await ask(d.code); // warm-up

  const times: number[] = [];
  let facilitiesSeen = 0;
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const d of districts) {
      const started = process.hrtime.bigint();
      facilitiesSeen += (await ask(d.code)).facilities.length;
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  const c = counts.rows[0];
  console.log(
    `Stock alerts per district (${districts.length} districts × ${values.rounds} rounds; ${c?.facilities} facilities, ` +
      `${c?.batches} batches, ${c?.movements} movements): median ${percentile(times, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1]?.toFixed(1)} ms (target < 200 ms); ` +
      `${(facilitiesSeen / times.length).toFixed(1)} facilities per district`,
  );
  const provinceTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    await ask(province?.code ?? '56');
    provinceTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  provinceTimes.sort((a, b) => a - b);
  console.log(`Stock alerts for the whole province: median ${percentile(provinceTimes, 50).toFixed(1)} ms`);
  await app.close();
  await handle.close();

  async function alreadyStocked(code: string | undefined): Promise<boolean> {
    if (!code) return true;
    const r = await sql<{ n: number }>`
      select count(*)::int as n from stock_batch b join facility f on f.id = b.facility_id where f.code = ${code}`.execute(
      handle.db,
    );
    return Number(r.rows[0]?.n ?? 0) > 0;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
