/**
 * Visits at the scale, on PostgreSQL (issue 21 targets): saving a typical visit (5
 * observations, 2 diagnoses, 3 prescriptions, closed with its dispensing and bill) p95 under 50 ms,
 * and a resident's timeline with 10 years of history p95 under 100 ms. Through the HTTP API as the
 * demo's commune station, on the full benchmark province (1.2 million residents) with a year of five
 * million visits and 100 residents of the demo station with 120 monthly visits over ten years
 * (support/visits-database.ts builds it once, in SQL, and keeps it: `grassroots_bench_visits_full`).
 *
 * Usage: npm run bench:visits [-- --visits 100 --timelines 100] [--rebuild] [--rebuild-base]
 *        [--year-visits 5000000] [--demo [--reload]: the demo province's own year instead]
 * (BENCH_DATABASE_URL overrides the database). Prints figures; asserts nothing.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { demoStation } from '../src/demo/demo-users.ts';
import { generateDemoProvince } from '../src/demo/generate.ts';
import { type BulkVisit, loadVisits } from '../src/modules/encounters/encounters.bulk.ts';
import { todayOf } from '../src/platform/clock.ts';
import { addDays } from '../src/platform/dates.ts';
import { newId } from '../src/platform/ids.ts';
import { buildServer } from '../src/server.ts';
import { openDemoDatabase, percentile } from './support/demo-database.ts';
import { openVisitsDatabase, VISITS_FULL_URL } from './support/visits-database.ts';

const { values } = parseArgs({
  options: {
    visits: { type: 'string', default: '100' },
    timelines: { type: 'string', default: '100' },
    reload: { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    'rebuild-base': { type: 'boolean', default: false },
    'year-visits': { type: 'string', default: '5000000' },
  },
});
const url =
  process.env.BENCH_DATABASE_URL ??
  (values.demo ? 'postgres://postgres@127.0.0.1:5432/grassroots_bench_visits' : VISITS_FULL_URL);

function figures(label: string, ms: number[]): void {
  const s = [...ms].sort((a, b) => a - b);
  const mean = s.reduce((t, x) => t + x, 0) / s.length;
  console.log(
    `${label.padEnd(34)} n=${s.length}  p50 ${percentile(s, 50).toFixed(1)} ms  p95 ${percentile(s, 95).toFixed(1)} ms  max ${s.at(-1)?.toFixed(1)} ms  mean ${mean.toFixed(1)} ms`,
  );
}

async function main(): Promise<void> {
  const { ctx, handle } = values.demo
    ? await openDemoDatabase(url, { reload: values.reload })
    : await openVisitsDatabase(url, {
        rebuild: values.rebuild,
        rebuildBase: values['rebuild-base'],
        visits: Number(values['year-visits']),
      });
  const db = handle.db;
  const today = todayOf(ctx);
  const { station } = demoStation(generateDemoProvince({ today }));
  const facility = (
    await sql<{ id: string }>`select id from facility where code = ${station.code}`.execute(db)
  ).rows[0];
  if (!facility) throw new Error('no demo station');
  const residents = (
    await sql<{ id: string; code: string }>`
      select id, code from resident where registered_facility_id = ${facility.id} and code is not null and status = 'active'
      order by md5(id::text) limit ${Number(values.timelines) + Number(values.visits)}`.execute(db)
  ).rows;
  const medicines = (
    await sql<{
      id: string;
      code: string;
    }>`select id, code from medicine where code in ('VNT0001', 'VNT0002', 'VNT0004')`.execute(db)
  ).rows;

  // Ten years of monthly follow-ups for the timeline residents (once: marked by a visit id prefix).
  const historyOf = residents.slice(0, Number(values.timelines));
  const [{ n } = { n: 0 }] = (
    await sql<{
      n: number;
    }>`select count(*)::int as n from encounter where reason = 'bench: 10 years'`.execute(db)
  ).rows;
  if (n === 0) {
    const visits: BulkVisit[] = [];
    for (const r of historyOf) {
      for (let m = 0; m < 120; m++) {
        const date = addDays(today, -30 * (120 - m) - 1);
        visits.push({
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
    const started = Date.now();
    for (let i = 0; i < visits.length; i += 2400) await loadVisits(ctx, visits.slice(i, i + 2400));
    console.log(
      `loaded ${visits.length} visits of 10-year histories in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const counts = (
    await sql<{ visits: number; observations: number; prescriptions: number }>`
      select (select count(*)::int from encounter) as visits,
        (select count(*)::int from encounter_observation) as observations,
        (select count(*)::int from encounter_prescription) as prescriptions`.execute(db)
  ).rows[0];
  console.log(
    `data: ${counts?.visits} visits, ${counts?.observations} observations, ${counts?.prescriptions} prescription lines; ${historyOf.length} residents with 120 visits over 10 years`,
  );

  const app = await buildServer(ctx);
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'station', password: 'demo' },
  });
  if (login.statusCode !== 200) throw new Error(`station login failed: ${login.statusCode} ${login.body}`);
  const headers = { authorization: `Bearer ${login.json().token as string}` };

  // Stock enough on the shelf for every visit's dispensing.
  for (const m of medicines) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/stock/receipts',
      headers,
      payload: {
        id: newId(),
        facilityId: facility.id,
        receivedOn: today,
        supplier: 'bench',
        lines: [
          {
            medicineId: m.id,
            batchNumber: `BENCH-${newId().slice(-6)}`,
            expiryDate: addDays(today, 700),
            quantity: 100_000,
          },
        ],
      },
    });
    if (r.statusCode !== 201) throw new Error(`receipt failed: ${r.statusCode} ${r.body}`);
  }

  const timeline = async (id: string) => {
    const t0 = performance.now();
    const r = await app.inject({ url: `/api/residents/${id}/timeline`, headers });
    if (r.statusCode !== 200) throw new Error(`timeline: ${r.statusCode} ${r.body}`);
    return performance.now() - t0;
  };
  for (const r of historyOf.slice(0, 10)) await timeline(r.id); // warm-up
  // Statements sent per request (access control's included): a figure the machine's load does not move.
  let statements = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  const timelines: number[] = [];
  for (const r of historyOf) timelines.push(await timeline(r.id));
  const timelineStatements = statements / historyOf.length;
  statements = 0;

  const saves: number[] = [];
  const creates: number[] = [];
  const closes: number[] = [];
  const savers = residents.slice(Number(values.timelines));
  for (const [i, r] of savers.entries()) {
    const body = {
      id: newId(),
      residentId: r.id,
      facilityId: facility.id,
      kind: 'station-visit',
      observations: [
        { id: newId(), code: '8480-6', value: 142 },
        { id: newId(), code: '8462-4', value: 88 },
        { id: newId(), code: '8867-4', value: 76 },
        { id: newId(), code: '29463-7', value: 61 },
        { id: newId(), code: '1558-6', value: 7.2 },
      ],
      diagnoses: [
        { id: newId(), code: 'I10' },
        { id: newId(), code: 'E11.9' },
      ],
      prescriptions: medicines.map((m) => ({
        id: newId(),
        medicineId: m.id,
        dose: 1,
        frequency: 'once-daily',
        durationDays: 30,
      })),
    };
    const t0 = performance.now();
    const created = await app.inject({ method: 'POST', url: '/api/encounters', headers, payload: body });
    const t1 = performance.now();
    const closed = await app.inject({
      method: 'POST',
      url: `/api/encounters/${body.id}/close`,
      headers,
      payload: {},
    });
    const t2 = performance.now();
    if (created.statusCode !== 201 || closed.statusCode !== 200)
      throw new Error(`save failed: ${created.statusCode} ${closed.statusCode} ${closed.body}`);
    if (i >= 10) {
      creates.push(t1 - t0);
      closes.push(t2 - t1);
      saves.push(t2 - t0);
    }
  }
  const saveStatements = statements / savers.length;
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  console.log(
    `statements per request: timeline ${timelineStatements.toFixed(1)}, save (open + close) ${saveStatements.toFixed(1)}`,
  );
  figures('timeline, 10 years (120 visits)', timelines);
  figures('open a visit (5 obs, 2 dx, 3 rx)', creates);
  figures('close it (bill + dispensing)', closes);
  figures('save a typical visit (open + close)', saves);
  console.log('targets: save p95 < 50 ms, timeline p95 < 100 ms (PostgreSQL)');
  await app.close();
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
