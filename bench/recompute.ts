/**
 * The due store's full recompute on PostgreSQL (issue 22), on its own: the rate in residents/s with
 * its progress, where a batch's time goes (facts, rules, writes), and the rate extrapolated to a
 * 1.2-million-person province; then the same recompute again over an unchanged store (a schedule
 * re-run: only changed windows are written). The data is that of bench/programmes.ts (a tenth
 * children under 6, most with their birth doses; the rest adults 18-90), spread over communes of
 * 20,000 in one district, in a database of its own kept between runs (`--fresh` makes it again).
 *
 * Usage: npm run bench:recompute [-- --residents 100000 --workers 2 --fresh]   (BENCH_DATABASE_URL,
 * default `grassroots_bench_recompute_<residents>` on 127.0.0.1:5432). Prints figures; asserts nothing.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { recomputeArea } from '../src/modules/programmes/index.ts';
import { systemClock, todayOf } from '../src/platform/clock.ts';
import { openServerDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { loadProfile } from '../src/platform/profile.ts';

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '20000' },
    workers: { type: 'string', default: '1' },
    batch: { type: 'string', default: '2000' },
    fresh: { type: 'boolean', default: false },
    once: { type: 'boolean', default: false },
  },
});
const N = Number(values.residents);
const WORKERS = Number(values.workers);
const url =
  process.env.BENCH_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/grassroots_bench_recompute_${N}`;
const READY = `recompute bench: ${N} residents`;

async function prepareDatabase(): Promise<boolean> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const found = await admin.query<{ note: string | null }>(
      `select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1`,
      [name],
    );
    if (!values.fresh && found.rows[0]?.note === READY) return true;
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    return false;
  } finally {
    await admin.end();
  }
}

async function main(): Promise<void> {
  const kept = await prepareDatabase();
  const handle = openServerDatabase(url, Math.max(4, WORKERS + 1));
  const db = handle.db;
  await migrateToLatest(db);
  const profile = loadProfile('vn');
  const today = todayOf({ profile, clock: systemClock });
  if (!kept) {
    const t0 = performance.now();
    const communes = Math.max(1, Math.ceil(N / 20000));
    await sql`insert into area (id, code, name, level, parent_id, path)
      values (gen_random_uuid(), '56', 'Tỉnh', 'province', null, '56')`.execute(db);
    await sql`insert into area (id, code, name, level, parent_id, path)
      select gen_random_uuid(), '568', 'Huyện', 'district', a.id, '56.568' from area a where a.code = '56'`.execute(
      db,
    );
    await sql`insert into area (id, code, name, level, parent_id, path)
      select gen_random_uuid(), 'c' || c, 'Xã ' || c, 'commune', a.id, ('56.568.c' || c)::ltree
      from area a, generate_series(1, ${communes}) c where a.code = '568'`.execute(db);
    await sql`insert into area (id, code, name, level, parent_id, path)
      select gen_random_uuid(), a.code || '_' || v, 'Thôn ' || v, 'village', a.id, (a.path::text || '.v' || v)::ltree
      from area a, generate_series(1, 10) v where a.level = 'commune'`.execute(db);
    // Residents by 100,000 per statement: a tenth children under 6, the rest adults 18-90.
    for (let from = 1; from <= N; from += 100_000) {
      const to = Math.min(N, from + 99_999);
      await sql`
        insert into resident (id, full_name, sex, birth_date, phone, area_id, area_path, updated_at)
        select gen_random_uuid(), 'Người ' || i, case when i % 2 = 0 then 'female' else 'male' end,
          case when i % 10 = 0 then ${today}::date - (i::bigint * 7919 % 2190)::int
               else ${today}::date - (6570 + i::bigint * 104729 % 26000)::int end,
          '09' || lpad((i % 100000000)::text, 8, '0'), a.id, a.path, now()
        from generate_series(${from}::int, ${to}::int) i
        join area a on a.code = 'c' || (1 + (i - 1) / 20000) || '_' || (1 + i % 10)`.execute(db);
      console.log(`  data: ${to} residents`);
    }
    // Birth doses (BCG and HepB) for four children in five (given elsewhere: the engine counts them alike).
    await sql`
      insert into immunization (id, resident_id, vaccine, given_on, given_elsewhere, fingerprint,
        recorded_at, area_path)
      select gen_random_uuid(), r.id, v.code, r.birth_date, true, 'bench', now(), r.area_path
      from resident r cross join (values ('BCG'), ('HepB')) v(code)
      where r.birth_date > ${today}::date - 2190 and abs(hashtext(r.id::text)) % 5 <> 0`.execute(db);
    await sql`analyze`.execute(db);
    await sql.raw(`comment on database "${new URL(url).pathname.slice(1)}" is '${READY}'`).execute(db);
    console.log(`data: ${N} residents made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else console.log(`data: ${N} residents kept from an earlier run`);

  const run = async (label: string) => {
    const t0 = performance.now();
    let last = t0;
    const timings: Record<string, number> = {};
    const end = await recomputeArea(db, null, {
      profile,
      clock: systemClock,
      batch: Number(values.batch),
      workers: WORKERS,
      timings,
      onProgress: (p) => {
        const now = performance.now();
        if (now - last > 5000 || p.done === p.total) {
          last = now;
          const rate = p.done / ((now - t0) / 1000);
          console.log(`  ${label} ${p.done}/${p.total}  ${rate.toFixed(0)} residents/s`);
        }
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const rate = end.done / seconds;
    const windows = (await sql<{ n: number }>`select count(*)::int as n from programme_due`.execute(db))
      .rows[0]?.n;
    const phases = Object.entries(timings)
      .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`)
      .join(', ');
    console.log(
      `${label}: ${end.done} residents, ${windows} windows in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} residents/s with ${WORKERS} worker(s); 1.2 M residents at this rate: ${(1_200_000 / rate / 60).toFixed(1)} min`,
    );
    console.log(`  where the time went (summed over workers): ${phases}`);
  };
  await sql`truncate programme_due, programme_risk, programme_invalid_dose`.execute(db);
  await run('recompute (empty store)');
  if (!values.once) await run('recompute (unchanged store)');
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
