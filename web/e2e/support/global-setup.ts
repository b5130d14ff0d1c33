import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { loadDemoProvince } from '../../../src/demo/load.ts';
import { loadConfig } from '../../../src/platform/config.ts';
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
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Once per run, for the browser tests: build the web app (if its sources changed), check Chromium is
 * there (scripts/ensure-chromium.sh installs it), and load the demo province (residents included) into a
 * template database on the PostgreSQL server, as `npm start` would on a first start.
 */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-web.ts'], {
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
  const template = `grassroots_e2e_${process.pid}_${Date.now()}`;
  await createTemplateDatabase(template);
  const handle = openServerDatabase(urlFor(template), 4);
  const started = Date.now();
  await loadDemoProvince(
    {
      db: handle.db,
      engine: handle.engine,
      profile: loadProfile('vn'),
      config: loadConfig({ GRASSROOTS_PROFILE: 'vn' }),
    },
    { output: false },
  );
  console.log(`[browser tests] demo province loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await handle.close();
  project.provide('demoTemplate', template);
  return async () => {
    await dropDatabase(template);
  };
}
