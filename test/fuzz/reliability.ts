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
 * The routes are dealt to `--workers` processes (2 unless told; 1 with DATABASE_URL), each with its own
 * embedded database and server, so the cores are used; inside one, up to `--in-flight` reads are sent at
 * a time (a write is always sent alone, so the rows it may change are counted around it alone). Each
 * route's figures are appended to `--rows FILE` as soon as the route is done (JSON lines), so a run
 * stopped halfway still tells what it tried.
 *
 *   npm run reliability -- --cases 200 --seed 7 --only /api/residents --skip-load
 *   (--runs is --cases; --skip-faults, --skip-load leave those parts out)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
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
import {
  checkRequest,
  describeRequest,
  type FuzzRequest,
  installChangeCounter,
  operationsOf,
  requestsFor,
} from './route-fuzz.ts';

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
    workers: { type: 'string' },
    'in-flight': { type: 'string', default: '4' },
    rows: { type: 'string' },
    resume: { type: 'boolean', default: false },
    /** Internal: this process is worker N of --workers, and prints its rows as JSON lines. */
    worker: { type: 'string' },
  },
});
const runs = Number(values.cases ?? values.runs);
const seed = Number(values.seed);
const deadlineMs = Number(values.deadline);
const inFlight = Math.max(1, Number(values['in-flight']));
const url = process.env.DATABASE_URL;
const workers = Math.max(1, Number(values.workers ?? (url ? 1 : 2)));
const CHUNK = 250;

interface Row {
  index: number;
  route: string;
  tried: number;
  fiveXX: number;
  hangs: number;
  other: number;
  seconds: number;
}

/** Fuzzes share `share` of `shares` of the routes (every route when 1 of 1), reporting each route as done. */
async function fuzzShare(
  share: number,
  shares: number,
  onRow: (row: Row, examples: string[]) => void,
  done: ReadonlySet<string> = new Set(),
): Promise<{ engine: string }> {
  const handle = url ? openServerDatabase(url, 4) : wrapPGlite(await openPGlite(undefined));
  await migrateToLatest(handle.db);
  await installChangeCounter(handle.db);
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

  const ops = operationsOf(app)
    .map((op, index) => ({ op, index }))
    .filter(({ op }) => !values.only || op.path.startsWith(values.only))
    .filter(({ op }) => !done.has(`${op.method} ${op.path}`))
    .filter((_, i) => i % shares === share);
  for (const { op, index } of ops) {
    const started = Date.now();
    const callers = await callersFor(ctx.db, w, op, w.users.admin.password);
    const row: Row = {
      index,
      route: `${op.method} ${op.path}`,
      tried: 0,
      fiveXX: 0,
      hangs: 0,
      other: 0,
      seconds: 0,
    };
    const examples: string[] = [];
    const arb = requestsFor(op, world);
    const one = async (req: FuzzRequest) => {
      const { outcome, broken } = await checkRequest(app, ctx.db, req, callers, deadlineMs);
      row.tried++;
      if (!broken) return;
      if (outcome.hung) row.hangs++;
      else if (outcome.status >= 500) row.fiveXX++;
      else row.other++;
      if (examples.length < 10) examples.push(`${row.route}: ${broken}\n    ${describeRequest(req)}`);
    };
    // Reads go several at a time; a write alone (the rows it may change are counted around it).
    const parallel = op.method === 'GET' || op.method === 'HEAD' ? inFlight : 1;
    // The same seeds as one request at a time: the cases do not depend on the number of workers.
    for (let done = 0; done < runs; done += CHUNK) {
      const batch = fc.sample(arb, {
        numRuns: Math.min(CHUNK, runs - done),
        seed: seed + index * 1000 + done,
      });
      let next = 0;
      await Promise.all(
        Array.from({ length: parallel }, async () => {
          while (next < batch.length) await one(batch[next++]!);
        }),
      );
    }
    row.seconds = Math.round((Date.now() - started) / 1000);
    onRow(row, examples);
  }
  await app.close();
  await handle.close();
  return { engine: handle.engine };
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

if (values.worker !== undefined) {
  // A worker: its share of the routes not done yet, each route's row on a line of its own.
  const done = new Set<string>();
  if (values.rows && values.resume && fs.existsSync(values.rows)) {
    for (const line of fs.readFileSync(values.rows, 'utf8').split('\n').filter(Boolean)) {
      const row = JSON.parse(line) as Row;
      if (row.tried >= runs) done.add(row.route);
    }
  }
  await fuzzShare(
    Number(values.worker),
    workers,
    (row, examples) => {
      process.stdout.write(`${JSON.stringify({ row, examples })}\n`);
    },
    done,
  );
  process.exit(0);
}

// The faults and the load first (minutes), then the fuzzing (hours at 10,000 a route): a run stopped
// during the fuzzing still prints every part, with the routes done so far.
let broken = 0;
const report: string[] = [];
if (!values['skip-faults']) {
  const faults: FaultRow[] = [await postgresRestartFault()];
  const imports = await importFaultRows();
  if (Array.isArray(imports)) faults.push(...imports);
  const w2 = Math.max(5, ...faults.map((f) => f.fault.length));
  report.push(
    `\nFaults\n${'fault'.padEnd(w2)}  ${pad('injected', 8)}  ${pad('requests', 8)}  ${pad('wrong', 5)}  ${pad('hangs', 5)}  ${pad('rows lost', 9)}`,
  );
  for (const f of faults) {
    report.push(
      `${f.fault.padEnd(w2)}  ${pad(f.injected, 8)}  ${pad(f.requests, 8)}  ${pad(f.wrong, 5)}  ${pad(f.hangs, 5)}  ${pad(f.rowsLost, 9)}${f.note ? `  (${f.note})` : ''}`,
    );
    broken += f.wrong + f.hangs + f.rowsLost;
  }
  if (!Array.isArray(imports)) report.push(`(CSV import kill -9 faults not in this table: ${imports})`);
  process.stderr.write(`${report.join('\n')}\n`);
}

if (!values['skip-load']) {
  const engine = values['load-engine'] === 'embedded' ? 'embedded' : 'postgres';
  const r = await loadHeld(engine, Number(values['load-seconds']));
  const [load1] = os.loadavg();
  const lines = [
    `\nLoad held (bench:load mix, ${r.engine}, ${r.connections} connections, ${r.seconds} s; load average ${load1?.toFixed(1)} on ${os.cpus().length} cores)`,
    `  ${r.requestsPerSecond.toFixed(0)} requests/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms; errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`,
  ];
  report.push(...lines);
  process.stderr.write(`${lines.join('\n')}\n`);
  broken += r.errors + r.timeouts + r.non2xx;
}

const asvs = asvsCoverage();
report.push(
  `\nASVS 4.0 L2 (docs/SECURITY.md): ${asvs.rows} rows (${asvs.items} items named): ${asvs.covered} covered by tests, ${asvs.partial} partly, ${asvs.gaps} gaps`,
);

const table: Row[] = [];
const examples: string[] = [];
const rowsFile = values.rows;
// --resume: the routes already in the rows file are not fuzzed again; their rows are kept.
const done = new Set<string>();
if (rowsFile && values.resume && fs.existsSync(rowsFile)) {
  for (const line of fs.readFileSync(rowsFile, 'utf8').split('\n').filter(Boolean)) {
    const row = JSON.parse(line) as Row;
    if (row.tried >= runs) {
      table.push(row);
      done.add(row.route);
    }
  }
} else if (rowsFile) fs.writeFileSync(rowsFile, '');
const started = Date.now();
const record = (row: Row, ex: string[]) => {
  table.push(row);
  examples.push(...ex);
  if (rowsFile) fs.appendFileSync(rowsFile, `${JSON.stringify(row)}\n`);
  process.stderr.write(
    `${table.length} routes done: ${row.route} ${row.tried} tried, ${row.fiveXX} 5xx, ${row.hangs} hangs, ${row.other} other (${row.seconds} s; ${Math.round((Date.now() - started) / 1000)} s in all)\n`,
  );
};
let engineName = url ? 'postgres' : 'embedded';
const children: ChildProcess[] = [];
let stopped = false;

function printAll(): void {
  const rows = [...table].sort((a, b) => a.index - b.index);
  const width = Math.max(5, ...rows.map((r) => r.route.length));
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(
    `\nRoute fuzzing on the ${engineName} engine, seed ${seed}, ${runs} per route, ${workers} worker(s), ${minutes} min${stopped ? ' (STOPPED before the end: the routes done so far)' : ''}\n`,
  );
  console.log(
    `${'route'.padEnd(width)}  ${pad('tried', 7)}  ${pad('5xx', 5)}  ${pad('hangs', 5)}  ${pad('other', 5)}`,
  );
  for (const r of rows)
    console.log(
      `${r.route.padEnd(width)}  ${pad(r.tried, 7)}  ${pad(r.fiveXX, 5)}  ${pad(r.hangs, 5)}  ${pad(r.other, 5)}`,
    );
  const sum = (k: 'tried' | 'fiveXX' | 'hangs' | 'other') => rows.reduce((a, r) => a + r[k], 0);
  console.log(
    `${`${rows.length} routes`.padEnd(width)}  ${pad(sum('tried'), 7)}  ${pad(sum('fiveXX'), 5)}  ${pad(sum('hangs'), 5)}  ${pad(sum('other'), 5)}`,
  );
  if (examples.length) console.log(`\nFirst failures:\n${examples.slice(0, 40).join('\n')}`);
  console.log(report.join('\n'));
  broken += sum('fiveXX') + sum('hangs') + sum('other');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopped = true;
    for (const c of children) c.kill('SIGTERM');
    printAll();
    process.exit(1);
  });
}

if (workers === 1) {
  engineName = (await fuzzShare(0, 1, record, done)).engine;
} else {
  const forwarded = process.argv
    .slice(2)
    .filter(
      (a, i, all) =>
        !['--worker', '--workers'].includes(a) && !['--worker', '--workers'].includes(all[i - 1] ?? ''),
    );
  await Promise.all(
    Array.from({ length: workers }, (_, k) => {
      const child = spawn(
        process.execPath,
        [
          ...process.execArgv,
          process.argv[1]!,
          ...forwarded,
          '--worker',
          String(k),
          '--workers',
          String(workers),
          '--skip-faults',
          '--skip-load',
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      children.push(child);
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        let nl = buffered.indexOf('\n');
        while (nl >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (line.startsWith('{')) {
            const { row, examples: ex } = JSON.parse(line) as { row: Row; examples: string[] };
            record(row, ex);
          }
          nl = buffered.indexOf('\n');
        }
      });
      return new Promise<void>((resolve, reject) =>
        child.once('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`worker ${k} exited ${code}`)),
        ),
      );
    }),
  );
}
printAll();
process.exit(broken > 0 ? 1 : 0);
