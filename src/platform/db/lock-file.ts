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

/**
 * Who holds a lock. A pid alone does not name a process: in a container that restarts, the server is
 * PID 1 every time, so a lock left by a killed PID 1 names the next one too. The boot id and the
 * process's start time (in clock ticks since boot, from /proc) make the name unique; both are absent
 * where there is no /proc (then the pid and this process's own list of locks decide).
 */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
  /** /proc/sys/kernel/random/boot_id of the machine the holder runs on. */
  bootId?: string;
  /** Field 22 of /proc/<pid>/stat: when the holder started, in clock ticks since boot. */
  processStart?: string;
}

export interface LockFile {
  path: string;
  release(): void;
}

/** The lock files this process holds (one set per process, even if this module were loaded twice). */
const registry = globalThis as Record<symbol, Set<string> | undefined>;
const LOCKS = Symbol.for('grassroots.locks');
registry[LOCKS] ??= new Set<string>();
const held: Set<string> = registry[LOCKS];

/**
 * Throws DataFolderLockedError when a live process holds the folder, without taking the lock: the CLI
 * asks before it loads the server, so that a second process is refused at once. Opening the database
 * still takes the lock (acquireLockFile), which is what makes two processes on one folder impossible.
 */
export function assertDataFolderFree(dataDir: string): void {
  const lockPath = path.join(dataDir, LOCK_NAME);
  const holder = readHolder(lockPath);
  if (holder && holdsLock(holder, lockPath)) throw new DataFolderLockedError(dataDir, holder);
}

export function acquireLockFile(dataDir: string): LockFile {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_NAME);
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
    bootId: bootId(),
    processStart: processStart(process.pid),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      held.add(lockPath);
      return makeLock(lockPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(lockPath);
      if (holder && holdsLock(holder, lockPath)) throw new DataFolderLockedError(dataDir, holder);
      // The holder is gone (a crash, a kill -9, a container restart): the lock is stale.
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
    held.delete(lockPath);
    const holder = readHolder(lockPath);
    if (holder && isThisProcess(holder)) fs.rmSync(lockPath, { force: true });
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

/** True when the process the lock names still runs (and so still holds the folder). */
export function holdsLock(holder: LockHolder, lockPath: string): boolean {
  if (holder.host !== os.hostname()) return true; // cannot check another machine: assume it still runs
  const boot = bootId();
  if (holder.bootId && boot && holder.bootId !== boot) return false; // no process outlives a reboot
  if (holder.pid === process.pid) {
    // Our own pid: a lock we took ourselves (opening one folder twice is just as unsafe), or one left by
    // an earlier process that had the same pid (PID 1 in a restarted container), which is stale.
    if (held.has(lockPath)) return true;
    const mine = processStart(process.pid);
    return holder.processStart !== undefined && holder.processStart === mine;
  }
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A live process with that pid: the holder, unless its start time shows the pid was reused.
  const started = processStart(holder.pid);
  return holder.processStart === undefined || started === undefined || started === holder.processStart;
}

function isThisProcess(holder: LockHolder): boolean {
  return (
    holder.pid === process.pid &&
    holder.host === os.hostname() &&
    (holder.processStart === undefined || holder.processStart === processStart(process.pid))
  );
}

/** The kernel's id of this boot (Linux), or undefined where there is none. */
export function bootId(): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** When process `pid` started, in clock ticks since boot (Linux), or undefined when it cannot be read. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    // What follows is field 3 (state) onwards, so the start time (field 22) is the 20th.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
