/**
 * A PostgreSQL database holding the demo province, for the benchmarks: loaded once and kept (the
 * database is commented 'demo loaded'), so later runs only migrate it. `reload` starts it afresh.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { loadDemoProvince } from '../../src/demo/load.ts';
import type { AppContext } from '../../src/platform/app-context.ts';
import { systemClock, todayOf } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type DatabaseHandle, openServerDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { loadProfile } from '../../src/platform/profile.ts';

const READY = 'demo loaded';

async function withAdmin<T>(url: string, fn: (c: pg.Client, name: string) => Promise<T>): Promise<T> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    return await fn(admin, name);
  } finally {
    await admin.end();
  }
}

/** True when the database already holds the demo (loaded by an earlier run). */
async function prepare(url: string, reload: boolean): Promise<boolean> {
  return withAdmin(url, async (admin, name) => {
    const { rows } = await admin.query<{ ready: string | null }>(
      `select shobj_description(oid, 'pg_database') as ready from pg_database where datname = $1`,
      [name],
    );
    if (!reload && rows[0]?.ready === READY) return true;
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    return false;
  });
}

/** Opens (creating and loading it the first time) the demo database at `url`, with an app context on it. */
export async function openDemoDatabase(
  url: string,
  opts: { reload?: boolean; poolSize?: number } = {},
): Promise<{ ctx: AppContext; handle: DatabaseHandle }> {
  const loaded = await prepare(url, opts.reload ?? false);
  const handle = openServerDatabase(url, opts.poolSize ?? 4);
  await migrateToLatest(handle.db);
  const ctx: AppContext = {
    db: handle.db,
    engine: 'postgres',
    profile: loadProfile('vn'),
    config: loadConfig({ ...process.env, DATABASE_URL: url, GRASSROOTS_PROFILE: 'vn' }),
    clock: systemClock,
  };
  if (!loaded) {
    console.log('Loading the demo province (once; later runs reuse it)...');
    const started = Date.now();
    await loadDemoProvince(ctx, { output: false, today: todayOf(ctx) });
    await sql`analyze`.execute(handle.db);
    await withAdmin(url, (admin, name) => admin.query(`comment on database "${name}" is '${READY}'`));
    console.log(`  loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return { ctx, handle };
}

/** The value below which `p` percent of the sorted samples fall. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
