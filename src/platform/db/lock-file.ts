import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite does not lock its folder, and two processes writing one folder silently lose data.
 * The lock file makes the second process stop at once, naming the one that holds the folder.
 */
export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Grassroots process (pid ${holder.pid} on ${holder.host}, ` +
        `started ${holder.startedAt}, command: ${holder.command}). Stop that process first, or set ` +
        'GRASSROOTS_DATA to another folder. Two processes on one embedded database would corrupt it.',
    );
    this.name = 'DataFolderLockedError';
  }
}

const LOCK_NAME = 'grassroots.lock';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export interface LockFile {
  path: string;
  release(): void;
}

/**
 * Throws DataFolderLockedError when a live process holds the folder, without taking the lock: the CLI
 * asks before it loads the server, so that a second process is refused at once. Opening the database
 * still takes the lock (acquireLockFile), which is what makes two processes on one folder impossible.
 */
export function assertDataFolderFree(dataDir: string): void {
  const holder = readHolder(path.join(dataDir, LOCK_NAME));
  if (holder && isAlive(holder)) throw new DataFolderLockedError(dataDir, holder);
}

export function acquireLockFile(dataDir: string): LockFile {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_NAME);
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      return makeLock(lockPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(lockPath);
      if (holder && isAlive(holder)) throw new DataFolderLockedError(dataDir, holder);
      // The holder is gone (a crash): the lock is stale and can be taken over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock file ${lockPath}`);
}

function makeLock(lockPath: string): LockFile {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const holder = readHolder(lockPath);
    if (holder?.pid === process.pid) fs.rmSync(lockPath, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return { path: lockPath, release };
}

function readHolder(lockPath: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true; // cannot check another machine: assume it still runs
  if (holder.pid === process.pid) return true; // the same process opening the folder twice is just as unsafe
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
