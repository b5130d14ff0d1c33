/**
 * A bounded load test from the outside (issue 18): the real server in its own process, on loopback,
 * driven by autocannon with a mix of what a working day sends: counter searches, resident reads,
 * eligibility checks and facility lists, across the station, district, province and insurance logins.
 * Prints requests per second, latency percentiles (p50, p95, p99 from every response's time), errors,
 * the status codes and the machine's load average; asserts nothing.
 *
 * Usage: npm run bench:load [-- --engine postgres|embedded] [--connections 20] [--seconds 20]
 *   postgres: a database `grassroots_bench_load` on 127.0.0.1:5432 (BENCH_DATABASE_URL), the demo
 *             loaded once and kept;
 *   embedded: a data folder under the system's temporary folder, the demo loaded at its first start.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { runLoad } from './support/load-run.ts';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    connections: { type: 'string' },
    seconds: { type: 'string', default: '20' },
    reload: { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
});
const engine = values.engine === 'embedded' ? 'embedded' : 'postgres';

async function main(): Promise<void> {
  console.log(`Starting the server on the ${engine} engine...`);
  const r = await runLoad({
    engine,
    connections: values.connections ? Number(values.connections) : undefined,
    seconds: Number(values.seconds),
    reload: values.reload,
    profileDir: values.profile,
  });
  const [load1] = os.loadavg();
  console.log(
    `\n${engine}, ${r.connections} connections, ${r.seconds} s, mix 40% search / 30% read / 20% eligibility / 10% facility list`,
  );
  console.log(`  requests/s  ${r.requestsPerSecond.toFixed(0)} (total ${r.total})`);
  console.log(`  latency ms  p50 ${r.p50}  p95 ${r.p95}  p99 ${r.p99}  max ${r.max}`);
  console.log(`  errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`);
  console.log(
    `  CPU per request: server ${r.serverCpuMsPerRequest} ms${r.databaseCpuMsPerRequest === null ? '' : `, database backends ${r.databaseCpuMsPerRequest} ms`}`,
  );
  console.log(`  statuses ${[...r.statuses].map(([s, c]) => `${s}: ${c}`).join(', ')}`);
  console.log(`  load average (1 min) at the end ${load1?.toFixed(2)} on ${os.cpus().length} cores`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
