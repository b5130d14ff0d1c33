import { execFile, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from './database.ts';
import { acquireLockFile, bootId, DataFolderLockedError, processStart } from './lock-file.ts';

const run = promisify(execFile);
const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'grassroots-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the data folder lock file', () => {
  test('a second process on the same data folder stops at once with a message naming the holder', async () => {
    const dir = tempDir();
    const lock = acquireLockFile(dir);
    try {
      const err = await run(process.execPath, ['bin/grassroots.js', 'migrate'], {
        env: { ...process.env, GRASSROOTS_DATA: dir, DATABASE_URL: '' },
      }).then(
        () => undefined,
        (e: { code: number; stderr: string }) => e,
      );
      expect(err, 'the second process must fail').toBeDefined();
      expect(err!.code).toBe(75);
      expect(err!.stderr).toContain(`in use by another Grassroots process (pid ${process.pid}`);
      expect(err!.stderr).toContain('GRASSROOTS_DATA');
      // "At once": it refused before opening the database, which would have created its folder.
      expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(false);
    } finally {
      lock.release();
    }
  });

  test('opening the same folder twice in one process is refused too', async () => {
    const dir = tempDir();
    const lock = acquireLockFile(dir);
    try {
      await expect(openDatabase({ dataDir: dir, databaseUrl: undefined })).rejects.toBeInstanceOf(
        DataFolderLockedError,
      );
    } finally {
      lock.release();
    }
  });

  test('a lock left by a crashed process is taken over', () => {
    const dir = tempDir();
    const stale = {
      pid: 2 ** 22 + 12345,
      host: os.hostname(),
      startedAt: '2026-01-01T00:00:00Z',
      command: 'serve',
    };
    fs.writeFileSync(path.join(dir, 'grassroots.lock'), JSON.stringify(stale));
    const lock = acquireLockFile(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  test('release leaves the folder free for the next process', () => {
    const dir = tempDir();
    acquireLockFile(dir).release();
    const again = acquireLockFile(dir);
    expect(JSON.parse(fs.readFileSync(again.path, 'utf8')).pid).toBe(process.pid);
    again.release();
    expect(fs.existsSync(again.path)).toBe(false);
  });

  const writeLock = (dir: string, holder: Record<string, unknown>) =>
    fs.writeFileSync(
      path.join(dir, 'grassroots.lock'),
      JSON.stringify({ host: os.hostname(), startedAt: '2026-01-01T00:00:00Z', command: 'serve', ...holder }),
    );

  test('a lock naming our own pid with another start time (a restarted PID 1) is taken over', () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.pid, bootId: bootId(), processStart: '1' });
    const lock = acquireLockFile(dir);
    const now = JSON.parse(fs.readFileSync(lock.path, 'utf8'));
    expect(now.pid).toBe(process.pid);
    expect(now.processStart).toBe(processStart(process.pid));
    expect(now.processStart).not.toBe('1');
    lock.release();
  });

  test('a lock naming a live other process refuses, naming it', () => {
    const dir = tempDir();
    const parent = process.ppid; // alive for as long as this test runs
    writeLock(dir, { pid: parent, bootId: bootId(), processStart: processStart(parent) });
    expect(() => acquireLockFile(dir)).toThrow(`pid ${parent} on ${os.hostname()}`);
  });

  test('a lock naming a live process whose start time differs (a reused pid) is stale', () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.ppid, bootId: bootId(), processStart: '1' });
    const lock = acquireLockFile(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  test('a lock from another boot is stale, even when its pid runs now', () => {
    const dir = tempDir();
    writeLock(dir, {
      pid: process.ppid,
      bootId: '00000000-0000-0000-0000-000000000000',
      processStart: processStart(process.ppid),
    });
    const lock = acquireLockFile(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});

/** A child process that takes the lock on `dir`, says so on stdout, and then waits to be killed. */
function lockHolderArgs(dir: string): string[] {
  const code = `import { acquireLockFile } from ${JSON.stringify(path.resolve('src/platform/db/lock-file.ts'))};
acquireLockFile(${JSON.stringify(dir)}); console.log('locked ' + process.pid); setInterval(() => {}, 1000);`;
  return ['--import', 'tsx', '--input-type=module', '-e', code];
}

/** Starts `command`, waits until it prints "locked", then kills it with SIGKILL (no exit handler runs). */
async function lockThenKill9(command: string, args: string[]): Promise<string> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before locking`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return line;
}

// Run as PID 1 of a new PID namespace, as a container's process is (needs root and util-linux).
const canBePid1 =
  process.platform === 'linux' &&
  spawnSync('unshare', ['--pid', '--fork', '--mount-proc', '--kill-child', 'true']).status === 0;

describe('a lock left by a process killed with kill -9', () => {
  test('the next start takes the folder over', async () => {
    const dir = tempDir();
    const line = await lockThenKill9(process.execPath, lockHolderArgs(dir));
    const left = JSON.parse(fs.readFileSync(path.join(dir, 'grassroots.lock'), 'utf8'));
    expect(line).toBe(`locked ${left.pid}`); // the killed process left its lock behind
    const lock = acquireLockFile(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  test.runIf(canBePid1)(
    'in a restarted container (PID 1 both times) the next start takes it over',
    async () => {
      const dir = tempDir();
      const asPid1 = ['--pid', '--fork', '--mount-proc', '--kill-child', process.execPath];
      expect(await lockThenKill9('unshare', [...asPid1, ...lockHolderArgs(dir)])).toBe('locked 1');
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'grassroots.lock'), 'utf8')).pid).toBe(1);
      // The second PID 1 finds its own pid in the lock: before this fix it refused forever.
      expect(await lockThenKill9('unshare', [...asPid1, ...lockHolderArgs(dir)])).toBe('locked 1');
    },
    30_000,
  );
});
