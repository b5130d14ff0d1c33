import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { demoOf } from '../../../src/demo/demos.ts';
import { systemClock } from '../../../src/platform/clock.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { todayIn } from '../../../src/platform/dates.ts';
import { openServerDatabase } from '../../../src/platform/db/database.ts';
import { loadProfile } from '../../../src/platform/profile.ts';
import {
  adminUrl,
  createTemplateDatabase,
  dropDatabase,
  serverAnswers,
  urlFor,
} from '../../../test/support/postgres-server.ts';
import { CHROMIUM } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database on the PostgreSQL server holding the demo province, copied per browser test file. */
    demoTemplate: string;
    /** The same for the CN profile's demo county (startDemoSite({ profile: 'cn' })). */
    cnDemoTemplate: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Each profile's templates by their own prefix, so a run clears only its profile's older ones. */
const PREFIXES = { vn: 'grassroots_e2e_demo_', cn: 'grassroots_e2e_cndemo_' } as const;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * The demo template is kept between runs (loading it takes a minute or two): its name carries a hash of
 * what shapes it (today's date, the demo generator, the migrations, the CSV imports it loads through).
 */
function demoTemplateName(prefix: string, today: string): string {
  const hash = createHash('sha256').update(today);
  const files = [
    ...filesUnder(path.join(root, 'src/demo')),
    ...filesUnder(path.join(root, 'migrations')),
    ...filesUnder(path.join(root, 'src/modules')).filter((f) => /\.import[^/]*\.ts$/.test(f)),
  ].sort();
  for (const f of files) hash.update(path.relative(root, f)).update(fs.readFileSync(f));
  return `${prefix}${hash.digest('hex').slice(0, 16)}`;
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Makes sure a template database holds the profile's demo (residents included), as `npm start` loads
 * it on a first start; resolves with its name.
 */
async function ensureDemoTemplate(profileId: keyof typeof PREFIXES): Promise<string> {
  const prefix = PREFIXES[profileId];
  const profile = loadProfile(profileId);
  const demo = demoOf(profile);
  if (!demo) throw new Error(`the profile ${profileId} has no demo for the browser tests`);
  const today = todayIn(profile.timeZone, new Date());
  const template = demoTemplateName(prefix, today);
  await withAdmin(async (admin) => {
    // One run at a time builds the template; a run that waits finds it ready.
    await admin.query('select pg_advisory_lock(hashtext($1))', [prefix]);
    try {
      const { rows } = await admin.query<{ datname: string; ready: string | null }>(
        `select datname, shobj_description(oid, 'pg_database') as ready from pg_database where datname like $1`,
        [`${prefix}%`],
      );
      // Older templates go, unless a run elsewhere (another checkout) is copying from one right now.
      for (const old of rows.filter((r) => r.datname !== template)) {
        await admin.query(`drop database if exists "${old.datname}"`).catch(() => {});
      }
      if (rows.some((r) => r.datname === template && r.ready === 'demo loaded')) return;
      await dropDatabase(template);
      await createTemplateDatabase(template);
      const handle = openServerDatabase(urlFor(template), 4);
      const started = Date.now();
      await demo.load(
        {
          db: handle.db,
          engine: handle.engine,
          profile,
          config: loadConfig({ GRASSROOTS_PROFILE: profileId }),
          clock: systemClock,
        },
        { output: false, today },
      );
      await handle.close();
      await admin.query(`comment on database "${template}" is 'demo loaded'`);
      console.log(
        `[browser tests] ${profileId} demo loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [prefix]);
    }
  });
  return template;
}

/**
 * Once per run, for the browser tests: build the web app (if its sources changed), check Chromium is
 * there (scripts/ensure-chromium.sh installs it), and make sure template databases on the PostgreSQL
 * server hold the demo province and the CN demo county.
 */
export default async function setup(project: {
  provide: (key: 'demoTemplate' | 'cnDemoTemplate', value: string) => void;
}) {
  execFileSync(process.execPath, ['scripts/build.js', 'web'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (npm test runs it)`);
  }
  if (!(await serverAnswers())) {
    throw new Error(
      `The browser tests need the PostgreSQL server at ${adminUrl()} (scripts/ensure-postgres.sh)`,
    );
  }
  project.provide('demoTemplate', await ensureDemoTemplate('vn'));
  project.provide('cnDemoTemplate', await ensureDemoTemplate('cn'));
}
