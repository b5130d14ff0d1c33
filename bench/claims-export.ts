/**
 * The Decision 130 export at scale, on PostgreSQL (issue 23): one quarter of a large generated set of
 * claims (default 300,000: about a quarter of the benchmark province's insured visits) exported as
 * one file through the job `claim-files.export`, with the process's resident memory sampled as it
 * runs. Flat memory: the peak RSS stays near the start's while the file grows to hundreds of MB.
 *
 * The claims are generated in SQL (generate_series; ids from md5), in a database of their own,
 * `grassroots_bench_claims_export`, built once and kept (`--rebuild` makes it again, `--claims N` at
 * another size). Each claim has a service line and a medicine line with its prescription.
 *
 * Usage: node --import tsx bench/claims-export.ts [--claims 300000] [--rebuild]
 * (BENCH_DATABASE_URL overrides the database). Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { EXPORT_JOB } from '../src/modules/claim-files/index.ts';
import { enqueueJob, JobWorker } from '../src/modules/jobs/index.ts';
import type { AppContext } from '../src/platform/app-context.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openServerDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { newId } from '../src/platform/ids.ts';
import { loadProfile } from '../src/platform/profile.ts';

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '300000' },
    rebuild: { type: 'boolean', default: false },
  },
});
const url =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/grassroots_bench_claims_export';
const QUARTER = '2026-Q4';
const CLAIMS = Number(values.claims);

/** Creates the database when missing (or asked); true when it already holds `claims` claims. */
async function prepare(): Promise<boolean> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ note: string | null }>(
      `select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1`,
      [name],
    );
    if (!values.rebuild && rows[0]?.note === `claims ${CLAIMS}`) return true;
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    return false;
  } finally {
    await admin.end();
  }
}

async function markBuilt(): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  await admin.query(`comment on database "${name}" is 'claims ${CLAIMS}'`);
  await admin.end();
}

/** The province, district, commune, station, a worker, residents, and CLAIMS claims with their visits. */
async function generate(ctx: AppContext): Promise<void> {
  const db = ctx.db;
  const run = (q: string) => sql.raw(q).execute(db);
  const residents = Math.min(CLAIMS, 100_000);
  await run(`insert into area (id, code, name, level, parent_id, path) values
    (md5('a56')::uuid, '56', 'Khánh Hòa', 'province', null, '56'),
    (md5('a568')::uuid, '568', 'Khánh Sơn', 'district', md5('a56')::uuid, '56.568'),
    (md5('a22366')::uuid, '22366', 'Sơn Bình', 'commune', md5('a568')::uuid, '56.568.22366')`);
  await run(`insert into facility (id, code, name, kind, tier, ownership, area_id, area_path)
    values (md5('f')::uuid, '56001', 'Trạm Y tế xã Sơn Bình', 'commune_health_station', 'commune', 'public',
      md5('a22366')::uuid, '56.568.22366')`);
  await run(`insert into health_worker (id, code, full_name, cadre, qualification)
    values (md5('w')::uuid, 'NV-0001', 'Bác sĩ Lê Văn An', 'doctor', 'bachelor')`);
  await run(`insert into resident (id, code, full_name, sex, birth_date, birth_year, ethnicity, area_id, area_path)
    select md5('r' || g)::uuid, 'KH-' || g, 'Nguyễn Văn ' || g, case when g % 2 = 0 then 'female' else 'male' end,
      date '1950-01-01' + (g % 20000), 1950 + (g % 20000) / 365, 'Kinh', md5('a22366')::uuid, '56.568.22366'
    from generate_series(1, ${residents}) g`);
  const ends = `timestamptz '2026-10-01 08:00+07' + ((g % 90) || ' days')::interval + ((g % 480) || ' minutes')::interval`;
  const resident = `md5('r' || (1 + g % ${residents}))::uuid`;
  const statements = [
    `insert into encounter (id, resident_id, facility_id, worker_id, kind, status, visit_date, started_at, ended_at,
       reason, fingerprint, area_path, closed_at)
     select md5('e' || g)::uuid, ${resident}, md5('f')::uuid, md5('w')::uuid, 'station-visit', 'closed',
       (${ends})::date, ${ends} - interval '20 minutes', ${ends}, 'Khám định kỳ', 'x', '56.568.22366', ${ends}
     from generate_series(1, ${CLAIMS}) g`,
    `insert into encounter_bill (id, encounter_id, resident_id, seq, visit_date, tier, currency, method,
       benefit_percent, hospital_amount, insured_amount, insurance_pays, co_payment, patient_pays, priced_at, area_path)
     select md5('b' || g)::uuid, md5('e' || g)::uuid, ${resident}, 0, (${ends})::date, 'commune', 'VND',
       'benefit-percent', 80, 50000, 50000, 40000, 10000, 0, ${ends}, '56.568.22366'
     from generate_series(1, ${CLAIMS}) g`,
    `insert into encounter_prescription (id, encounter_id, resident_id, medicine_id, dose, frequency, duration_days,
       quantity, quantity_computed, instructions, prescribed_on, fingerprint, area_path)
     select md5('p' || g)::uuid, md5('e' || g)::uuid, ${resident}, (select id from medicine where code = 'VNT0001'),
       1, 'once-daily', 30, 30, true, 'Uống sau ăn sáng', (${ends})::date, 'x', '56.568.22366'
     from generate_series(1, ${CLAIMS}) g`,
    `insert into encounter_bill_line (id, bill_id, line_no, kind, record_id, item_id, code, insurance_code, name, unit,
       quantity, unit_price, coverage, hospital_amount, insured_amount, insurance_pays, co_payment, patient_pays, area_path)
     select md5('bl' || g || '-' || n)::uuid, md5('b' || g)::uuid, n,
       case n when 1 then 'service' else 'medicine' end,
       case n when 1 then md5('s' || g)::uuid else md5('p' || g)::uuid end,
       case n when 1 then (select id from service_item where code = 'VNS0001') else (select id from medicine where code = 'VNT0001') end,
       case n when 1 then 'VNS0001' else 'VNT0001' end, case n when 1 then '01.8169' else '40.217' end,
       case n when 1 then 'Khám bệnh tại trạm y tế xã' else 'Amlodipin' end, case n when 1 then 'lần' else 'viên' end,
       case n when 1 then 1 else 30 end, case n when 1 then 36500 else 450 end, 'insured',
       case n when 1 then 36500 else 13500 end, case n when 1 then 36500 else 13500 end,
       case n when 1 then 29200 else 10800 end, case n when 1 then 7300 else 2700 end, 0, '56.568.22366'
     from generate_series(1, ${CLAIMS}) g, generate_series(1, 2) n`,
    `insert into claim (id, encounter_id, resident_id, facility_id, area_path, bill_id, bill_seq, visit_date, started_at,
       ended_at, quarter, card_number, card_valid_from, card_valid_to, registered_facility_code, benefit_percent,
       on_route, visit_kind, care_kind, main_diagnosis, other_diagnoses, currency, hospital_amount, insured_amount,
       insurance_pays, co_payment, patient_pays, status)
     select md5('c' || g)::uuid, md5('e' || g)::uuid, ${resident}, md5('f')::uuid, '56.568.22366', md5('b' || g)::uuid, 0,
       (${ends})::date, ${ends} - interval '20 minutes', ${ends}, '${QUARTER}',
       'GD456562' || lpad((g % 10000000)::text, 7, '0'), '2026-01-01', '2026-12-31', '56001', 80, true, '1.1', '01',
       'I10', '{E11}', 'VND', 50000, 50000, 40000, 10000, 0, 'checked'
     from generate_series(1, ${CLAIMS}) g`,
    `insert into claim_line (id, claim_id, bill_seq, line_no, kind, bill_line_id, item_id, code, insurance_code, name,
       unit, quantity, unit_price, coverage, hospital_amount, insured_amount, insurance_pays, co_payment, patient_pays,
       area_path)
     select md5('cl' || bl.id)::uuid, md5('c' || g)::uuid, 0, bl.line_no, bl.kind, bl.id, bl.item_id, bl.code,
       bl.insurance_code, bl.name, bl.unit, bl.quantity, bl.unit_price, bl.coverage, bl.hospital_amount,
       bl.insured_amount, bl.insurance_pays, bl.co_payment, bl.patient_pays, bl.area_path
     from generate_series(1, ${CLAIMS}) g join encounter_bill_line bl on bl.bill_id = md5('b' || g)::uuid`,
    'analyze',
  ];
  for (const s of statements) {
    const started = Date.now();
    await run(s);
    console.log(
      `  ${s.trim().split(/\s+/).slice(0, 3).join(' ')}: ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const built = await prepare();
  const handle = openServerDatabase(url, 4);
  await migrateToLatest(handle.db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-claims-export-'));
  const ctx: AppContext = {
    db: handle.db,
    engine: 'postgres',
    profile: loadProfile('vn'),
    config: { ...loadConfig({ ...process.env, DATABASE_URL: url, GRASSROOTS_PROFILE: 'vn' }), dataDir },
    clock: systemClock,
  };
  try {
    if (!built) {
      console.log(`Generating ${CLAIMS} claims (once; later runs reuse them)...`);
      await generate(ctx);
      await markBuilt();
    }
    // The file's row and job, as POST /api/claim-files/exports makes them.
    const fileId = newId();
    const facility = (
      await sql<{ id: string }>`select id from facility where code = '56001'`.execute(handle.db)
    ).rows[0]!.id;
    const { job } = await enqueueJob(handle.db, {
      kind: EXPORT_JOB,
      payload: { fileId, facilityId: facility, quarter: QUARTER },
      areaPath: '56.568.22366',
      now: new Date(),
    });
    await sql`insert into claim_file (id, facility_id, area_path, direction, format, period_from, period_to, status,
        job_id, created_at)
      values (${fileId}, ${facility}, '56.568.22366', 'export', 'decision-130-xml', '2026-10-01', '2026-12-31',
        'queued', ${job.id}, now())`.execute(handle.db);

    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const started = Date.now();
    const end = await new JobWorker(ctx, { leaseMs: 120_000 }).runToEnd(job.id);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const seconds = (Date.now() - started) / 1000;
    const file = (
      await sql<{ status: string; claims_count: number; size_bytes: string; error: unknown }>`
        select status, claims_count, size_bytes, error from claim_file where id = ${fileId}`.execute(
        handle.db,
      )
    ).rows[0]!;
    const size = Number(file.size_bytes ?? 0);
    console.log(
      `\nclaims-export (PostgreSQL, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)})`,
    );
    console.log(`  job ${end.state}, file ${file.status}: ${file.claims_count} claims, ${mb(size)}`);
    if (file.status !== 'done') console.log(`  error: ${JSON.stringify(file.error).slice(0, 400)}`);
    console.log(
      `  RSS before ${mb(before)}, peak ${mb(peak)} (+${mb(peak - before)}) against a file of ${mb(size)}`,
    );
    console.log(`  ${seconds.toFixed(1)} s, ${(file.claims_count / seconds).toFixed(0)} claims/s`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
