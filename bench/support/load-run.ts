/**
 * The load of bench:load, as a function (npm run reliability runs a short one for its table): the real
 * server in its own process on loopback, driven by autocannon with a mix of what a working day sends
 * (counter searches, resident reads, eligibility checks and facility lists, across the station,
 * district, province and insurance logins).
 *   postgres: a database `grassroots_bench_load` on 127.0.0.1:5432 (BENCH_DATABASE_URL), the demo
 *             loaded once and kept;
 *   embedded: a data folder under the system's temporary folder, the demo loaded at its first start.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { PROJECT_ROOT } from '../../src/platform/project-root.ts';
import { openDemoDatabase, percentile } from './demo-database.ts';

export interface LoadOptions {
  engine: 'postgres' | 'embedded';
  /** Concurrent clients: 20 on PostgreSQL, 10 on the embedded engine unless given. */
  connections?: number;
  seconds: number;
  /** Reload the demo into the PostgreSQL database first. */
  reload?: boolean;
  /** Write a CPU profile of the server (node --cpu-prof) into this folder. */
  profileDir?: string;
}

export interface LoadResult {
  engine: 'postgres' | 'embedded';
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  total: number;
  /** Latency percentiles in ms, from every response's own time. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Map<number, number>;
  /**
   * CPU time per request (ms) of the server process and, on PostgreSQL, of the database's backends
   * serving it: what a request costs whatever the machine's load, where requests/s and latency
   * mostly say how much of the two cores the other work left.
   */
  serverCpuMsPerRequest: number;
  databaseCpuMsPerRequest: number | null;
}

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/grassroots_bench_load';

/**
 * Starts the real server in its own process on the engine, signs in the demo's logins and drives the
 * mix with autocannon for `seconds`; the server is stopped at the end.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { engine, seconds } = options;
  const connections = options.connections ?? (engine === 'embedded' ? 10 : 20);
  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(engine, port, base, options.reload ?? false, options.profileDir);
  try {
    return await drive(base, engine, connections, seconds, server.pid!);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode === null ? server.once('exit', r) : r(null)));
  }
}

async function startServer(
  engine: 'postgres' | 'embedded',
  port: number,
  base: string,
  reload: boolean,
  profileDir: string | undefined,
): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LOG_LEVEL: 'warn' };
  if (engine === 'postgres') {
    const { handle } = await openDemoDatabase(url, { reload });
    await handle.close();
    env.DATABASE_URL = url;
  } else {
    delete env.DATABASE_URL;
    env.GRASSROOTS_DATA = path.join(os.tmpdir(), 'grassroots-bench-load-embedded');
  }
  const flags = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const server = spawn(process.execPath, [...flags, path.join(PROJECT_ROOT, 'bin/grassroots.js'), 'serve'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not become healthy in 3 minutes');
}

async function signIn(base: string, username: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!r.ok) throw new Error(`sign-in as ${username}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}

async function getJson<T>(base: string, token: string, route: string): Promise<T> {
  const r = await fetch(`${base}/api${route}`, { headers: { authorization: `Bearer ${token}` } });
  if (!r.ok) throw new Error(`GET ${route}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

interface Resident {
  id: string;
  fullName: string;
  birthDate: string | null;
}
interface Card {
  cardNumber: string | null;
}

/** What the requests are made of: residents of the demo district, their cards, the station's code. */
async function samples(base: string, district: string) {
  const { items } = await getJson<{ items: Resident[] }>(base, district, '/residents?area=575&limit=200');
  const residents = items.filter((_, i) => i % 2 === 0).slice(0, 100);
  const cards: { card: string; fullName: string; birthDate: string | null }[] = [];
  for (const r of residents.slice(0, 40)) {
    const list = await getJson<{ items: Card[] } | Card[]>(
      base,
      district,
      `/residents/${r.id}/insurance-cards`,
    );
    const first = (Array.isArray(list) ? list : list.items).find((c) => c.cardNumber);
    if (first?.cardNumber)
      cards.push({ card: first.cardNumber, fullName: r.fullName, birthDate: r.birthDate });
  }
  // Counter searches as a clerk types them: a family and a given name, or a given name with a birth year.
  const searches = residents.map((r, i) => {
    const words = r.fullName.split(' ');
    const given = words[words.length - 1]!;
    return i % 2 === 0 ? `${words[0]} ${given}` : `${given} ${r.birthDate?.slice(0, 4) ?? ''}`.trim();
  });
  return { residents, cards, searches };
}

/** User + system CPU time of a process so far, in ms (Linux /proc; 0 when unreadable). */
function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in 1/100 s
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends serving the bench database now (the server's pool). */
async function backendPids(): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return r.rows.map((x) => x.pid);
  } finally {
    await client.end();
  }
}

async function drive(
  base: string,
  engine: 'postgres' | 'embedded',
  connections: number,
  seconds: number,
  serverPid: number,
): Promise<LoadResult> {
  const [station, district, province, insurance] = await Promise.all(
    ['station', 'district', 'province', 'insurance'].map((u) => signIn(base, u)),
  );
  const { residents, cards, searches } = await samples(base, district!);
  if (cards.length === 0) throw new Error('no insurance card found among the sampled residents');
  const facility = (await getJson<{ items: { code: string }[] }>(base, station!, '/facilities?limit=1'))
    .items[0]!;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  let n = 0;
  // One request each time round, in fixed proportions: 4 searches, 3 reads, 2 checks, 1 list in 10.
  const next = (): { path: string; headers: Record<string, string> } => {
    const i = n++;
    const k = i % 10;
    const pick = <T>(xs: T[]) => xs[Math.floor(i / 10) % xs.length]!;
    if (k < 4)
      return {
        path: `/api/residents?q=${encodeURIComponent(pick(searches))}&limit=20`,
        headers: auth(k % 2 ? station! : district!),
      };
    if (k < 7)
      return {
        path: `/api/residents/${pick(residents).id}`,
        headers: auth(k === 6 ? province! : district!),
      };
    if (k < 9) {
      const c = pick(cards);
      const q = new URLSearchParams({ card: c.card, fullName: c.fullName, facility: facility.code });
      if (c.birthDate) q.set('birthDate', c.birthDate);
      return { path: `/api/eligibility?${q}`, headers: auth(k === 7 ? station! : insurance!) };
    }
    return { path: '/api/facilities?limit=50', headers: auth(province!) };
  };
  const statuses = new Map<number, number>();
  const times: number[] = [];
  const serverBefore = cpuMs(serverPid);
  const backendsBefore = new Map<number, number>();
  if (engine === 'postgres') for (const pid of await backendPids()) backendsBefore.set(pid, cpuMs(pid));
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [{ setupRequest: (req) => ({ ...req, ...next() }) }],
    setupClient: (client) => {
      client.on('response', (status: number, _bytes: number, ms: number) => {
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        times.push(ms);
      });
    },
  });
  const serverCpu = cpuMs(serverPid) - serverBefore;
  let databaseCpu: number | null = null;
  if (engine === 'postgres') {
    databaseCpu = 0;
    for (const pid of await backendPids()) databaseCpu += cpuMs(pid) - (backendsBefore.get(pid) ?? 0);
  }
  times.sort((a, b) => a - b);
  const ms = (x: number | undefined) => Math.round((x ?? 0) * 10) / 10;
  const perRequest = (x: number) => Math.round((x / Math.max(1, result.requests.total)) * 100) / 100;
  return {
    engine,
    connections,
    seconds,
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: ms(percentile(times, 50)),
    p95: ms(percentile(times, 95)),
    p99: ms(percentile(times, 99)),
    max: ms(times.at(-1)),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
    serverCpuMsPerRequest: perRequest(serverCpu),
    databaseCpuMsPerRequest: databaseCpu === null ? null : perRequest(databaseCpu),
  };
}
