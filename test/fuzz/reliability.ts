/**
 * `npm run reliability`: the route fuzzing of route-fuzz.suite.ts at scale, outside `npm test`. Every
 * documented route gets RUNS generated bad requests (10,000 unless `--runs N`), on a fresh embedded
 * database, or on the PostgreSQL database `DATABASE_URL` names (it must be migrated and empty:
 * rows are created). Prints routes × bad inputs tried × 5xx × hangs × other broken properties, and
 * the first failing requests; then faults injected × rows lost (the PostgreSQL restart under load on a
 * private cluster, and the CSV imports' kill -9 faults when test/fuzz/import-faults.ts provides them),
 * the load held (a short bench:load run on `--load-engine`, `--load-seconds`), and the ASVS items
 * docs/SECURITY.md maps to tests. Exits 1 when anything broke.
 *
 *   npm run reliability -- --cases 200 --seed 7 --only /api/residents --skip-load
 *   (--runs is --cases; --skip-faults, --skip-load leave those parts out)
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { buildAccessWorld } from '../../src/modules/access/access.fixtures.ts';
import { createUser } from '../../src/modules/access/index.ts';
import type { AppContext } from '../../src/platform/app-context.ts';
import { fixedClock, todayOf } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openServerDatabase, wrapPGlite } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { openPGlite } from '../../src/platform/db/pglite.ts';
import { loadProfile } from '../../src/platform/profile.ts';
import { buildServer } from '../../src/server.ts';
import type { TestEngine } from '../support/engines.ts';
import { callersFor, FUZZ_ROLES, fuzzWorldOf } from './fuzz-world.ts';
import {
  asvsCoverage,
  type FaultRow,
  importFaultRows,
  loadHeld,
  postgresRestartFault,
} from './reliability-rows.ts';
import { checkRequest, describeRequest, operationsOf, requestsFor } from './route-fuzz.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    cases: { type: 'string' },
    'skip-faults': { type: 'boolean', default: false },
    'skip-load': { type: 'boolean', default: false },
    'load-engine': { type: 'string', default: 'postgres' },
    'load-seconds': { type: 'string', default: '10' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    only: { type: 'string' },
    deadline: { type: 'string', default: '10000' },
  },
});
const runs = Number(values.cases ?? values.runs);
const seed = Number(values.seed);
const deadlineMs = Number(values.deadline);
const CHUNK = 250;

const url = process.env.DATABASE_URL;
const handle = url ? openServerDatabase(url, 4) : wrapPGlite(await openPGlite(undefined));
await migrateToLatest(handle.db);
const ctx: AppContext = {
  db: handle.db,
  engine: handle.engine,
  profile: loadProfile('vn'),
  config: loadConfig({ GRASSROOTS_PROFILE: 'vn' }),
  clock: fixedClock('2026-12-02T09:00:00+07:00'),
};
const app = await buildServer(ctx, { logger: false, webDist: null });
await app.ready();
const admin = { username: 'fuzz-admin', password: 'fuzz-admin-password' };
await createUser(
  ctx.db,
  {
    username: admin.username,
    displayName: 'Fuzz administrator',
    password: admin.password,
    roles: [{ role: 'admin' }],
  },
  { trustedPassword: true },
);
const signIn = async (username: string, password = admin.password) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username}: ${res.statusCode} ${res.body}`);
  return res.json().token as string;
};
const adminToken = await signIn(admin.username);
const engine = {
  name: handle.engine,
  ctx,
  app,
  signIn,
  today: todayOf(ctx),
  inject: (o: InjectOptions) =>
    app.inject({ ...o, headers: { authorization: `Bearer ${adminToken}`, ...(o.headers ?? {}) } }),
} as unknown as TestEngine;
const w = await buildAccessWorld(engine, { roles: FUZZ_ROLES });
const world = fuzzWorldOf(w);

interface Row {
  route: string;
  tried: number;
  fiveXX: number;
  hangs: number;
  other: number;
}
const table: Row[] = [];
const examples: string[] = [];
const ops = operationsOf(app).filter((op) => !values.only || op.path.startsWith(values.only));
const started = Date.now();
for (const [n, op] of ops.entries()) {
  const callers = await callersFor(ctx.db, w, op, w.users.admin.password);
  const row: Row = { route: `${op.method} ${op.path}`, tried: 0, fiveXX: 0, hangs: 0, other: 0 };
  const arb = requestsFor(op, world);
  for (let done = 0; done < runs; done += CHUNK) {
    for (const req of fc.sample(arb, {
      numRuns: Math.min(CHUNK, runs - done),
      seed: seed + n * 1000 + done,
    })) {
      const { outcome, broken } = await checkRequest(app, ctx.db, req, callers, deadlineMs);
      row.tried++;
      if (!broken) continue;
      if (outcome.hung) row.hangs++;
      else if (outcome.status >= 500) row.fiveXX++;
      else row.other++;
      if (examples.length < 40) examples.push(`${row.route}: ${broken}\n    ${describeRequest(req)}`);
    }
  }
  table.push(row);
  process.stderr.write(
    `${n + 1}/${ops.length} ${row.route} (${Math.round((Date.now() - started) / 1000)} s)\n`,
  );
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const width = Math.max(...table.map((r) => r.route.length));
console.log(`\nRoute fuzzing on the ${handle.engine} engine, seed ${seed}, ${runs} per route\n`);
console.log(
  `${'route'.padEnd(width)}  ${pad('tried', 7)}  ${pad('5xx', 5)}  ${pad('hangs', 5)}  ${pad('other', 5)}`,
);
for (const r of table)
  console.log(
    `${r.route.padEnd(width)}  ${pad(r.tried, 7)}  ${pad(r.fiveXX, 5)}  ${pad(r.hangs, 5)}  ${pad(r.other, 5)}`,
  );
const sum = (k: 'tried' | 'fiveXX' | 'hangs' | 'other') => table.reduce((a, r) => a + r[k], 0);
console.log(
  `${`${table.length} routes`.padEnd(width)}  ${pad(sum('tried'), 7)}  ${pad(sum('fiveXX'), 5)}  ${pad(sum('hangs'), 5)}  ${pad(sum('other'), 5)}`,
);
if (examples.length) console.log(`\nFirst failures:\n${examples.join('\n')}`);
await app.close();
await handle.close();
let broken = sum('fiveXX') + sum('hangs') + sum('other');

if (!values['skip-faults']) {
  const faults: FaultRow[] = [await postgresRestartFault()];
  const imports = await importFaultRows();
  if (Array.isArray(imports)) faults.push(...imports);
  const w2 = Math.max(5, ...faults.map((f) => f.fault.length));
  console.log(
    `\nFaults\n${'fault'.padEnd(w2)}  ${pad('injected', 8)}  ${pad('requests', 8)}  ${pad('wrong', 5)}  ${pad('hangs', 5)}  ${pad('rows lost', 9)}`,
  );
  for (const f of faults) {
    console.log(
      `${f.fault.padEnd(w2)}  ${pad(f.injected, 8)}  ${pad(f.requests, 8)}  ${pad(f.wrong, 5)}  ${pad(f.hangs, 5)}  ${pad(f.rowsLost, 9)}${f.note ? `  (${f.note})` : ''}`,
    );
    broken += f.wrong + f.hangs + f.rowsLost;
  }
  if (!Array.isArray(imports)) console.log(`(CSV import kill -9 faults not in this table: ${imports})`);
}

if (!values['skip-load']) {
  const engine = values['load-engine'] === 'embedded' ? 'embedded' : 'postgres';
  const r = await loadHeld(engine, Number(values['load-seconds']));
  const [load1] = os.loadavg();
  console.log(
    `\nLoad held (bench:load mix, ${r.engine}, ${r.connections} connections, ${r.seconds} s; load average ${load1?.toFixed(1)} on ${os.cpus().length} cores)`,
  );
  console.log(
    `  ${r.requestsPerSecond.toFixed(0)} requests/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms; errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`,
  );
  broken += r.errors + r.timeouts + r.non2xx;
}

const asvs = asvsCoverage();
console.log(
  `\nASVS 4.0 L2 (docs/SECURITY.md): ${asvs.rows} rows (${asvs.items} items named): ${asvs.covered} covered by tests, ${asvs.partial} partly, ${asvs.gaps} gaps`,
);
process.exit(broken > 0 ? 1 : 0);
