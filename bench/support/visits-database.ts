/**
 * The visits benchmarks' database at the issue's scale (issue 21): the full benchmark province
 * (1.2 million residents, registered through the residents module's import as bench:population does)
 * and a year of five million closed visits (5 observations, 2 diagnoses, 3 prescriptions each) with
 * their problems, bills and the dispensings from every commune station's shelf, plus ten-year
 * histories for a sample of the demo station's residents. Built once and kept: the database is
 * commented READY, so later runs only migrate it; the base without visits is kept beside it
 * (`<name>_base`), so a rebuild of the visits starts from a copy of it.
 *
 * How it is fast: 208 template visits (each month of the year × 16 kinds) go through the encounters
 * module's own bulk path (loadVisits: the observation rules and flags, the catalogue checks, the
 * priced bill), and SQL clones them server-side (INSERT … SELECT over generate_series: no rows
 * through Node) onto residents across the province, with new UUID v7 ids, dates, facilities and area
 * paths. For the load the clones' tables lose their primary, unique and foreign keys and indexes,
 * which are rebuilt after it from their saved definitions: rebuilding them checks every row. No
 * trigger is disabled (these tables have none but the append-only guard of stock_movement, which
 * inserts do not touch). The ledger is derived from the prescriptions: one batch per station,
 * medicine and month, received on the month's first day with exactly what the month dispenses (the
 * current month more, from nothing to four months' worth, so some shelves are out or low), so
 * first-expiry-first-out holds, each balance_after is its batch's running balance and on_hand its end.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { demoStation } from '../../src/demo/demo-users.ts';
import { generateDemoProvince } from '../../src/demo/generate.ts';
import {
  generatePopulation,
  householdRecordsOf,
  residentRecordsOf,
} from '../../src/demo/generate-population.ts';
import { importStep, loadDemoProvince } from '../../src/demo/load.ts';
import { type BulkVisit, loadVisits } from '../../src/modules/encounters/encounters.bulk.ts';
import { householdImport, residentImport } from '../../src/modules/residents/index.ts';
import type { AppContext } from '../../src/platform/app-context.ts';
import { systemClock, todayOf } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { addDays } from '../../src/platform/dates.ts';
import { type DatabaseHandle, type Db, openServerDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { newId } from '../../src/platform/ids.ts';
import { loadProfile } from '../../src/platform/profile.ts';

export const VISITS_FULL_URL = 'postgres://postgres@127.0.0.1:5432/grassroots_bench_visits_full';
/** The comment of a finished database; of the base (the province and its residents, no visits) kept beside it. */
const READY = 'visits full v1';
const BASE_READY = 'visits base v1';

async function withAdmin<T>(url: string, fn: (c: pg.Client, name: string) => Promise<T>): Promise<T> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    return await fn(admin, name);
  } finally {
    await admin.end();
  }
}

async function commentOf(admin: pg.Client, name: string): Promise<string | null> {
  const { rows } = await admin.query<{ ready: string | null }>(
    `select shobj_description(oid, 'pg_database') as ready from pg_database where datname = $1`,
    [name],
  );
  return rows[0]?.ready ?? null;
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

export interface VisitsDatabaseOptions {
  /** Build the visits again (from the kept base). */
  rebuild?: boolean;
  /** Build the base (the province's residents) again too. */
  rebuildBase?: boolean;
  /** Visits in the year (default five million). */
  visits?: number;
  /** Residents of the demo station given 120 monthly visits over ten years. */
  histories?: number;
  poolSize?: number;
}

function contextOn(url: string, poolSize: number): { ctx: AppContext; handle: DatabaseHandle } {
  const handle = openServerDatabase(url, poolSize);
  const ctx: AppContext = {
    db: handle.db,
    engine: 'postgres',
    profile: loadProfile('vn'),
    config: loadConfig({ ...process.env, DATABASE_URL: url, GRASSROOTS_PROFILE: 'vn' }),
    clock: systemClock,
  };
  return { ctx, handle };
}

/**
 * Opens (building it the first time) the full visits database at `url`, with an app context on it.
 * The base it is copied from is `<name>_base` beside it (kept: a rebuild of the visits starts there).
 */
export async function openVisitsDatabase(
  url: string,
  opts: VisitsDatabaseOptions = {},
): Promise<{ ctx: AppContext; handle: DatabaseHandle }> {
  const started = Date.now();
  const u = new URL(url);
  u.pathname = `${u.pathname}_base`;
  const baseUrl = u.toString();
  const { full, base } = await withAdmin(url, async (admin, name) => ({
    full: await commentOf(admin, name),
    base: await commentOf(admin, `${name}_base`),
  }));
  if (!opts.rebuild && !opts.rebuildBase && full === READY) {
    const opened = contextOn(url, opts.poolSize ?? 4);
    await migrateToLatest(opened.handle.db);
    return opened;
  }
  console.log(
    `Building ${new URL(url).pathname.slice(1)} (once; later runs reuse it, --rebuild starts afresh)`,
  );
  if (opts.rebuildBase || base !== BASE_READY) {
    const t = Date.now();
    await withAdmin(baseUrl, async (admin, name) => {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.query(`create database "${name}"`);
    });
    const { ctx, handle } = contextOn(baseUrl, 4);
    await migrateToLatest(handle.db);
    const today = todayOf(ctx);
    await loadDemoProvince(ctx, { output: false, today, residents: false });
    console.log(`  the demo province without residents (areas, facilities, workforce, users): ${seconds(t)}`);
    await importProvince(ctx, today);
    await sql`analyze`.execute(handle.db);
    await handle.close();
    await withAdmin(baseUrl, (admin, name) =>
      admin.query(`comment on database "${name}" is '${BASE_READY}'`),
    );
    console.log(`  the base (the province's residents through the residents import): ${seconds(t)}`);
  }
  const t = Date.now();
  await withAdmin(url, async (admin, name) => {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}" template "${name}_base"`);
  });
  console.log(`  copied from the base: ${seconds(t)}`);
  const opened = contextOn(url, opts.poolSize ?? 4);
  await migrateToLatest(opened.handle.db);
  await buildVisits(opened.ctx, todayOf(opened.ctx), opts.visits ?? 5_000_000, opts.histories ?? 100);
  await withAdmin(url, (admin, name) => admin.query(`comment on database "${name}" is '${READY}'`));
  console.log(`Built in ${seconds(started)}`);
  return opened;
}

/** Every commune's households and residents, as bench:population generates them, through the imports. */
async function importProvince(ctx: AppContext, today: string): Promise<void> {
  const demo = generateDemoProvince({ today });
  const stationOf = (code: string) =>
    demo.facilities.find((f) => f.kind === 'commune_health_station' && f.areaCode === code)?.code;
  const population = () =>
    generatePopulation({
      communes: demo.areas.communes,
      year: Math.min(Number(today.slice(0, 4)), 2026),
      stationOf,
      today,
      duplicateShare: 0.002,
    });
  let households = 0;
  let residents = 0;
  for (const row of population()) {
    if ('household' in row) households++;
    else residents++;
  }
  await importStep(
    ctx,
    'Households',
    householdImport(ctx.profile) as Parameters<typeof importStep>[2],
    householdRecordsOf(population()),
    households,
    true,
  );
  await importStep(
    ctx,
    'Residents ',
    residentImport(ctx.profile, today) as Parameters<typeof importStep>[2],
    residentRecordsOf(population()),
    residents,
    true,
  );
}

/** The kinds of template visit (each with 5 observations, 2 diagnoses, 3 prescriptions, 1 service). */
const PROFILES: {
  reason: string;
  diagnoses: [string, string];
  prescriptions: [string, 'once-daily' | 'twice-daily' | 'three-times-daily', number][];
  glucose: number;
}[] = [
  {
    reason: 'Tái khám tăng huyết áp',
    diagnoses: ['I10', 'E78.5'],
    prescriptions: [
      ['VNT0001', 'once-daily', 30],
      ['VNT0014', 'once-daily', 30],
      ['VNT0036', 'once-daily', 30],
    ],
    glucose: 5.6,
  },
  {
    reason: 'Tái khám tăng huyết áp, đái tháo đường',
    diagnoses: ['I10', 'E11.9'],
    prescriptions: [
      ['VNT0002', 'once-daily', 30],
      ['VNT0004', 'twice-daily', 30],
      ['VNT0005', 'once-daily', 30],
    ],
    glucose: 8.1,
  },
  {
    reason: 'Tái khám đái tháo đường',
    diagnoses: ['E11.9', 'E78.5'],
    prescriptions: [
      ['VNT0004', 'twice-daily', 30],
      ['VNT0039', 'once-daily', 30],
      ['VNT0005', 'once-daily', 30],
    ],
    glucose: 7.4,
  },
  {
    reason: 'Tái khám tăng huyết áp',
    diagnoses: ['I10', 'I25.9'],
    prescriptions: [
      ['VNT0022', 'once-daily', 30],
      ['VNT0023', 'once-daily', 30],
      ['VNT0036', 'once-daily', 30],
    ],
    glucose: 5.9,
  },
  {
    reason: 'Ho, sốt',
    diagnoses: ['J06.9', 'R50.9'],
    prescriptions: [
      ['VNT0007', 'three-times-daily', 5],
      ['VNT0008', 'three-times-daily', 3],
      ['VNT0013', 'once-daily', 5],
    ],
    glucose: 5.2,
  },
  {
    reason: 'Tiêu chảy',
    diagnoses: ['A09', 'R50.9'],
    prescriptions: [
      ['VNT0009', 'three-times-daily', 3],
      ['VNT0010', 'once-daily', 10],
      ['VNT0008', 'twice-daily', 3],
    ],
    glucose: 5.0,
  },
  {
    reason: 'Đau thượng vị',
    diagnoses: ['K29.7', 'K21.9'],
    prescriptions: [
      ['VNT0015', 'once-daily', 14],
      ['VNT0008', 'twice-daily', 3],
      ['VNT0013', 'once-daily', 14],
    ],
    glucose: 5.4,
  },
  {
    reason: 'Đau lưng, đau khớp gối',
    diagnoses: ['M54.5', 'M17.9'],
    prescriptions: [
      ['VNT0008', 'three-times-daily', 7],
      ['VNT0013', 'once-daily', 14],
      ['VNT0036', 'once-daily', 7],
    ],
    glucose: 5.7,
  },
];
const VARIANTS = PROFILES.length * 2;
const PER_DAY = { 'once-daily': 1, 'twice-daily': 2, 'three-times-daily': 3 } as const;

/** The tables the clones go into: their keys and indexes are dropped for the load and rebuilt after it. */
const BULK_TABLES = [
  'encounter',
  'encounter_observation',
  'encounter_diagnosis',
  'encounter_prescription',
  'encounter_service',
  'encounter_bill',
  'encounter_bill_line',
  'stock_batch',
  'stock_movement',
];

async function step(db: Db, label: string, statement: string): Promise<number> {
  const t = Date.now();
  const r = await sql.raw(statement).execute(db);
  const n = Number(r.numAffectedRows ?? 0);
  console.log(`  ${label}: ${n > 0 ? `${n.toLocaleString('en-US')} rows, ` : ''}${seconds(t)}`);
  return n;
}

async function buildVisits(ctx: AppContext, today: string, visits: number, histories: number): Promise<void> {
  const db = ctx.db;
  const start = addDays(today, -365);
  await sql.raw('drop schema if exists bench_build cascade').execute(db);
  await sql.raw('create schema bench_build').execute(db);
  // A UUID v7 shaped id: the instant's milliseconds, then 74 bits of md5(salt) (one expression: inlined).
  await sql
    .raw(`create function bench_build.uuid7(ts timestamptz, salt text) returns uuid language sql immutable as $$
      select (lpad(to_hex((extract(epoch from ts) * 1000)::bigint), 12, '0') || '7' || substr(md5(salt), 1, 3) || '8'
              || substr(md5(salt), 4, 15))::uuid $$`)
    .execute(db);

  // 1. Template visits through the encounters module's bulk path: every month of the year × each variant.
  let t = Date.now();
  const months: string[] = [];
  for (let m = `${start.slice(0, 7)}-01`; m < today; m = addDays(m, 32).slice(0, 8).concat('01'))
    months.push(m);
  const templateResidents = (
    await sql<{ code: string; facility: string }>`
      select r.code, f.code as facility from resident r join facility f on f.id = r.registered_facility_id
       where r.status = 'active' and r.code is not null and f.kind = 'commune_health_station'
       order by md5(r.id::text) limit ${months.length * VARIANTS}`.execute(db)
  ).rows;
  const templates: BulkVisit[] = [];
  const templateKeys: { id: string; month: string; variant: number }[] = [];
  for (const [mi, month] of months.entries()) {
    for (let variant = 0; variant < VARIANTS; variant++) {
      const p = PROFILES[variant % PROFILES.length]!;
      const alarming = variant >= PROFILES.length && p.diagnoses[0] === 'I10';
      const who = templateResidents[mi * VARIANTS + variant]!;
      const date = month.localeCompare(start) < 0 ? start : month;
      const id = newId();
      templateKeys.push({ id, month, variant });
      templates.push({
        id,
        residentCode: who.code,
        facilityCode: who.facility,
        kind: 'station-visit',
        date,
        startedAt: new Date(`${date}T03:00:00Z`),
        reason: p.reason,
        observations: [
          { code: '8480-6', value: alarming ? 184 : 128 + variant * 2 },
          { code: '8462-4', value: alarming ? 112 : 78 + variant },
          { code: '8867-4', value: 70 + variant },
          { code: '29463-7', value: 52 + variant },
          { code: '1558-6', value: p.glucose + (variant % 3) / 10 },
        ],
        diagnoses: [
          { code: p.diagnoses[0], role: 'main' },
          { code: p.diagnoses[1], role: 'secondary' },
        ],
        prescriptions: p.prescriptions.map(([medicineCode, frequency, durationDays]) => ({
          id: newId(),
          medicineCode,
          dose: 1,
          frequency,
          durationDays,
          quantity: PER_DAY[frequency] * durationDays,
        })),
        services: [],
      });
    }
  }
  await loadVisits(ctx, templates);
  await sql
    .raw('create table bench_build.tpl (encounter_id uuid primary key, month date, variant int)')
    .execute(db);
  await db
    .withSchema('bench_build')
    .insertInto('tpl' as never)
    .values(templateKeys.map((k) => ({ encounter_id: k.id, month: k.month, variant: k.variant })) as never)
    .execute();
  console.log(`  ${templates.length} template visits through the bulk path: ${seconds(t)}`);

  // 2. Ten years of monthly follow-ups for the timeline residents (bench/visits picks the same ones).
  t = Date.now();
  const { station } = demoStation(generateDemoProvince({ today }));
  const sample = (
    await sql<{ code: string }>`
      select r.code from resident r join facility f on f.id = r.registered_facility_id
       where f.code = ${station.code} and r.code is not null and r.status = 'active'
       order by md5(r.id::text) limit ${histories}`.execute(db)
  ).rows;
  const history: BulkVisit[] = [];
  for (const r of sample) {
    for (let m = 0; m < 120; m++) {
      const date = addDays(today, -30 * (120 - m) - 1);
      history.push({
        id: newId(),
        residentCode: r.code,
        facilityCode: station.code,
        kind: 'station-visit',
        date,
        startedAt: new Date(`${date}T02:00:00Z`),
        reason: 'bench: 10 years',
        observations: [
          { code: '8480-6', value: 130 + (m % 20) },
          { code: '8462-4', value: 80 + (m % 10) },
          { code: '1558-6', value: 6 + (m % 5) },
          { code: '29463-7', value: 60 + (m % 3) },
        ],
        diagnoses: [
          { code: 'I10', role: 'main' },
          { code: 'E11.9', role: 'secondary' },
        ],
        prescriptions: [
          {
            id: newId(),
            medicineCode: 'VNT0001',
            dose: 1,
            frequency: 'once-daily',
            durationDays: 30,
            quantity: 30,
          },
          {
            id: newId(),
            medicineCode: 'VNT0004',
            dose: 1,
            frequency: 'twice-daily',
            durationDays: 30,
            quantity: 60,
          },
        ],
        services: [{ serviceCode: 'VNS0001' }],
      });
    }
  }
  for (let i = 0; i < history.length; i += 2400) await loadVisits(ctx, history.slice(i, i + 2400));
  console.log(`  ${history.length} visits of 10-year histories (${sample.length} residents): ${seconds(t)}`);

  // One connection from here on: its settings (memory for sorts and index builds) hold for every step.
  await ctx.db.connection().execute(async (db) => {
    await sql.raw(`set work_mem = '256MB'`).execute(db);
    await sql.raw('set jit = off').execute(db);
    await sql.raw(`set maintenance_work_mem = '1GB'`).execute(db);
    await loadClones(db, ctx.db, today, start, visits);
  });
}

async function loadClones(db: Db, pool: Db, today: string, start: string, visits: number): Promise<void> {
  // 3. Keys, unique and foreign keys and indexes of the bulk tables off; their definitions kept.
  let t = Date.now();
  const list = BULK_TABLES.map((x) => `'${x}'::regclass`).join(', ');
  const fks = (
    await sql<{ tbl: string; name: string; def: string }>`
      select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def from pg_constraint
       where contype = 'f' and (conrelid in (${sql.raw(list)}, 'problem'::regclass) or confrelid in (${sql.raw(list)}))`.execute(
      db,
    )
  ).rows;
  const keys = (
    await sql<{ tbl: string; name: string; def: string }>`
      select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def from pg_constraint
       where contype in ('p', 'u') and conrelid in (${sql.raw(list)})`.execute(db)
  ).rows;
  const indexes = (
    await sql<{ name: string; def: string }>`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
       where i.indrelid in (${sql.raw(list)})
         and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))`.execute(
      db,
    )
  ).rows;
  for (const f of fks) await sql.raw(`alter table ${f.tbl} drop constraint ${f.name}`).execute(db);
  for (const k of keys) await sql.raw(`alter table ${k.tbl} drop constraint ${k.name}`).execute(db);
  for (const i of indexes) await sql.raw(`drop index ${i.name}`).execute(db);
  console.log(
    `  dropped ${fks.length} foreign keys, ${keys.length} keys, ${indexes.length} indexes for the load: ${seconds(t)}`,
  );

  // 4. The year's visits: visit i on day i mod 365, of template (its month, variant), of resident
  // (i × a prime) mod R among the residents registered at a commune station, at that station.
  const loadStarted = Date.now();
  await step(
    db,
    'residents registered at a station',
    `create unlogged table bench_build.res as
       select (row_number() over (order by r.id) - 1)::bigint as n, r.id, r.registered_facility_id as facility_id, f.area_path
         from resident r join facility f on f.id = r.registered_facility_id
        where r.status = 'active' and r.merged_into_id is null and f.kind = 'commune_health_station'`,
  );
  await sql.raw('create unique index on bench_build.res (n)').execute(db);
  const [{ n: residents } = { n: 0 }] = (
    await sql<{ n: number }>`select count(*)::int as n from bench_build.res`.execute(db)
  ).rows;
  await step(
    db,
    'visits planned',
    `create unlogged table bench_build.visit as
       select g.i, (h.pre || '00' || h.rest)::uuid as id, h.pre, h.rest, r.id as resident_id, r.facility_id, r.area_path,
              s.day as visit_date, s.started_at, t.encounter_id as tpl
         from generate_series(0, ${visits - 1}) g(i)
         cross join lateral (select ('${start}'::date + (g.i % 365)::int) as day) d
         cross join lateral (select d.day,
                 (d.day::timestamp + interval '1 hour' + ((g.i * 37) % 480) * interval '1 minute') at time zone 'UTC' as started_at) s
         -- The visit's UUID v7 in two parts around a record number (00 the visit, then its records'):
         -- its start's milliseconds, the version, 12 bits of md5, the variant, [number], 52 bits more.
         cross join lateral (select lpad(to_hex((extract(epoch from s.started_at) * 1000)::bigint), 12, '0') || '7'
                 || substr(m, 1, 3) || '8' as pre, substr(m, 4, 13) as rest from md5('v' || g.i) m) h
         join bench_build.res r on r.n = (g.i::bigint * 2654435761) % ${residents}
         join bench_build.tpl t on t.month = date_trunc('month', s.day::timestamp)::date and t.variant = (g.i / 365) % ${VARIANTS}`,
  );
  // The template visits' rows, copied beside the staging (the clones join these, never the growing tables),
  // and the dispensings of the visits already in (templates and histories) for the shelves.
  await step(
    db,
    'dispensings before the clones',
    `create unlogged table bench_build.rx as
       select p.id as prescription_id, p.encounter_id, e.facility_id, e.area_path, p.medicine_id, p.dispensed as q,
              e.visit_date, coalesce(e.closed_at, e.started_at) as at, date_trunc('month', e.visit_date::timestamp)::date as month
         from encounter_prescription p join encounter e on e.id = p.encounter_id
         join facility f on f.id = e.facility_id and f.kind = 'commune_health_station'
        where p.dispensed > 0 and p.retracted_by is null`,
  );
  for (const table of [
    'encounter',
    'encounter_observation',
    'encounter_diagnosis',
    'encounter_prescription',
    'encounter_service',
    'encounter_bill',
  ]) {
    const key = table === 'encounter' ? 'id' : 'encounter_id';
    await sql
      .raw(`create table bench_build.t_${table} as
              select x.* from ${table} x where x.${key} in (select encounter_id from bench_build.tpl)`)
      .execute(db);
  }
  await sql
    .raw(`create table bench_build.t_encounter_bill_line as
            select l.* from encounter_bill_line l where l.bill_id in (select id from bench_build.t_encounter_bill)`)
    .execute(db);
  // Each template record's number within its visit (1-16, in hex): the clone's id is the visit's with it.
  await step(
    db,
    'template records numbered',
    `create table bench_build.rec as
       select x.encounter_id, x.id, lpad(to_hex(row_number() over (partition by x.encounter_id order by x.t, x.id)::int), 2, '0') as k from (
         select encounter_id, id, 1 as t from bench_build.t_encounter_observation union all
         select encounter_id, id, 2 from bench_build.t_encounter_diagnosis union all
         select encounter_id, id, 3 from bench_build.t_encounter_prescription union all
         select encounter_id, id, 4 from bench_build.t_encounter_service union all
         select encounter_id, id, 5 from bench_build.t_encounter_bill union all
         select b.encounter_id, l.id, 6 from bench_build.t_encounter_bill_line l join bench_build.t_encounter_bill b on b.id = l.bill_id) x`,
  );
  const cloneId = (alias: string) => `(v.pre || ${alias}.k || v.rest)::uuid`;
  await step(
    db,
    'encounter',
    `insert into encounter (id, resident_id, facility_id, worker_id, kind, status, visit_date, started_at, ended_at,
         reason, insurance_card, eligibility, fingerprint, area_path, created_by, created_at, closed_at)
       select v.id, v.resident_id, v.facility_id, null, e.kind, e.status, v.visit_date, v.started_at,
              v.started_at + (e.ended_at - e.started_at), e.reason, null, null, md5('bench visit ' || v.i),
              v.area_path, null, v.started_at + (e.closed_at - e.started_at), v.started_at + (e.closed_at - e.started_at)
         from bench_build.visit v join bench_build.t_encounter e on e.id = v.tpl`,
  );
  await step(
    db,
    'encounter_observation',
    `insert into encounter_observation (id, encounter_id, resident_id, code, value, unit, entered_value, entered_unit,
         observed_at, visit_date, flag, derived, fingerprint, amendment_id, retracted_by, area_path)
       select ${cloneId('c')}, v.id, v.resident_id, o.code, o.value, o.unit, o.entered_value, o.entered_unit,
              v.started_at + (o.observed_at - e.started_at), v.visit_date, o.flag, o.derived, o.fingerprint, null, null, v.area_path
         from bench_build.visit v join bench_build.t_encounter e on e.id = v.tpl
         join bench_build.t_encounter_observation o on o.encounter_id = v.tpl join bench_build.rec c on c.id = o.id`,
  );
  // The problem list: one problem per resident, chronic code and place, seen from its first visit to its last.
  await step(
    db,
    'problem',
    `insert into problem (id, resident_id, code, status, onset, first_encounter_id, last_seen_on, area_path)
       select bench_build.uuid7(min(v.started_at), 'p' || v.resident_id || d.code || v.area_path::text), v.resident_id, d.code,
              'active', min(v.visit_date), min(v.id::text)::uuid, max(v.visit_date), v.area_path
         from bench_build.visit v join bench_build.t_encounter_diagnosis d on d.encounter_id = v.tpl and d.problem_id is not null
        group by v.resident_id, d.code, v.area_path
       on conflict (resident_id, code, area_path) do update
         set onset = least(problem.onset, excluded.onset), last_seen_on = greatest(problem.last_seen_on, excluded.last_seen_on)`,
  );
  await step(
    db,
    'encounter_diagnosis',
    `insert into encounter_diagnosis (id, encounter_id, resident_id, code, role, note, problem_id, visit_date,
         fingerprint, amendment_id, retracted_by, area_path)
       select ${cloneId('c')}, v.id, v.resident_id, d.code, d.role, d.note, p.id, v.visit_date, d.fingerprint, null, null, v.area_path
         from bench_build.visit v join bench_build.t_encounter_diagnosis d on d.encounter_id = v.tpl join bench_build.rec c on c.id = d.id
         left join problem p on d.problem_id is not null and p.resident_id = v.resident_id and p.code = d.code and p.area_path = v.area_path`,
  );
  await step(
    db,
    'encounter_prescription',
    `insert into encounter_prescription (id, encounter_id, resident_id, medicine_id, dose, frequency, duration_days, quantity,
         quantity_computed, long_term, instructions, dispensed, prescribed_on, fingerprint, amendment_id, retracted_by, area_path)
       select ${cloneId('c')}, v.id, v.resident_id, p.medicine_id, p.dose, p.frequency, p.duration_days, p.quantity,
              p.quantity_computed, p.long_term, p.instructions, p.dispensed, v.visit_date, p.fingerprint, null, null, v.area_path
         from bench_build.visit v join bench_build.t_encounter_prescription p on p.encounter_id = v.tpl join bench_build.rec c on c.id = p.id`,
  );
  await step(
    db,
    'encounter_service',
    `insert into encounter_service (id, encounter_id, resident_id, facility_id, service_item_id, quantity, note, performed_on,
         fingerprint, amendment_id, retracted_by, area_path)
       select ${cloneId('c')}, v.id, v.resident_id, v.facility_id, s.service_item_id, s.quantity, s.note, v.visit_date,
              s.fingerprint, null, null, v.area_path
         from bench_build.visit v join bench_build.t_encounter_service s on s.encounter_id = v.tpl join bench_build.rec c on c.id = s.id`,
  );
  await step(
    db,
    'encounter_bill',
    `insert into encounter_bill (id, encounter_id, resident_id, seq, amendment_id, visit_date, tier, currency, method,
         benefit_percent, rule, deductible_applied, ratio_percent, hospital_amount, insured_amount, insurance_pays,
         co_payment, patient_pays, priced_at, area_path)
       select ${cloneId('c')}, v.id, v.resident_id, b.seq, null, v.visit_date, b.tier, b.currency, b.method,
              b.benefit_percent, b.rule, b.deductible_applied, b.ratio_percent, b.hospital_amount, b.insured_amount,
              b.insurance_pays, b.co_payment, b.patient_pays, v.started_at + (b.priced_at - e.started_at), v.area_path
         from bench_build.visit v join bench_build.t_encounter e on e.id = v.tpl
         join bench_build.t_encounter_bill b on b.encounter_id = v.tpl join bench_build.rec c on c.id = b.id`,
  );
  await step(
    db,
    'encounter_bill_line',
    `insert into encounter_bill_line (id, bill_id, line_no, kind, record_id, item_id, code, insurance_code, name, unit,
         quantity, unit_price, coverage, hospital_amount, insured_amount, insurance_pays, co_payment, patient_pays, area_path)
       select ${cloneId('cl')}, ${cloneId('cb')}, l.line_no, l.kind,
              ${cloneId('cr')}, l.item_id, l.code, l.insurance_code, l.name, l.unit, l.quantity, l.unit_price, l.coverage,
              l.hospital_amount, l.insured_amount, l.insurance_pays, l.co_payment, l.patient_pays, v.area_path
         from bench_build.visit v join bench_build.t_encounter_bill b on b.encounter_id = v.tpl join bench_build.rec cb on cb.id = b.id
         join bench_build.t_encounter_bill_line l on l.bill_id = b.id join bench_build.rec cl on cl.id = l.id
         join bench_build.rec cr on cr.id = l.record_id`,
  );

  // 5. The shelves: every dispensed prescription at a commune station, from a batch of its month.
  await step(
    db,
    'dispensings of the clones',
    `insert into bench_build.rx
       select ${cloneId('c')}, v.id, v.facility_id, v.area_path, p.medicine_id, p.dispensed, v.visit_date,
              v.started_at + (coalesce(e.closed_at, e.started_at) - e.started_at),
              date_trunc('month', v.visit_date::timestamp)::date
         from bench_build.visit v join bench_build.t_encounter e on e.id = v.tpl
         join bench_build.t_encounter_prescription p on p.encounter_id = v.tpl join bench_build.rec c on c.id = p.id
        where p.dispensed > 0 and p.retracted_by is null`,
  );
  const lastMonth = `${addDays(today, -1).slice(0, 7)}-01`;
  await step(
    db,
    'batches planned',
    `create unlogged table bench_build.batch as
       select bench_build.uuid7(month::timestamp at time zone 'UTC', 'b' || facility_id || medicine_id || month) as id,
              facility_id, area_path, medicine_id, month, sum(q)::int as dispensed,
              case when month = '${lastMonth}' then
                -- What is left on the shelf today: from none (a stock-out) to four months' worth.
                (sum(q) * (array[0, 0.5, 1.5, 3, 4])[1 + abs(hashtext(facility_id::text || medicine_id)) % 5])::int
              else 0 end as left_over,
              case when month = '${lastMonth}' then month + 35 + abs(hashtext(medicine_id::text || facility_id)) % 700
              else month + 730 end as expiry_date
         from bench_build.rx group by facility_id, area_path, medicine_id, month`,
  );
  await step(
    db,
    'stock_batch',
    `insert into stock_batch (id, facility_id, area_path, medicine_id, batch_number, expiry_date, supplier, on_hand,
         received_on, created_at, updated_at)
       select id, facility_id, area_path, medicine_id, 'BV' || to_char(month, 'YYYYMM') || '-' || substr(md5(id::text), 1, 6),
              expiry_date, 'bench: district centre', left_over, month, month::timestamp at time zone 'UTC', now()
         from bench_build.batch`,
  );
  await step(
    db,
    'stock_movement, receipts',
    `insert into stock_movement (id, facility_id, area_path, batch_id, medicine_id, kind, quantity, balance_after, reason,
         occurred_on, recorded_at, created_at)
       select bench_build.uuid7(month::timestamp at time zone 'UTC', 'r' || id), facility_id, area_path, id, medicine_id,
              'receipt', dispensed + left_over, dispensed + left_over, 'bench: district centre', month,
              month::timestamp at time zone 'UTC', now()
         from bench_build.batch`,
  );
  await step(
    db,
    'stock_movement, dispensings',
    `insert into stock_movement (id, facility_id, area_path, batch_id, medicine_id, kind, quantity, balance_after, reason,
         occurred_on, recorded_at, prescription_id, encounter_id, created_at)
       -- The dispensing's id: its prescription's with the last hex digit complemented (one to one, still v7).
       select (left(x.prescription_id::text, 35)
                || translate(right(x.prescription_id::text, 1), '0123456789abcdef', 'fedcba9876543210'))::uuid, x.facility_id, x.area_path, b.id, x.medicine_id, 'dispense',
              -x.q, b.dispensed + b.left_over - sum(x.q) over (partition by b.id order by x.at, x.prescription_id rows unbounded preceding),
              null, x.visit_date, x.at, x.prescription_id, x.encounter_id, x.at
         from bench_build.rx x join bench_build.batch b
           on b.facility_id = x.facility_id and b.medicine_id = x.medicine_id and b.month = x.month`,
  );
  console.log(`  loaded in ${seconds(loadStarted)}; disk ${await databaseSize(db)}`);

  // 6. Keys, indexes and foreign keys back (each checks every row), then the planner's statistics.
  t = Date.now();
  await sql.raw('drop schema bench_build cascade').execute(db);
  // The keys first (the foreign keys need them), then indexes and foreign keys in two lanes.
  const jobs = [
    ...keys.map((k) => ({ name: k.name, def: `alter table ${k.tbl} add constraint ${k.name} ${k.def}` })),
  ];
  const later = [
    ...indexes.map((i) => ({ name: i.name, def: i.def })),
    ...fks.map((f) => ({ name: f.name, def: `alter table ${f.tbl} add constraint ${f.name} ${f.def}` })),
  ];
  const lane = async (queue: { name: string; def: string }[]) =>
    pool.connection().execute(async (c) => {
      await sql.raw(`set maintenance_work_mem = '1GB'`).execute(c);
      for (let job = queue.shift(); job; job = queue.shift()) {
        const s = Date.now();
        await sql.raw(job.def).execute(c);
        console.log(`    ${job.name}: ${seconds(s)}`);
      }
    });
  await Promise.all([lane(jobs), lane(jobs)]);
  await Promise.all([lane(later), lane(later)]);
  console.log(`  keys, indexes and foreign keys rebuilt: ${seconds(t)}`);
  t = Date.now();
  await sql.raw('vacuum analyze').execute(db);
  console.log(`  vacuum analyze: ${seconds(t)}; disk ${await databaseSize(db)}`);
}

async function databaseSize(db: Db): Promise<string> {
  const r = await sql<{
    s: string;
  }>`select pg_size_pretty(pg_database_size(current_database())) as s`.execute(db);
  return r.rows[0]?.s ?? '?';
}
