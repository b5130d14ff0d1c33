/**
 * Faults injected into CSV imports: a real child process (the CLI, or a real server taking the file
 * over HTTP) is killed with SIGKILL after it has reported saved rows; the database is then reopened
 * (on the embedded engine the dead child's lock is taken over), every row reported saved must be
 * there, and running the same file again must end exactly as a clean import of it does.
 *
 * Used by test/fuzz/import-faults.test.ts (both engines) and by `npm run reliability` (the table of
 * faults injected × rows lost). No vitest here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { createUser } from '../../src/modules/access/index.ts';
import { areaImport } from '../../src/modules/areas/index.ts';
import { runImportFile } from '../../src/modules/registry-io.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { readCsvRecords } from '../../src/platform/csv/csv-stream.ts';
import { runImport } from '../../src/platform/csv/import-runner.ts';
import { type DatabaseHandle, openServerDatabase, wrapPGlite } from '../../src/platform/db/database.ts';
import { acquireLockFile } from '../../src/platform/db/lock-file.ts';
import { openPGlite, PGLITE_EXTENSIONS } from '../../src/platform/db/pglite.ts';
import { loadProfile } from '../../src/platform/profile.ts';
import { createDatabaseFromTemplate, dropDatabase, urlFor } from '../support/postgres-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ADMIN = { username: 'fault-admin', password: 'fault-admin-password' };

/** A database a child process can be pointed at (its environment), and opened again from here. */
export interface FaultTarget {
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

/** Makes fresh migrated databases of one engine. */
export interface FaultEngine {
  name: 'embedded' | 'postgres';
  fresh(): Promise<FaultTarget>;
}

/** The embedded engine: each database a data folder loaded from a migrated PGlite dump. */
export function embeddedFaultEngine(migratedDump: Blob, parent = os.tmpdir()): FaultEngine {
  return {
    name: 'embedded',
    async fresh() {
      const dataDir = fs.mkdtempSync(path.join(parent, 'grassroots-fault-'));
      const pgdata = path.join(dataDir, 'pgdata');
      await (
        await PGlite.create({ dataDir: pgdata, loadDataDir: migratedDump, extensions: PGLITE_EXTENSIONS })
      ).close();
      return {
        env: { GRASSROOTS_DATA: dataDir },
        async open() {
          const lock = acquireLockFile(dataDir); // a dead child's lock is taken over
          return wrapPGlite(await openPGlite(pgdata), lock);
        },
        async drop() {
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
}

/** The PostgreSQL server: each database a copy of a migrated template database. */
export function postgresFaultEngine(template: string): FaultEngine {
  return {
    name: 'postgres',
    async fresh() {
      const name = await createDatabaseFromTemplate(template);
      return {
        env: { DATABASE_URL: urlFor(name) },
        open: async () => openServerDatabase(urlFor(name), 2),
        drop: () => dropDatabase(name),
      };
    },
  };
}

/** A residents file of `rows` people in commune 56802 (areas seeded by `seed`), deterministic. */
export function residentsFile(dir: string, rows: number): string {
  const file = path.join(dir, `residents-${rows}.csv`);
  if (fs.existsSync(file)) return file;
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'];
  const given = ['An', 'Bình', 'Chi', 'Dũng', 'Hoa', 'Lan', 'Minh', 'Tâm'];
  const lines = ['code,full_name,sex,birth_date,occupation,area_code'];
  for (let i = 0; i < rows; i++) {
    const sex = i % 2 ? 'female' : 'male';
    lines.push(
      `F-${String(i).padStart(7, '0')},${family[i % 5]} ${sex === 'male' ? 'Văn' : 'Thị'} ${given[i % 8]},${sex},${1940 + (i % 80)},farmer,56802`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function seed(target: FaultTarget): Promise<void> {
  const handle = await target.open();
  try {
    const csv =
      'code,name,level,parent_code\n56,Khánh Hòa,province,\n568,Khánh Sơn,district,56\n56802,Sơn Bình,commune,568\n';
    await runImport(handle.db, areaImport(loadProfile('vn')), readCsvRecords(Readable.from([csv])));
    await createUser(
      handle.db,
      {
        username: ADMIN.username,
        displayName: 'Fault admin',
        password: ADMIN.password,
        roles: [{ role: 'admin' }],
      },
      { trustedPassword: true },
    );
  } finally {
    await handle.close();
  }
}

/** What the residents table holds, in a form two databases can be compared by. */
async function fingerprint(
  db: DatabaseHandle['db'],
): Promise<{ residents: number; codes: number; history: number; digest: string }> {
  const r = await sql<{ residents: number; codes: number; digest: string }>`
    select count(*)::int residents, count(distinct code)::int codes,
           md5(coalesce(string_agg(concat_ws('|', code, full_name, sex, birth_year, area_path::text), ',' order by code), '')) digest
    from resident`.execute(db);
  const h = await sql<{ n: number }>`select count(*)::int n from resident_status_change`.execute(db);
  return { ...r.rows[0]!, history: h.rows[0]!.n };
}

function tsxArgs(...args: string[]): string[] {
  return ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), ...args];
}

function childEnv(target: FaultTarget, extra: Record<string, string> = {}) {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    GRASSROOTS_PROFILE: 'vn',
    LOG_LEVEL: 'info',
    ...target.env,
    ...extra,
  };
  if (!target.env.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

/** Resolves with the first output line matching `pattern` (and the match), rejects if the child ends first. */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let tail = '';
    const timer = setTimeout(
      () => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms: ${tail}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        tail = `${tail}\n${line}`.slice(-2000);
        const m = line.match(pattern);
        if (m) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          child.stderr?.off('data', onData);
          resolve(m);
          return;
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the child ended (${code}) before a line matching ${pattern}: ${tail}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Runs the CLI import to its end; resolves with its exit code. */
function cliImport(target: FaultTarget, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, tsxArgs('import', 'residents', file), {
      cwd: ROOT,
      env: childEnv(target),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err = `${err}${c}`.slice(-2000);
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(0) : reject(new Error(`import exited ${code}: ${err}`)),
    );
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** One fault and what it cost. */
export interface FaultOutcome {
  engine: string;
  way: 'cli' | 'http';
  /** Rows the killed process had reported saved (its last progress line, or the server's last batch log). */
  reportedSaved: number;
  /** Rows found after reopening the database. */
  foundAfterKill: number;
  /** Rows reported saved and not found: must be 0. */
  lost: number;
  /** Whether the kill fell in the middle (the import had not finished). */
  midway: boolean;
  /** After re-running the same file: residents more than the file's people (duplicates): must be 0. */
  duplicates: number;
  /** Whether the end state equals a clean import of the same file into a fresh database. */
  equalsClean: boolean;
}

/**
 * Kills an import of `rows` residents (through `way`) with SIGKILL after it reported saved rows, then
 * checks what the reopened database holds, re-runs the file through the CLI and compares the end state
 * with `clean` (the fingerprint of a clean import: see cleanFingerprint).
 */
export async function injectImportFault(
  engine: FaultEngine,
  way: 'cli' | 'http',
  file: string,
  rows: number,
  clean: Awaited<ReturnType<typeof fingerprint>>,
): Promise<FaultOutcome> {
  const target = await engine.fresh();
  try {
    await seed(target);
    let reportedSaved: number;
    if (way === 'cli') {
      // stdout is not a terminal: the progress bar prints a plain line on the first committed batch
      // and then every few seconds; the kill follows the first line that names saved rows.
      const child = spawn(process.execPath, tsxArgs('import', 'residents', file), {
        cwd: ROOT,
        env: childEnv(target),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const m = await waitForLine(child, /saved ([1-9]\d*)/, 120_000).finally(() => killed(child));
      reportedSaved = Number(m[1]);
    } else {
      const port = await freePort();
      const child = spawn(process.execPath, tsxArgs('serve'), {
        cwd: ROOT,
        env: childEnv(target, { PORT: String(port), HOST: '127.0.0.1' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        await waitForLine(child, /listening|Server listening|http:\/\/127\.0\.0\.1/i, 120_000);
        const base = `http://127.0.0.1:${port}`;
        const login = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ADMIN),
        });
        const { token } = (await login.json()) as { token: string };
        const progress = waitForLine(
          child,
          /"msg":"import batch committed".*"saved":([1-9]\d*)|"saved":([1-9]\d*).*"msg":"import batch committed"/,
          120_000,
        );
        fetch(`${base}/api/imports/residents`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
          body: fs.readFileSync(file),
        }).catch(() => undefined); // cut by the kill
        const m = await progress;
        reportedSaved = Number(m[1] ?? m[2]);
      } finally {
        await killed(child);
      }
    }
    // The first `reportedSaved` rows of the file (every row is good, batches commit in file order).
    const handle = await target.open();
    let foundAfterKill: number;
    let presentOfReported: number;
    try {
      const r = await sql<{ found: number; reported: number }>`
        select count(*)::int found,
               count(*) filter (where code < ${`F-${String(reportedSaved).padStart(7, '0')}`})::int reported
        from resident`.execute(handle.db);
      foundAfterKill = r.rows[0]!.found;
      presentOfReported = r.rows[0]!.reported;
    } finally {
      await handle.close();
    }
    await cliImport(target, file);
    const after = await target.open();
    try {
      const end = await fingerprint(after.db);
      return {
        engine: engine.name,
        way,
        reportedSaved,
        foundAfterKill,
        lost: reportedSaved - presentOfReported,
        midway: foundAfterKill < rows,
        duplicates: end.residents - rows,
        equalsClean: JSON.stringify(end) === JSON.stringify(clean),
      };
    } finally {
      await after.close();
    }
  } finally {
    await target.drop();
  }
}

/** The fingerprint of a clean import of `file` into a fresh database of the engine. */
export async function cleanFingerprint(engine: FaultEngine, file: string) {
  const target = await engine.fresh();
  try {
    await seed(target);
    const handle = await target.open();
    try {
      // In this process (the same code the CLI runs), to spare a child's start.
      const ctx = {
        db: handle.db,
        engine: handle.engine,
        profile: loadProfile('vn'),
        config: loadConfig({ GRASSROOTS_PROFILE: 'vn' }),
        clock: systemClock,
      };
      await runImportFile(ctx, 'residents', file);
      return await fingerprint(handle.db);
    } finally {
      await handle.close();
    }
  } finally {
    await target.drop();
  }
}

/** A migrated PGlite dump, for embeddedFaultEngine outside the tests (`npm run reliability`). */
export async function migratedPGliteDump(): Promise<Blob> {
  const { migrateToLatest } = await import('../../src/platform/db/migrate.ts');
  const pglite = await openPGlite(undefined);
  const handle = wrapPGlite(pglite);
  await migrateToLatest(handle.db);
  const dump = await pglite.dumpDataDir('none');
  await handle.close();
  return dump;
}

/**
 * `npm run reliability`'s rows of faults injected × rows lost (test/fuzz/reliability-rows.ts calls
 * this): on the embedded engine, and on the PostgreSQL server when one answers, IMPORT_FAULTS kills
 * (default 2) of each way in of an import of IMPORT_FAULT_ROWS residents (default 20,000), each
 * followed by a re-run. `wrong` counts re-runs with duplicates or an end state other than a clean
 * import's.
 */
export async function importFaultRows(): Promise<
  {
    fault: string;
    injected: number;
    requests: number;
    wrong: number;
    hangs: number;
    rowsLost: number;
    note?: string;
  }[]
> {
  const faults = Number(process.env.IMPORT_FAULTS ?? 2);
  const rows = Number(process.env.IMPORT_FAULT_ROWS ?? 20_000);
  const { createTemplateDatabase, serverAnswers } = await import('../support/postgres-server.ts');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grassroots-faults-'));
  const template = `grassroots_faults_${process.pid}`;
  const engines: FaultEngine[] = [embeddedFaultEngine(await migratedPGliteDump(), dir)];
  const out = [];
  try {
    if (await serverAnswers()) {
      await createTemplateDatabase(template);
      engines.push(postgresFaultEngine(template));
    }
    const file = residentsFile(dir, rows);
    for (const engine of engines) {
      const clean = await cleanFingerprint(engine, file);
      for (const way of ['cli', 'http'] as const) {
        const outcomes: FaultOutcome[] = [];
        for (let i = 0; i < faults; i++) {
          outcomes.push(await injectImportFault(engine, way, file, rows, clean));
          process.stderr.write(`import fault ${engine.name} ${way} ${i + 1}/${faults}\n`);
        }
        const sum = (f: (o: FaultOutcome) => number) => outcomes.reduce((a, o) => a + f(o), 0);
        out.push({
          fault: `kill -9 ${way === 'cli' ? 'of a CLI import' : 'of the server in an HTTP import'} (${engine.name})`,
          injected: faults,
          requests: way === 'http' ? faults * 2 : 0,
          wrong: sum((o) => o.duplicates + (o.equalsClean ? 0 : 1)),
          hangs: 0,
          rowsLost: sum((o) => o.lost),
          note: `${rows} rows; ${sum((o) => o.reportedSaved)} reported saved at the kills`,
        });
      }
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    if (engines.length > 1) await dropDatabase(template).catch(() => undefined);
  }
}

/**
 * Runs the real CLI (`grassroots import residents <file>`) on a fresh database of the engine (areas
 * seeded) and answers its exit code, its standard output and the residents' codes it stored.
 */
export async function cliImportOnce(
  engine: FaultEngine,
  file: string,
): Promise<{ code: number | null; stdout: string; codes: string[] }> {
  const target = await engine.fresh();
  try {
    await seed(target);
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, tsxArgs('import', 'residents', file), {
        cwd: ROOT,
        env: childEnv(target),
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c;
      });
      child.once('error', reject);
      child.once('exit', (exit) => resolve({ code: exit, stdout: out }));
    });
    const handle = await target.open();
    try {
      const r = await sql<{ code: string }>`select code from resident order by code`.execute(handle.db);
      return { code, stdout, codes: r.rows.map((x) => x.code) };
    } finally {
      await handle.close();
    }
  } finally {
    await target.drop();
  }
}
