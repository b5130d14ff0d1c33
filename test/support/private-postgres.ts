import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A PostgreSQL cluster of the test's own (initdb and pg_ctl of Debian's server, on a free port in a
 * temporary folder), for fault tests that stop and start the server: the machine's shared server on
 * 5432 serves every other test and is never restarted. initdb refuses to run as root, so as root the
 * cluster runs as the `postgres` user (which Debian's package creates).
 */
export interface PrivateCluster {
  port: number;
  url(database: string): string;
  /** Stops the server: `fast` ends every session at once (57P01 to each), as a restart does. */
  stop(): void;
  start(): void;
  /** Stops the server and removes its folder. */
  destroy(): void;
}

/** The newest installed server's bin folder, or undefined when no server is installed. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? path.join(root, newest, 'bin') : undefined;
}

/** Why a private cluster cannot be made here (no server installed, root without a postgres user). */
export function privateClusterUnavailable(): string | undefined {
  if (!postgresBinDir()) return 'no PostgreSQL server installed (/usr/lib/postgresql/*/bin/initdb)';
  if (process.getuid?.() === 0 && userId('postgres') === undefined)
    return 'running as root and there is no postgres user to run initdb as';
  return undefined;
}

function userId(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = postgresBinDir()!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grassroots-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userId('postgres') : undefined;
  if (owner) {
    fs.chmodSync(dir, 0o755);
    fs.chownSync(dir, owner.uid, owner.gid);
  }
  // As root, run each program as postgres; the folder is then that user's.
  const run = (program: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : path.join(bin, program),
      asRoot ? ['-u', 'postgres', '--', path.join(bin, program), ...args] : args,
      { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir },
    );
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  // A throwaway server: no durability wanted, few connections, only loopback, its socket in its folder.
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=40',
    '-c shared_buffers=32MB',
  ].join(' ');
  const pgCtl = (args: string[]) => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), ...args]);
  const cluster: PrivateCluster = {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => pgCtl(['-o', options, '-w', '-t', '30', 'start']),
    stop: () => pgCtl(['-m', 'fast', '-w', '-t', '30', 'stop']),
    destroy: () => {
      try {
        cluster.stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    cluster.start();
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return cluster;
}
