import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from './database.ts';
import { acquireLockFile, DataFolderLockedError } from './lock-file.ts';

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
});
