/**
 * Checking claims on the PostgreSQL server (issue 23: at least 20,000 claims a second over a million).
 * A throwaway database (BENCH_DATABASE_URL's name, `grassroots_bench_claims` by default, dropped and
 * made again) is migrated (the shipped catalogues installed), then filled in bulk by SQL with a
 * quarter's claims of 20 stations: three lines each from the VN catalogue at its prices, about 5%
 * planted failures (no main diagnosis, an expired card, a quantity above the maximum, a price not in
 * force). The check is the module's own: batches of claim ids in visit-date order, each loaded in a
 * few queries (claims.check.service.ts loadChecks), decided in the pure rules (checkClaim) and saved
 * with arrays (saveChecks), by `--workers` batches at once. Prints the figures; asserts nothing.
 *
 * Usage: npm run bench:claims-check [-- --claims 1000000 --batch 5000 --workers 2]
 * Foreign keys are not checked while the rows are generated (session_replication_role = replica: the
 * claims point at visits, bills and residents the benchmark does not make).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { type CheckContext, loadChecks, saveChecks } from '../src/modules/claims/claims.check.service.ts';
import type { CheckResult } from '../src/modules/claims/claims.checks.rules.ts';
import { checkClaim } from '../src/modules/claims/claims.checks.rules.ts';
import { openServerDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { inTransaction } from '../src/platform/db/transaction.ts';
import { loadProfile } from '../src/platform/profile.ts';

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '5000' },
    workers: { type: 'string', default: '2' },
  },
});
const N = Number(values.claims);
const BATCH = Number(values.batch);
const WORKERS = Number(values.workers);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/grassroots_bench_claims';

async function recreate(): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function main() {
  await recreate();
  const handle = openServerDatabase(url, WORKERS + 1);
  const db = handle.db;
  const profile = loadProfile('vn');
  await migrateToLatest(db);

  const t0 = performance.now();
  await inTransaction(db, async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`insert into area (id, code, name, level, path, parent_id)
      values ('00000000-0000-7000-8000-000000000001', '56', 'Khánh Hòa', 'province', '56', null)`.execute(
      trx,
    );
    await sql`insert into facility (id, code, name, kind, tier, ownership, area_id, area_path)
      select ('00000000-0000-7000-8000-0000000001' || lpad(g::text, 2, '0'))::uuid, '561' || lpad(g::text, 2, '0'),
             'Trạm y tế ' || g, 'commune_health_station', 'commune', 'public',
             '00000000-0000-7000-8000-000000000001', '56'
      from generate_series(1, 20) g`.execute(trx);
    // The items claimed: insured VN medicines and services at any level, with their price in force.
    await sql`create table bench_item as
      select row_number() over (order by kind, code) - 1 as n, * from (
        select 'medicine' as kind, m.id, m.code, m.insurance_code, m.name, m.unit, p.unit_price
        from medicine m join medicine_price p on p.medicine_id = m.id
        where m.catalogue like 'vn-%' and m.insured and m.insured_from_level is null
          and p.effective_from <= '2026-10-01' and (p.effective_to is null or p.effective_to >= '2026-12-31')
          and m.code <> 'VNT0001'
        union all
        select 'service', s.id, s.code, s.insurance_code, s.name, s.unit, p.unit_price
        from service_item s join service_price p on p.service_id = s.id
        where s.catalogue like 'vn-%' and s.insured and s.insured_from_level is null and s.lowest_care_level is null
          and p.effective_from <= '2026-10-01' and (p.effective_to is null or p.effective_to >= '2026-12-31')
          and s.code <> 'VNS0001'
      ) i`.execute(trx);
    const items = Number(
      (await sql<{ n: number }>`select count(*)::int as n from bench_item`.execute(trx)).rows[0]?.n ?? 0,
    );
    // Claims: g in 1..N, a quarter's dates, 20 stations, 3 lines (items g, g+7, g+13 modulo the list).
    await sql`insert into claim (id, encounter_id, resident_id, facility_id, area_path, bill_id, bill_seq,
      visit_date, started_at, ended_at, quarter, card_number, card_valid_from, card_valid_to,
      registered_facility_code, scheme, benefit_percent, on_route, route_rule, visit_kind, care_kind,
      main_diagnosis, other_diagnoses, currency, hospital_amount, insured_amount, insurance_pays,
      co_payment, patient_pays, status)
    select c.id, gen_random_uuid(), gen_random_uuid(),
      ('00000000-0000-7000-8000-0000000001' || lpad((g % 20 + 1)::text, 2, '0'))::uuid, '56',
      gen_random_uuid(), 0, c.day, c.day + time '08:00' - interval '7 hours', c.day + time '08:20' - interval '7 hours',
      '2026-Q4', 'HS456' || lpad(g::text, 10, '0'), '2026-01-01',
      case when g % 41 = 0 then '2026-09-30'::date else '2026-12-31'::date end,
      '561' || lpad((g % 20 + 1)::text, 2, '0'), null, 100, true, 'registered-facility', '1.1', '01',
      case when g % 37 = 0 then null else 'I10' end, '{}', 'VND', 0, 0, 0, 0, 0, 'draft'
    from generate_series(1, ${N}) g,
      lateral (select gen_random_uuid() as id, date '2026-10-01' + (g * 92 / ${N + 1}) as day) c`.execute(
      trx,
    );
    await sql`insert into claim_line (id, claim_id, bill_seq, line_no, kind, bill_line_id, item_id, code,
      insurance_code, name, unit, quantity, unit_price, coverage, hospital_amount, insured_amount,
      insurance_pays, co_payment, patient_pays, status, area_path)
    select gen_random_uuid(), c.id, 0, k, i.kind, gen_random_uuid(), i.id, i.code, i.insurance_code, i.name,
      i.unit, q.quantity, q.price, 'insured', q.price * q.quantity, q.price * q.quantity,
      q.price * q.quantity, 0, 0, 'pending', c.area_path
    from (select id, area_path, row_number() over (order by visit_date, id) as g from claim) c
    cross join generate_series(1, 3) k
    join bench_item i on i.n = (c.g + k * 7) % ${items}
    cross join lateral (select case when c.g % 43 = 0 and k = 1 then 500 else 1 + (c.g + k) % 30 end as quantity,
                               case when c.g % 47 = 0 and k = 2 then i.unit_price + 1 else i.unit_price end as price) q`.execute(
      trx,
    );
    // The claims' totals are the sums of their lines (as a bill's are).
    await sql`update claim c set hospital_amount = s.h, insured_amount = s.h, insurance_pays = s.h
    from (select claim_id, sum(hospital_amount) as h from claim_line group by claim_id) s where s.claim_id = c.id`.execute(
      trx,
    );
  });
  await sql`analyze`.execute(db);
  const generated = performance.now() - t0;
  console.log(
    `generated ${N.toLocaleString('en')} claims (${(N * 3).toLocaleString('en')} lines) in ${seconds(generated)} s`,
  );

  // The check: batches in visit-date order, WORKERS at once.
  const ids = (await sql<{ id: string }>`select id from claim order by visit_date, id`.execute(db)).rows.map(
    (r) => r.id,
  );
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH));
  const phase = { load: 0, rules: 0, save: 0 };
  const outcomes = new Map<string, number>();
  const ctx: CheckContext = { profile, now: new Date('2027-01-05T03:00:00Z'), userId: null };
  let next = 0;
  const t1 = performance.now();
  async function worker() {
    for (;;) {
      const batch = batches[next++];
      if (!batch) return;
      await inTransaction(db, async (trx) => {
        const a = performance.now();
        const loaded = await loadChecks(trx, ctx, batch);
        const b = performance.now();
        const results = new Map<string, CheckResult>();
        for (const [id, input] of loaded.inputs) {
          const r = checkClaim(input);
          results.set(id, r);
          outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
        }
        const c = performance.now();
        await saveChecks(trx, ctx, 'facility', loaded, results);
        phase.load += b - a;
        phase.rules += c - b;
        phase.save += performance.now() - c;
      });
    }
  }
  await Promise.all(Array.from({ length: WORKERS }, worker));
  const checked = performance.now() - t1;
  const byCode = await sql<{ code: string; n: number }>`
    select code, count(*)::int as n from claim, unnest(failure_codes) code group by code order by n desc`.execute(
    db,
  );
  const load = (await import('node:os')).loadavg()[0]?.toFixed(1);
  console.log(
    `checked ${ids.length.toLocaleString('en')} claims in ${seconds(checked)} s: ${Math.round((ids.length * 1000) / checked).toLocaleString('en')} claims/s ` +
      `(batches of ${BATCH}, ${WORKERS} workers; load average ${load})`,
  );
  console.log(
    `  time in batches (summed over workers): load ${seconds(phase.load)} s, rules ${seconds(phase.rules)} s, save ${seconds(phase.save)} s`,
  );
  console.log(`  outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  failures: ${byCode.rows.map((r) => `${r.code} ${r.n}`).join(', ')}`);
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
