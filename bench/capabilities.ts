/**
 * The gaps of the demo province's commune stations against their standard (GET /api/capabilities):
 * the province's report (136 stations, their declaration and equipment histories, the visits of the
 * past year for an unoffered service) and a district's, as the demo's `province` and `district`
 * logins. Prints figures; asserts nothing.
 *
 * Usage: npm run bench:capabilities [-- --runs 30] [--reload]   (BENCH_DATABASE_URL, default a database
 * `grassroots_bench_capabilities` on 127.0.0.1:5432). The demo is loaded once and kept.
 */
import { parseArgs } from 'node:util';
import type { App } from '../src/platform/app-context.ts';
import { buildServer } from '../src/server.ts';
import { openDemoDatabase, percentile } from './support/demo-database.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '30' }, reload: { type: 'boolean', default: false } },
});
const url =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/grassroots_bench_capabilities';

async function timed(app: App, username: string, runs: number): Promise<void> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'demo' },
  });
  if (login.statusCode !== 200)
    throw new Error(`${username} login failed: ${login.statusCode} ${login.body}`);
  const token = login.json().token as string;
  const headers = { authorization: `Bearer ${token}` };
  const session = await app.inject({ url: '/api/auth/session', headers });
  const area = (session.json().roles as { area: { code: string } | null }[]).find((r) => r.area)?.area?.code;
  if (!area) throw new Error(`${username} has no area`);
  const get = async () => {
    const r = await app.inject({ url: `/api/capabilities?area=${area}`, headers });
    if (r.statusCode !== 200) throw new Error(`capabilities failed: ${r.statusCode} ${r.body}`);
    return r.json() as { rollUp: { stations: number; services: { share: number | null } } };
  };
  for (let i = 0; i < 3; i++) await get(); // warm-up
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof get>> | undefined;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    last = await get();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(
    `Capabilities of ${area} as ${username}: ${last?.rollUp.stations} stations, services share ` +
      `${last?.rollUp.services.share}; ${runs} reports, median ${percentile(times, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms`,
  );
}

async function main(): Promise<void> {
  const { ctx, handle } = await openDemoDatabase(url, { reload: values.reload });
  const app = await buildServer(ctx);
  await app.ready();
  const runs = Number(values.runs);
  await timed(app, 'province', runs);
  await timed(app, 'district', runs);
  await app.close();
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
