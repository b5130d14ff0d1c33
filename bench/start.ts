/**
 * How long a later start takes (issue 17 targets: healthy in under 3 s, `--help` and the "folder in
 * use" refusal in under 1 s, on an idle machine). On an embedded data folder with the demo already
 * loaded (made once under the system's temporary folder, kept for later runs), it times as whole
 * processes, from spawn:
 * - N later starts, until GET /api/health answers ok, with the phases the server logs once listening
 *   (seconds since its process started: modules loaded, database open and migrated, server built,
 *   listening);
 * - N `grassroots --help`, until it exits;
 * - N refusals: `grassroots serve` on the folder while a server holds it, until it exits (code 75).
 * Prints min, median and max of each, with the load average; asserts nothing.
 *
 * Usage: npm run bench:start [-- --runs 10] [--command npm|node]   (npm: `npm start`, as a user types
 * it, the default; node: `node bin/grassroots.js serve`, without npm's own start-up)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/platform/project-root.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10' }, command: { type: 'string', default: 'npm' } },
});
const runs = Number(values.runs);
const dataDir = path.join(os.tmpdir(), 'grassroots-bench-start');
const port = 3900 + Math.floor(Math.random() * 90);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  GRASSROOTS_DATA: dataDir,
  PORT: String(port),
  LOG_LEVEL: 'info',
};
delete env.DATABASE_URL;
const bin = path.join(PROJECT_ROOT, 'bin/grassroots.js');
const serveCommand: [string, string[]] =
  values.command === 'node' ? [process.execPath, [bin, 'serve']] : ['npm', ['start', '--silent']];

const run = (command: string, args: string[]): ChildProcess =>
  spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** Seconds from spawn to exit, and the exit code. */
async function timeToExit(args: string[]): Promise<{ seconds: number; code: number | null }> {
  const started = performance.now();
  const child = run(process.execPath, [bin, ...args]);
  child.stdout?.resume();
  child.stderr?.resume();
  const code = await exited(child);
  return { seconds: (performance.now() - started) / 1000, code };
}

interface Start {
  seconds: number;
  phases: Record<string, number>;
  server: ChildProcess;
}

/** Starts the server and returns once /api/health answers ok, with the phases it logged. */
async function startServer(): Promise<Start> {
  const started = performance.now();
  const server = run(...serveCommand);
  let output = '';
  server.stdout?.on('data', (d) => {
    output += d;
  });
  server.stderr?.resume();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode}):\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      async (r) => r.ok && ((await r.json()) as { status?: string }).status === 'ok',
      () => false,
    );
    if (ok) break;
    if (performance.now() - started > 180_000) throw new Error('not healthy after 3 minutes');
    await new Promise((r) => setTimeout(r, 10));
  }
  const seconds = (performance.now() - started) / 1000;
  // The phases line is written just after listening; give it a moment to arrive.
  for (let i = 0; i < 300 && !/"startup":/.test(output); i++) await new Promise((r) => setTimeout(r, 10));
  const line = output.split('\n').find((l) => l.includes('"startup":'));
  const phases = line ? (JSON.parse(line) as { startup: Record<string, number> }).startup : {};
  return { seconds, phases, server };
}

/** Stops the server and waits until its folder is free (npm may exit before the server under it). */
async function stop(server: ChildProcess): Promise<void> {
  process.kill(-server.pid!, 'SIGTERM'); // the process group: npm and the server under it
  await exited(server);
  const lock = path.join(dataDir, 'grassroots.lock');
  for (let i = 0; i < 3000 && fs.existsSync(lock); i++) await new Promise((r) => setTimeout(r, 10));
}

const s = (x: number) => `${x.toFixed(2)} s`;
function summary(label: string, xs: number[]): string {
  const sorted = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return `${label.padEnd(34)} min ${s(sorted[0]!)}, median ${s(median)}, max ${s(sorted.at(-1)!)}  (${sorted.length} runs)`;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(dataDir, 'pgdata'))) {
    console.log(`Loading the demo into ${dataDir} (once; later runs reuse it)...`);
    const { code } = await timeToExit(['demo']);
    if (code !== 0) throw new Error(`grassroots demo failed (exit ${code})`);
  }
  // One start not counted: it builds what is stale (server bundle, web app) and warms the disk cache.
  await stop((await startServer()).server);

  const starts: Start[] = [];
  for (let i = 0; i < runs; i++) {
    const start = await startServer();
    starts.push(start);
    await stop(start.server);
  }
  const help: number[] = [];
  for (let i = 0; i < runs; i++) help.push((await timeToExit(['--help'])).seconds);

  const holder = await startServer();
  const refusals: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const { seconds, code } = await timeToExit(['serve']);
      if (code !== 75) throw new Error(`a second serve on the folder in use exited ${code}, not 75`);
      refusals.push(seconds);
    }
  } finally {
    await stop(holder.server);
  }

  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  console.log(
    `\nA later start on the demo (embedded engine), ${os.cpus().length} cores, load average ${load}`,
  );
  const started = values.command === 'node' ? 'node bin/grassroots.js serve' : 'npm start';
  console.log(
    summary(
      `${started}, until /api/health ok`,
      starts.map((x) => x.seconds),
    ),
  );
  const names = [...new Set(starts.flatMap((x) => Object.keys(x.phases)))];
  for (const name of names)
    console.log(
      summary(
        `  ${name} (since the server's start)`,
        starts.map((x) => x.phases[name] ?? Number.NaN),
      ),
    );
  console.log(summary('grassroots --help', help));
  console.log(summary('refusal of a folder in use', refusals));
}

await main();
